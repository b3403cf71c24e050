import { addDays, firstDayOfSchoolYear, schoolYearOfDate } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { addRoutine, setFavourite } from '../regulation/regulation.service';
import { offerOnClassDevice, saveOnClassDevice } from '../regulation/regulation-pupils.service';
import { recordLessonGiven } from '../regulation/window-lessons.service';
import { type DemoRows, pupilsOfClassByName } from './demo.data';

// The demo teacher's class uses regulation (issue 19): two favourites, a routine moment after the break, the first two
// "Ken je raampje" lessons given, and a week of regulation moments on the class device — six pupils who checked in
// outside the window, did the activity they were offered and said whether it helped — so the library, the class's
// check-in page, a pupil's "what helps" and the anonymous figures all show something. Through the services.

/** What the seed needs: the services at a moment, the demo's callers, and today. */
export interface DemoRegulationContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  today: string;
  schoolId: string;
}

/** Seeds the teacher's class; returns how many regulation moments it stored. */
export async function seedDemoRegulation(rows: DemoRows, context: DemoRegulationContext): Promise<number> {
  const { on, callerOf, today, schoolId } = context;
  const teacher = await callerOf('teacher');
  const classId = rows.class_teachers.find((link) => link.user_id === teacher.userId)?.class_id;
  if (!classId) throw new Error('the demo teacher has no class');
  const pupils = pupilsOfClassByName(rows, classId).map((pupil) => pupil.id);
  const daysIntoYear = Math.round((Date.parse(today) - Date.parse(firstDayOfSchoolYear(schoolYearOfDate(today)))) / 86_400_000);
  const within = (daysAgo: number) => Math.min(daysAgo, daysIntoYear);

  await setFavourite(on(0), teacher, schoolId, classId, 'breathing-calm-wave', true);
  await setFavourite(on(0), teacher, schoolId, classId, 'movement-shake-it-out', true);
  await addRoutine(on(0), teacher, schoolId, classId, { timeOfDay: '10:30', label: 'Na de pauze', activityId: 'breathing-calm-wave' });
  for (const [lessonId, daysAgo] of [['stress-in-your-body', 20], ['the-window', 13]] as const) {
    await recordLessonGiven(on(-within(daysAgo)), teacher, schoolId, classId, lessonId, { givenOn: addDays(today, -within(daysAgo)) });
  }

  // Last week's moments (Monday to Wednesday, one ISO week, so the anonymous figures can show it): the first six
  // pupils, each once or twice; most said it helped.
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const lastMonday = weekday + 7;
  if (lastMonday > daysIntoYear) return 0;
  const kiosk = { idHash: 'demo-class-device', classId, schoolId, csrfToken: '' };
  let stored = 0;
  for (const [index, pupilId] of pupils.slice(0, 6).entries()) {
    for (const daysAgo of index % 2 === 0 ? [lastMonday, lastMonday - 2] : [lastMonday - 1]) {
      const deps = on(-daysAgo);
      const state = index === 3 ? 'too_low' : 'too_high';
      const [offered] = await offerOnClassDevice(deps, kiosk, pupilId, state);
      if (!offered) continue;
      await saveOnClassDevice(deps, kiosk, pupilId, { state, activityId: offered.id, helped: index === 4 ? false : index === 5 ? null : true });
      stored += 1;
    }
  }
  return stored;
}
