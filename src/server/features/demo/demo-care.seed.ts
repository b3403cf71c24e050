import { addDays } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { addScreening, addTrustedAdult, saveAces, savePlan } from '../care/care.service';
import { type DemoRows, pupilsOfClassByName } from './demo.data';
import { DEMO_CARE_PUPILS } from './demo-care.data';

/** What the care seed needs: the services at a moment, the demo's callers and people, and today. */
export interface DemoCareContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  idOf: (key: string) => string;
  today: string;
  schoolId: string;
}

/**
 * A few pupils of the demo teacher's class get a trusted adult, a support plan, ACEs from one or more informants and
 * a screening, each through the care services at the moment it happened, so the care file and the care overview
 * show what a school's care team works with. Returns how many pupils got a care file.
 */
export async function seedDemoCare(rows: DemoRows, context: DemoCareContext): Promise<number> {
  const { on, callerOf, idOf, today, schoolId } = context;
  const teacher = await callerOf('teacher');
  const careTeam = await callerOf('careTeam');
  const classId = rows.class_teachers.find((link) => link.user_id === teacher.userId)?.class_id;
  const pupils = pupilsOfClassByName(rows, classId);
  for (const entry of DEMO_CARE_PUPILS) {
    const pupil = pupils[entry.pupilIndex];
    if (!pupil) throw new Error(`the demo teacher's class has no pupil ${entry.pupilIndex}`);
    // Written by the intern begeleider (the care team), who made the plans with the teacher: a teacher's right to a
    // pupil follows this school year's class, and a plan made weeks ago may date from the school year before.
    const made = on(-entry.plan.madeDaysAgo);
    await addTrustedAdult(made, careTeam, schoolId, pupil.id, { userId: idOf(entry.trustedAdult.key), why: entry.trustedAdult.why });
    await savePlan(made, careTeam, schoolId, pupil.id, { content: entry.plan.content, reviewOn: addDays(today, entry.plan.reviewInDays) });
    for (const aces of entry.aces) {
      await saveAces(on(-aces.daysAgo), careTeam, schoolId, pupil.id, {
        informant: aces.informant,
        recordedOn: addDays(today, -aces.daysAgo),
        answers: aces.answers.map(([category, answer]) => ({ category, answer })),
      });
    }
    if (entry.screening) {
      const { instrumentId, informant, daysAgo, answers } = entry.screening;
      await addScreening(on(-daysAgo), careTeam, schoolId, pupil.id, { instrumentId, informant, takenOn: addDays(today, -daysAgo), answers });
    }
  }
  return DEMO_CARE_PUPILS.length;
}
