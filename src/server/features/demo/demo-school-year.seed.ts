import type { Kysely, Transaction } from 'kysely';
import { DEMO_EMAILS } from '../../../shared/demo-accounts';
import { seededRandom } from '../../../shared/seeded-random';
import { addDays, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import type { GrowthPhase } from '../../../shared/selfscan-model';
import type { StaffCaller } from '../../access/caller';
import { loadActor } from '../../auth/sessions.service';
import type { Database } from '../../db/database';
import { type Deps, newId } from '../../deps';
import type { Mailer } from '../../mail/mailer';
import { createAction, createGoal, replacePhases, updateAction, updateGoal } from '../plan/plan.service';
import { recordTraining } from '../plan/training.service';
import { updateSchoolSettings } from '../school-settings/school-settings.service';
import { closeRound, openRound, rateAspect, recordConsensus, replaceGoals, shareResults, shippedModelId } from '../selfscan/selfscan.service';
import { setStartDate } from '../staff/staff.service';
import {
  DEMO_ACCOUNT_START_DAYS_AGO,
  DEMO_ASPECT_LEVELS,
  DEMO_COLLEAGUES,
  DEMO_CONSENSUS,
  DEMO_NEXT_GOALS,
  DEMO_PHASES,
  DEMO_PLAN_GOALS,
  DEMO_ROUNDS,
  DEMO_TRAININGS,
} from './demo-school-year.data';
import type { DemoRows } from './demo.data';
import { DEMO_PUPIL_CLASS_INDEXES } from './demo-waves.data';
import { seedDemoWaves } from './demo-waves.seed';
import { seedDemoCare } from './demo-care.seed';
import { seedDemoSociograms } from './demo-sociogram.seed';
import { seedDemoRegulation } from './demo-regulation.seed';
import { seedDemoParents } from './demo-parents.seed';
import { seedDemoParentContacts } from './demo-parent-contacts.seed';
import { seedDemoPartners } from './demo-partners.seed';
import { seedDemoTeam } from './demo-team.seed';
import { insertDemoRows } from './demo.repository';

/** What the school year content needs of the app's dependencies (mail is never sent: the rounds lie in the past). */
export type DemoSchoolYearDeps = Pick<Deps, 'config' | 'db' | 'clock' | 'fieldCrypto'>;

/** What the school year content reports back, for the audit event of the demo. */
export interface DemoSchoolYearSummary {
  rounds: number;
  goals: number;
  actions: number;
  trainings: number;
  waves: number;
  /** Pupils with a care file (none without the encryption key: it is all special-category text). */
  carePupils: number;
  sociograms: number;
  regulationMoments: number;
  /** Contacts with parents in the contact log (none without the encryption key: the notes are encrypted). */
  parentContacts: number;
  /** Questionnaires the two demo parents answered on their parent page (0 without encryption). */
  parentQuestionnaires: number;
}

/**
 * Gives De Vlinderboom (the demo's first school) a school year: its colleagues, a baseline and a closed autumn
 * self-scan round with consensus and next goals, a plan with actions, the training register, two school years of
 * measurement waves around the team training, start dates, a few pupils' care files, and
 * its plan and self-scan shared with the board. Everything but the colleagues' accounts goes through the
 * services a school uses, each at the moment it happened (the clock is moved back), inside the caller's
 * transaction `trx`.
 */
export async function seedDemoSchoolYear(trx: Transaction<Database>, deps: DemoSchoolYearDeps, rows: DemoRows): Promise<DemoSchoolYearSummary> {
  const now = deps.clock.now();
  const today = schoolDateOf(now);
  const [school] = rows.schools;
  const board = rows.boards[0];
  if (!school || !board) throw new Error('the demo has no school');
  const schoolId = school.id;
  const classIds = rows.classes.filter((item) => item.school_id === schoolId).map((item) => item.id);

  const colleagues = buildColleagueRows(rows, schoolId, classIds, now.toISOString());
  await insertDemoRows(trx, colleagues.rows);

  const userIdOf = new Map<string, string>(colleagues.userIds);
  for (const [key, email] of Object.entries(DEMO_EMAILS)) {
    const user = rows.users.find((row) => row.email === email);
    if (user) userIdOf.set(key, user.id);
  }
  const idOf = (key: string): string => {
    const id = userIdOf.get(key);
    if (!id) throw new Error(`no demo person ${key}`);
    return id;
  };

  const db = { ...deps.db, kysely: sharingTransaction(trx) };
  const silentMailer: Mailer = { deliversExternally: false, send: async () => {} };
  // The services at the moment `daysFromToday` (a school day at ten in the morning, Dutch time).
  const on = (daysFromToday: number): Deps => {
    const moment = new Date(`${addDays(today, daysFromToday)}T09:00:00Z`);
    return { ...deps, db, mailer: silentMailer, clock: { now: () => (daysFromToday === 0 ? now : moment) } };
  };
  const callerOf = async (key: string): Promise<StaffCaller> => {
    const user = rows.users.find((row) => row.id === idOf(key)) ?? colleagues.rows.users.find((row) => row.id === idOf(key));
    if (!user) throw new Error(`no demo account ${key}`);
    const createdAt = now.toISOString();
    return {
      kind: 'staff',
      userId: user.id,
      user: { id: user.id, email: user.email, name: user.name, locale: 'nl' },
      actor: await loadActor(trx, user.id, createdAt),
      session: { idHash: 'demo-seed', csrfToken: 'demo-seed', mfaVerifiedAt: createdAt, createdAt },
      locale: 'nl',
      schoolBoardId: board.id,
    };
  };
  const admin = await callerOf('schoolAdmin');
  const lead = await callerOf('tsoLead');

  // Start dates first: the training register counts "new staff" from them.
  for (const [key, daysAgo] of Object.entries(DEMO_ACCOUNT_START_DAYS_AGO)) {
    await setStartDate(on(0), admin, schoolId, idOf(key), addDays(today, -daysAgo));
  }
  for (const colleague of DEMO_COLLEAGUES) {
    await setStartDate(on(0), admin, schoolId, idOf(colleague.key), addDays(today, -colleague.startedDaysAgo));
  }

  // Both rounds, each answered by the team while it was open.
  const random = seededRandom(20_261_204);
  const everyone = ['leadership', 'tsoLead', 'teacher', 'careTeam', 'schoolAdmin', ...DEMO_COLLEAGUES.map((colleague) => colleague.key)];
  const modelId = shippedModelId('tso-development-model', '1.0.0');
  const roundIds: string[] = [];
  for (const round of DEMO_ROUNDS) {
    const opened = await openRound(on(-round.opensDaysAgo), lead, schoolId, {
      name: round.name,
      modelId,
      opensOn: addDays(today, -round.opensDaysAgo),
      closesOn: addDays(today, -round.closesDaysAgo),
      audience: { roles: [], locationIds: [] },
    }, 'http://localhost');
    roundIds.push(opened.id);
    const respondents = everyone.filter((key) => !round.notAnswering.includes(key));
    for (const [index, key] of respondents.entries()) {
      const caller = await callerOf(key);
      // Answers come in over the first days of the round, a few people each day.
      const answeredOn = on(-round.opensDaysAgo + 1 + (index % 5));
      for (const [aspectId, level] of Object.entries(DEMO_ASPECT_LEVELS)) {
        await rateAspect(answeredOn, caller, schoolId, opened.id, aspectId, { phase: answerFor(random, level + round.levelShift), note: null });
      }
    }
    if (round.closedEarlyDaysAgo !== null) await closeRound(on(-round.closedEarlyDaysAgo), lead, schoolId, opened.id);
    // Shared with the team two days after it closed.
    await shareResults(on(-(round.closedEarlyDaysAgo ?? round.closesDaysAgo) + 2), lead, schoolId, opened.id);
  }

  // The plan: phases, a goal per next goal of the autumn round, actions with owners (some done, some overdue).
  await replacePhases(on(0), lead, schoolId, {
    phases: DEMO_PHASES.map((phase) => ({
      phase: phase.phase,
      startsOn: addDays(today, -phase.startsDaysAgo),
      endsOn: phase.endsDaysAgo === null ? null : addDays(today, -phase.endsDaysAgo),
    })),
  });
  let actions = 0;
  // The reasons for a consensus are stored encrypted: without the key (PostgreSQL without GROEIWIJZER_KEY_FILE
  // or GROEIWIJZER_KEY) the consensus meeting, and so the goals that follow from it, are left out.
  const autumnRoundId = roundIds[1];
  if (!autumnRoundId) throw new Error('the demo has no autumn round');
  const meeting = on(-(DEMO_ROUNDS[1].closedEarlyDaysAgo ?? DEMO_ROUNDS[1].closesDaysAgo) + 3);
  const planGoals = deps.fieldCrypto.available ? DEMO_PLAN_GOALS : [];
  if (deps.fieldCrypto.available) {
    for (const agreed of DEMO_CONSENSUS) {
      await recordConsensus(meeting, lead, schoolId, autumnRoundId, agreed.aspectId, { phase: agreed.phase, rationale: agreed.rationale });
    }
    await replaceGoals(meeting, lead, schoolId, autumnRoundId, DEMO_NEXT_GOALS);
  }
  for (const goal of planGoals) {
    // For this school year, also when the meeting fell in the last one (a demo loaded in early August).
    const created = await createGoal(meeting, lead, schoolId, { kind: 'aspect', roundId: autumnRoundId, aspectId: goal.aspectId, ownerUserId: idOf(goal.owner), schoolYear: schoolYearAt(now) });
    if (goal.status !== 'planned') await updateGoal(meeting, schoolId, created.id, { status: goal.status });
    for (const action of goal.actions) {
      const dueOn = addDays(today, action.dueInDays);
      const added = await createAction(meeting, lead, schoolId, created.id, { title: action.title, ownerUserId: idOf(action.owner), dueOn });
      if (action.status === 'in_progress') await updateAction(meeting, schoolId, added.id, { status: 'in_progress' });
      if (action.status === 'done') await updateAction(on(-(action.doneDaysAgo ?? 0)), schoolId, added.id, { status: 'done' });
      actions += 1;
    }
  }

  for (const training of DEMO_TRAININGS) {
    await recordTraining(on(-training.heldDaysAgo), idOf('tsoLead'), schoolId, {
      kind: training.kind,
      title: training.title,
      heldOn: addDays(today, -training.heldDaysAgo),
      participantUserIds: training.participants.map(idOf),
      partners: [...training.partners],
    });
  }

  // Two school years of measurement waves around the team training, for the effect page.
  const teamTraining = DEMO_TRAININGS.find((training) => training.kind === 'full_team');
  if (!teamTraining) throw new Error('the demo has no team training');
  const pupilClassIds = new Set(DEMO_PUPIL_CLASS_INDEXES.map((index) => classIds[index]));
  const waves = await seedDemoWaves(trx, {
    today,
    schoolId,
    createdBy: idOf('tsoLead'),
    createdAt: now.toISOString(),
    trainingOn: addDays(today, -teamTraining.heldDaysAgo),
    teachers: [
      { id: idOf('teacher'), classId: null, startedOn: addDays(today, -DEMO_ACCOUNT_START_DAYS_AGO.teacher) },
      ...DEMO_COLLEAGUES.filter((colleague) => colleague.role === 'teacher').map((colleague) => ({ id: idOf(colleague.key), classId: null, startedOn: addDays(today, -colleague.startedDaysAgo) })),
    ],
    pupils: rows.class_pupils.filter((link) => pupilClassIds.has(link.class_id)).map((link) => ({ id: link.pupil_id, classId: link.class_id, startedOn: '0001-01-01' })),
  });

  // A few pupils of the demo teacher's class with a care file, for the care overview.
  const carePupils = deps.fieldCrypto.available ? await seedDemoCare(rows, { on, callerOf, idOf, today, schoolId }) : 0;
  // The teacher's class's Groep page: climate, phase and two sociograms (the climate notes are encrypted).
  const sociograms = deps.fieldCrypto.available ? await seedDemoSociograms(rows, { on, callerOf, today, schoolId }) : 0;
  // Regulation in the teacher's class: favourites, a routine moment, two lessons given, a week of moments.
  const regulationMoments = await seedDemoRegulation(rows, { on, callerOf, today, schoolId });
  // Contact logs with parents: two pupils from enrolment on, and a recent contact in every class (the notes are encrypted).
  const parentContacts = deps.fieldCrypto.available ? await seedDemoParentContacts(rows, { on, callerOf, today, schoolId }) : 0;
  // Two parents of those pupils with their parent page: a mother who answered her questionnaires, a father who asked to talk.
  const parentQuestionnaires = deps.fieldCrypto.available ? await seedDemoParents(rows, { on, callerOf, schoolId }) : 0;
  // The partners register: Veilig Thuis, the neighbourhood team (trained on the partner day), youth care, the TSO trainer.
  await seedDemoPartners({ on, callerOf, today, schoolId });
  // VSO De Horizon's onboarding: a new colleague in week 2 of the ramp with a buddy, a chef-buddy for Locatie Meerweg.
  const horizon = rows.schools[1];
  const meerweg = rows.locations.find((location) => location.school_id === horizon?.id);
  if (horizon && meerweg) await seedDemoTeam({ on, callerOf, today, schoolId: horizon.id, locationId: meerweg.id, boardId: board.id });

  // Leadership shares the plan with the team, and the plan, self-scan placements and effect evaluation with the board.
  await updateSchoolSettings(on(0), idOf('leadership'), schoolId, { sharesPlanWithTeam: true, sharesPlanWithBoard: true, sharesSelfscanWithBoard: true, sharesEffectWithBoard: true });

  return { rounds: roundIds.length, goals: planGoals.length, actions, trainings: DEMO_TRAININGS.length, waves, carePupils, sociograms, regulationMoments, parentContacts, parentQuestionnaires };
}

// The colleagues' accounts (no password: they cannot sign in), roles and classes.
function buildColleagueRows(rows: DemoRows, schoolId: string, classIds: readonly string[], createdAt: string) {
  const boardId = rows.boards[0]?.id ?? null;
  const colleagueRows: DemoRows = {
    boards: [], schools: [], locations: [], classes: [], users: [], board_memberships: [], school_memberships: [],
    class_teachers: [], pupils: [], class_pupils: [], checkins: [],
  };
  const userIds: [string, string][] = [];
  for (const colleague of DEMO_COLLEAGUES) {
    const id = newId();
    userIds.push([colleague.key, id]);
    colleagueRows.users.push({ id, email: colleague.email, name: colleague.name, password_hash: null, locale: 'nl', disabled_at: null, created_at: createdAt, home_board_id: boardId });
    colleagueRows.school_memberships.push({ school_id: schoolId, user_id: id, role: colleague.role, created_at: createdAt });
    const classId = colleague.classIndex === undefined ? undefined : classIds[colleague.classIndex];
    if (classId) colleagueRows.class_teachers.push({ class_id: classId, user_id: id, created_at: createdAt });
  }
  return { rows: colleagueRows, userIds };
}

// One person's answer around the team's level: mostly the nearest phase, sometimes one off, now and then "weet ik niet".
function answerFor(random: () => number, level: number): GrowthPhase | null {
  if (random() < 0.06) return null;
  const phase = Math.round(level + (random() - 0.5) * 1.6);
  return Math.min(4, Math.max(1, phase)) as GrowthPhase;
}

/**
 * The transaction as a Kysely whose `transaction()` runs its callback in that same transaction, so services that
 * open their own transaction can run inside the demo's one: the demo is stored whole or not at all.
 */
function sharingTransaction(trx: Transaction<Database>): Kysely<Database> {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => ({ execute: <T>(callback: (inner: Transaction<Database>) => Promise<T>) => callback(target) });
      const value: unknown = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields, which only the real object can read.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
