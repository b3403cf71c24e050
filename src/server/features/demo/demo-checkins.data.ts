import type { CheckinState } from '../../../shared/checkin';
import { seededRandom } from '../../../shared/seeded-random';
import type { CheckinsTable } from '../checkin/checkin.tables';
import { schoolDateOf } from '../../../shared/school-time';

/** How many school days (Monday–Friday) before today the demo fills with check-ins. */
export const DEMO_CHECKIN_DAYS = 20;

/** The pupils (by place in the class) whose weeks tell a story in the demo. */
export const DEMO_CHECKIN_STORIES = {
  /** Out of the window on each of the last four school days: the streak signal. */
  streak: 2,
  /** Calm for three weeks, then low every day of the last week: a change from the usual pattern. */
  changed: 5,
  /** Asks to talk now and then. */
  talker: 7,
} as const;

const STORY_PLACES: readonly number[] = Object.values(DEMO_CHECKIN_STORIES);

interface DemoCheckinInput {
  now: Date;
  newId: () => string;
  schoolId: string;
  classId: string;
  pupilIds: readonly string[];
}

/**
 * Four weeks of check-ins for one demo class, on the school days before today (never today, so the
 * teacher's overview starts empty and a kiosk check-in shows up on it). A fixed seed gives every demo
 * the same pattern; ids and dates follow the day the demo is loaded.
 */
export function buildDemoCheckins(input: DemoCheckinInput): CheckinsTable[] {
  const random = seededRandom(20_261_124);
  const days = schoolDaysBefore(schoolDateOf(input.now), DEMO_CHECKIN_DAYS);
  const rows: CheckinsTable[] = [];
  days.forEach((date, dayIndex) => {
    const daysFromEnd = days.length - 1 - dayIndex;
    input.pupilIds.forEach((pupilId, place) => {
      const state = storyState(place, daysFromEnd, random);
      // About one pupil in twelve is absent or forgets, except the story pupils (their story needs every day).
      if (!STORY_PLACES.includes(place) && random() < 0.08) return;
      const minutes = 15 + Math.floor(random() * 40);
      rows.push({
        id: input.newId(),
        idempotency_key: input.newId(),
        pupil_id: pupilId,
        class_id: input.classId,
        school_id: input.schoolId,
        school_date: date,
        state,
        wants_talk: place === DEMO_CHECKIN_STORIES.talker && daysFromEnd % 6 === 0 ? 1 : 0,
        word_encrypted: null,
        channel: 'kiosk',
        // 07:15–07:55 UTC: a quarter past eight to five to nine in Amsterdam in winter.
        created_at: `${date}T07:${String(minutes).padStart(2, '0')}:00.000Z`,
      });
    });
  });
  return rows;
}

function storyState(place: number, daysFromEnd: number, random: () => number): CheckinState {
  if (place === DEMO_CHECKIN_STORIES.streak && daysFromEnd < 4) return daysFromEnd % 2 === 0 ? 'far_high' : 'bit_high';
  if (place === DEMO_CHECKIN_STORIES.changed) return daysFromEnd < 5 ? 'low' : 'in_window';
  const draw = random();
  if (draw < 0.76) return 'in_window';
  if (draw < 0.9) return 'bit_high';
  if (draw < 0.97) return 'low';
  return 'far_high';
}

/** The `count` weekdays before `today` (not today itself), oldest first. */
export function schoolDaysBefore(today: string, count: number): string[] {
  const days: string[] = [];
  let cursor = Date.parse(`${today}T00:00:00Z`);
  while (days.length < count) {
    cursor -= 86_400_000;
    const weekday = new Date(cursor).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(cursor).toISOString().slice(0, 10));
  }
  return days.reverse();
}
