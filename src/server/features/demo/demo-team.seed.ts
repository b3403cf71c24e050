import { addDays } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { type Deps, isoInstant, newId } from '../../deps';
import { setStartDate } from '../staff/staff.service';
import { addConversation, addPair, getSettings, publishGuide, setChefBuddy, setTick } from '../team/onboarding.service';

// VSO De Horizon's onboarding (issue 17, done-when 4): a new colleague, Daan Bakker (an account without a password,
// like De Vlinderboom's colleagues), started nine days ago at Locatie Meerweg and is in week 2 of the ramp, with
// the demo's Horizon teacher Kees Wouters as buddy. The school administrator published the default guide and is
// chef-buddy of the location. The buddy ticked part of week 1, held one conversation and planned the next. Everything
// through the services at the moment it happened; the note is encrypted, so without the key it is left empty.

/** The new colleague: fictional, cannot sign in. */
export const DEMO_NEWCOMER = { name: 'Daan Bakker', email: 'daan.bakker@voorbeeld.test' } as const;
/** Days since the newcomer's first day: week 2 of the ramp (days 7–13). */
export const DEMO_NEWCOMER_STARTED_DAYS_AGO = 9;

/** What the seed needs: the services at a moment, the demo's callers, today and De Horizon. */
export interface DemoTeamContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  today: string;
  schoolId: string;
  locationId: string;
  boardId: string;
}

/** Seeds De Horizon's onboarding; returns the pair's id. */
export async function seedDemoTeam(context: DemoTeamContext): Promise<string> {
  const { on, callerOf, today, schoolId, locationId, boardId } = context;
  const admin = await callerOf('schoolAdmin');
  const buddy = await callerOf('teacherSecondSchool');
  const startedOn = addDays(today, -DEMO_NEWCOMER_STARTED_DAYS_AGO);
  const before = on(-DEMO_NEWCOMER_STARTED_DAYS_AGO - 3);

  const newcomerId = newId();
  const createdAt = isoInstant(before.clock.now());
  await before.db.kysely
    .insertInto('users')
    .values({ id: newcomerId, email: DEMO_NEWCOMER.email, name: DEMO_NEWCOMER.name, password_hash: null, locale: 'nl', disabled_at: null, created_at: createdAt, home_board_id: boardId })
    .execute();
  await before.db.kysely.insertInto('school_memberships').values({ school_id: schoolId, user_id: newcomerId, role: 'teacher', created_at: createdAt }).execute();
  await setStartDate(before, admin, schoolId, newcomerId, startedOn);

  // The default guide, published as it is; the administrator is chef-buddy of Locatie Meerweg and pairs the newcomer.
  const settings = await getSettings(before, schoolId);
  await publishGuide(before, admin, schoolId);
  await setChefBuddy(before, admin, schoolId, locationId, admin.userId);
  const pair = await addPair(before, admin, schoolId, { locationId, newcomerUserId: newcomerId, buddyUserId: buddy.userId, startedOn });

  // Most of week 1 done, a first conversation held on day 4, the next one planned.
  const weekOne = settings.rampItems.filter((item) => item.week === 1);
  for (const [index, item] of weekOne.slice(0, 3).entries()) await setTick(on(-DEMO_NEWCOMER_STARTED_DAYS_AGO + 1 + index), buddy, schoolId, pair.id, item.id, true);
  const heldOn = addDays(startedOn, 4);
  const held = on(-DEMO_NEWCOMER_STARTED_DAYS_AGO + 4);
  const note = held.fieldCrypto.available ? 'Daan vond de eerste dagen druk maar fijn. Wat goed ging: de kennismaking met klas 1A. Volgende keer: samen de overdracht voorbereiden.' : '';
  await addConversation(held, buddy, schoolId, pair.id, { plannedOn: heldOn, heldOn, stage: 'discover', note });
  await addConversation(on(0), buddy, schoolId, pair.id, { plannedOn: addDays(today, 3), heldOn: null, stage: 'dream', note: '' });
  return pair.id;
}
