import { addDays, firstDayOfSchoolYear, schoolYearOfDate } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { addClimateRating, setGroupPhase } from '../sociogram/class-group.service';
import { closeSociogram, requireSociogram, saveChoices, startSociogram } from '../sociogram/sociogram.service';
import { type DemoRows, pupilsOfClassByName } from './demo.data';

// The demo teacher's class gets a Groep page with some history (issue 15): climate ratings, a group phase, and two
// closed sociograms a few weeks apart — the pupils answered on the class device — so the results, the comparison and
// the signal of a pupil nobody chose can be seen. Choices follow a fixed pattern: small groups of friends, one pupil
// who works with a pupil of the next group, and (in the newer sociogram) one pupil nobody chooses any more.

/** What the seed needs: the services at a moment, the demo's callers, and today. */
export interface DemoSociogramContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  today: string;
  schoolId: string;
}

const CLIMATE = [
  { daysAgo: 40, rating: 2, note: 'Veel gedoe bij het buitenspelen; nieuwe afspraken gemaakt.' },
  { daysAgo: 20, rating: 3, note: 'Rustiger sinds de vaste plekken in de kring.' },
  { daysAgo: 3, rating: 3, note: '' },
] as const;

/** Seeds the teacher's class; returns how many sociograms it holds. */
export async function seedDemoSociograms(rows: DemoRows, context: DemoSociogramContext): Promise<number> {
  const { on, callerOf, today, schoolId } = context;
  const teacher = await callerOf('teacher');
  const classId = rows.class_teachers.find((link) => link.user_id === teacher.userId)?.class_id;
  if (!classId) throw new Error('the demo teacher has no class');
  const pupils = pupilsOfClassByName(rows, classId).map((pupil) => pupil.id);
  if (pupils.length < 8) return 0;
  // Everything lies within this school year (the class is this year's), however early in the year today is.
  const daysIntoYear = Math.round((Date.parse(today) - Date.parse(firstDayOfSchoolYear(schoolYearOfDate(today)))) / 86_400_000);
  const within = (daysAgo: number) => Math.min(daysAgo, daysIntoYear);

  await setGroupPhase(on(-within(45)), teacher, schoolId, classId, { phase: 'storming', fromOn: addDays(today, -within(45)) });
  await setGroupPhase(on(-within(15)), teacher, schoolId, classId, { phase: 'norming', fromOn: addDays(today, -within(15)) });
  for (const rating of CLIMATE) {
    await addClimateRating(on(-within(rating.daysAgo)), teacher, schoolId, classId, { ratedOn: addDays(today, -within(rating.daysAgo)), rating: rating.rating, note: rating.note });
  }

  const rounds = daysIntoYear >= 35 ? [{ daysAgo: 35, quietHasFriend: true }, { daysAgo: 10, quietHasFriend: false }] : [{ daysAgo: within(10), quietHasFriend: false }];
  for (const round of rounds) {
    const started = await startSociogram(on(-round.daysAgo), teacher, schoolId, classId, { questions: [{ key: 'play', maxChoices: 3 }, { key: 'work', maxChoices: 3 }] });
    const sociogram = await requireSociogram(on(-round.daysAgo), teacher, schoolId, started.id);
    const quiet = pupils.length - 1;
    const count = pupils.length;
    for (let index = 0; index < count; index += 1) {
      // Groups of four play together; each pupil works with the pupil four places on; nobody picks the quiet pupil,
      // except (in the older sociogram) the first pupil, who played with them then.
      const group = Math.floor(index / 4) * 4;
      const playmates = [group, group + 1, group + 2, group + 3].filter((other) => other !== index && other < count && other !== quiet);
      if (round.quietHasFriend && index === 0) playmates.splice(2, 1, quiet);
      const workmate = (index + 4) % count === quiet ? (index + 5) % count : (index + 4) % count;
      // Two pupils did not get round to answering.
      if (index === 2 || index === 7) continue;
      await saveChoices(on(-round.daysAgo), sociogram, pupils[index]!, [
        { position: 1, chosen: playmates.slice(0, 3).map((other) => pupils[other]!) },
        { position: 2, chosen: workmate === index ? [] : [pupils[workmate]!] },
      ], null);
    }
    await closeSociogram(on(-round.daysAgo + 2), teacher, schoolId, started.id);
  }
  return rounds.length;
}
