import type { SociogramResults, SociogramSummary } from '../sociogram/sociogram.schemas';
import type { ClassRegulation, RegulationFigures } from '../regulation/regulation.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { newId } from '../../deps';
import { loadDemo } from '../setup/setup.service';
import { DEMO_CHECKIN_DAYS, DEMO_CHECKIN_STORIES, schoolDaysBefore } from './demo-checkins.data';
import { buildDemoRows, DEMO_BOARD_NAME, DEMO_LOGINS, DEMO_PASSWORD } from './demo.data';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import type { BoardPlanRollup, PlanOverview, TrainingCoverage } from '../plan/plan.schemas';
import type { BoardSelfscan } from '../selfscan/selfscan-history.schemas';
import type { RoundResults } from '../selfscan/selfscan.schemas';
import { seedDemo } from './demo.seed';
import type { SchoolEffect } from '../evaluation/school-effect.schemas';
import { DEMO_PUPIL_INSTRUMENT, DEMO_TEACHER_INSTRUMENT, DEMO_WAVE_DAYS_AGO } from './demo-waves.data';
import { DEMO_CARE_PUPILS } from './demo-care.data';
import type { CareFile, CareOverview, PupilAces } from '../care/care.schemas';
import type { ParentContactCoverage, ParentContactLog, ParentContactsOverview } from '../parents/parent-contacts.schemas';
import type { PartnersEvidence, PartnersRegister } from '../partners/partners.schemas';
import type { OnboardingHome } from '../team/onboarding.schemas';
import type { PupilParents } from '../parents/parents.schemas';
import { DEMO_ASPECT_LEVELS, DEMO_COLLEAGUES, DEMO_CONSENSUS, DEMO_NEXT_GOALS, DEMO_ROUNDS } from './demo-school-year.data';

describe('the demo rows', () => {
  const build = () => buildDemoRows({ now: new Date('2026-11-21T09:00:00Z'), passwordHash: 'hash', newId });

  it('show the same pupils every time, so screenshots and instructions stay true', () => {
    const names = (rows: ReturnType<typeof build>) => rows.pupils.map((pupil) => [pupil.pupil_number, pupil.first_name, pupil.last_name, pupil.birth_date]);
    expect(names(build())).toEqual(names(build()));
  });

  it('give pupils birth dates that fit their class', () => {
    const rows = build();
    const classOf = new Map(rows.class_pupils.map((link) => [link.pupil_id, rows.classes.find((c) => c.id === link.class_id)?.name]));
    const ageOnFirstOctober = (birthDate: string) => {
      const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
      return 2026 - year - (month > 10 || (month === 10 && day > 1) ? 1 : 0);
    };
    for (const pupil of rows.pupils) {
      const className = classOf.get(pupil.id);
      if (className === 'Groep 3') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(6);
      if (className === 'Groep 7') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(10);
      if (className === 'Klas 1A') expect(ageOnFirstOctober(pupil.birth_date ?? '')).toBe(12);
    }
  });

  it('give groep 5 four weeks of check-ins on weekdays before today only, with a streak and a change to notice', () => {
    const rows = build();
    const groep5 = rows.classes.find((item) => item.name === 'Groep 5');
    expect(new Set(rows.checkins.map((row) => row.class_id))).toEqual(new Set([groep5?.id]));
    const dates = [...new Set(rows.checkins.map((row) => row.school_date))].sort();
    expect(dates).toEqual(schoolDaysBefore('2026-11-21', DEMO_CHECKIN_DAYS));
    expect(dates.every((date) => date < '2026-11-21' && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))).toBe(true);
    const pupilsOfGroep5 = rows.class_pupils.filter((link) => link.class_id === groep5?.id).map((link) => link.pupil_id);
    const statesOf = (pupilId: string | undefined) => rows.checkins.filter((row) => row.pupil_id === pupilId).sort((a, b) => a.school_date.localeCompare(b.school_date)).map((row) => row.state);
    expect(statesOf(pupilsOfGroep5[DEMO_CHECKIN_STORIES.streak]).slice(-4).every((state) => state !== 'in_window')).toBe(true);
    expect(statesOf(pupilsOfGroep5[DEMO_CHECKIN_STORIES.changed]).slice(-5)).toEqual(['low', 'low', 'low', 'low', 'low']);
    expect(rows.checkins.every((row) => row.word_encrypted === null)).toBe(true);
  });

  it('never repeat a pupil name or number within a school', () => {
    const rows = build();
    for (const school of rows.schools) {
      const pupils = rows.pupils.filter((pupil) => pupil.school_id === school.id);
      expect(new Set(pupils.map((pupil) => `${pupil.first_name} ${pupil.last_name}`)).size).toBe(pupils.length);
      expect(new Set(pupils.map((pupil) => pupil.pupil_number)).size).toBe(pupils.length);
    }
  });
});

describe.each(testDialects())('the demo on %s', (dialect) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    await loadDemo(test.deps, { isFromThisMachine: true });
  });
  afterAll(async () => test.close());

  it('holds one board with a primary school and a special secondary school with two locations', async () => {
    const db = test.deps.db.kysely;
    const boards = await db.selectFrom('boards').selectAll().execute();
    expect(boards.map((board) => [board.name, board.min_group_size])).toEqual([[DEMO_BOARD_NAME, 5]]);
    const schools = await db
      .selectFrom('schools')
      .leftJoin('locations', 'locations.school_id', 'schools.id')
      .select(['schools.kind', (eb) => eb.fn.count<number>('locations.id').as('locations')])
      .groupBy('schools.kind')
      .orderBy('schools.kind')
      .execute();
    expect(schools.map((school) => [school.kind, Number(school.locations)])).toEqual([
      ['primary', 1],
      ['special_secondary', 2],
    ]);
  });

  it('places about 60 pupils, each in exactly one class of the current school year at their own school', async () => {
    const db = test.deps.db.kysely;
    const pupils = await db.selectFrom('pupils').select(['id', 'school_id']).execute();
    expect(pupils.length).toBeGreaterThanOrEqual(55);
    expect(pupils.length).toBeLessThanOrEqual(65);
    const placements = await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['class_pupils.pupil_id', 'classes.school_id', 'classes.school_year'])
      .execute();
    expect(placements).toHaveLength(pupils.length);
    expect(new Set(placements.map((placement) => placement.pupil_id)).size).toBe(pupils.length);
    const schoolOfPupil = new Map(pupils.map((pupil) => [pupil.id, pupil.school_id]));
    for (const placement of placements) {
      expect(placement.school_id).toBe(schoolOfPupil.get(placement.pupil_id));
      expect(placement.school_year).toBe(schoolYearAt(test.clock.now()));
    }
  });

  it('spreads the special secondary school classes over both its locations', async () => {
    const rows = await test.deps.db.kysely
      .selectFrom('classes')
      .innerJoin('schools', 'schools.id', 'classes.school_id')
      .select('classes.location_id')
      .distinct()
      .where('schools.kind', '=', 'special_secondary')
      .execute();
    expect(rows.filter((row) => row.location_id !== null)).toHaveLength(2);
  });

  it('lets every one of the seven demo accounts sign in with the demo password', async () => {
    expect(DEMO_LOGINS).toHaveLength(7);
    for (const account of DEMO_LOGINS) {
      const session = await login(test.app, account.email, DEMO_PASSWORD);
      const me = await requestAs(test.app, session, 'GET', '/api/session');
      expect(me.json().user.email).toBe(account.email);
    }
  });

  it('gives each account the role README promises, and each teacher exactly one class', async () => {
    const db = test.deps.db.kysely;
    const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const schoolRoles = async (email: string) =>
      (
        await db
          .selectFrom('school_memberships')
          .innerJoin('schools', 'schools.id', 'school_memberships.school_id')
          .select(['schools.kind', 'school_memberships.role'])
          .where('school_memberships.user_id', '=', await userId(email))
          .orderBy('schools.kind')
          .execute()
      ).map((row) => `${row.kind}:${row.role}`);

    const boardAdmin = await db.selectFrom('board_memberships').select('role').where('user_id', '=', await userId('bestuur@voorbeeld.test')).execute();
    expect(boardAdmin).toEqual([{ role: 'board_admin' }]);
    expect(await schoolRoles('directie@voorbeeld.test')).toEqual(['primary:leadership']);
    expect(await schoolRoles('kartrekker@voorbeeld.test')).toEqual(['primary:tso_lead']);
    expect(await schoolRoles('leerkracht@voorbeeld.test')).toEqual(['primary:teacher']);
    expect(await schoolRoles('ib@voorbeeld.test')).toEqual(['primary:care_team']);
    expect(await schoolRoles('leerkracht2@voorbeeld.test')).toEqual(['special_secondary:teacher']);
    expect(await schoolRoles('beheer@voorbeeld.test')).toEqual(['primary:school_admin', 'special_secondary:school_admin']);

    for (const [email, kind] of [
      ['leerkracht@voorbeeld.test', 'primary'],
      ['leerkracht2@voorbeeld.test', 'special_secondary'],
    ] as const) {
      const classes = await db
        .selectFrom('class_teachers')
        .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
        .innerJoin('schools', 'schools.id', 'classes.school_id')
        .select(['classes.id', 'schools.kind'])
        .where('class_teachers.user_id', '=', await userId(email))
        .execute();
      expect(classes).toHaveLength(1);
      expect(classes[0]?.kind).toBe(kind);
    }
  });

  it("counts groep 5's check-in days for the anonymous figures, so leadership sees the class", async () => {
    const db = test.deps.db.kysely;
    const days = await db
      .selectFrom('checkin_class_days')
      .innerJoin('classes', 'classes.id', 'checkin_class_days.class_id')
      .select(['classes.name', 'checkin_class_days.school_date', 'checkin_class_days.pupils_checked_in'])
      .orderBy('checkin_class_days.school_date')
      .execute();
    expect(days.map((day) => day.school_date)).toEqual(schoolDaysBefore(schoolDateOf(test.clock.now()), DEMO_CHECKIN_DAYS));
    expect(new Set(days.map((day) => day.name))).toEqual(new Set(['Groep 5']));
    // Each day every pupil who checked in once: the raw rows of that day.
    const raw = await db.selectFrom('checkins').select('school_date').execute();
    for (const day of days) expect(day.pupils_checked_in).toBe(raw.filter((row) => row.school_date === day.school_date).length);

    const school = await db.selectFrom('schools').select('id').where('kind', '=', 'primary').executeTakeFirstOrThrow();
    const figures = await requestAs(test.app, await login(test.app, 'directie@voorbeeld.test', DEMO_PASSWORD), 'GET', `/api/schools/${school.id}/checkin/aggregates`);
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().classes.map((entry: { className: string }) => entry.className)).toEqual(['Groep 5']);
  });

  describe("De Vlinderboom's school year", () => {
    const asTso = async () => login(test.app, 'kartrekker@voorbeeld.test', DEMO_PASSWORD);
    const vlinderboomId = async () =>
      (await test.deps.db.kysely.selectFrom('schools').select('id').where('name', '=', 'Basisschool De Vlinderboom').executeTakeFirstOrThrow()).id;

    it('has a baseline and an autumn self-scan round, both closed, the autumn one early and with enough answers to show figures', async () => {
      const schoolId = await vlinderboomId();
      const session = await asTso();
      const list = await requestAs(test.app, session, 'GET', `/api/schools/${schoolId}/selfscan/rounds`);
      expect(list.statusCode, list.body).toBe(200);
      const rounds = list.json() as { id: string; name: string; status: string; closedAt: string | null; progress: { invited: number; responded: number } }[];
      expect(rounds.map((round) => [round.name, round.status])).toEqual(
        DEMO_ROUNDS.map((round) => [round.name, 'closed']).reverse(),
      );
      const autumn = rounds.find((round) => round.name === DEMO_ROUNDS[1].name);
      expect(autumn?.closedAt).not.toBeNull();
      const results = await requestAs(test.app, session, 'GET', `/api/schools/${schoolId}/selfscan/rounds/${autumn?.id}/results`);
      expect(results.statusCode, results.body).toBe(200);
      const body = results.json() as RoundResults;
      expect(body.aggregate.respondents).toBeGreaterThanOrEqual(body.aggregate.minGroupSize);
      expect(body.aggregate.aspects.filter((cell) => !cell.hidden)).toHaveLength(Object.keys(DEMO_ASPECT_LEVELS).length);
      expect(body.consensus.map((item) => item.aspectId).sort()).toEqual(DEMO_CONSENSUS.map((item) => item.aspectId).sort());
      // The reasons were stored encrypted and read back.
      expect(body.consensus.find((item) => item.aspectId === 'layer-3a.parents')?.rationale).toMatch(/Ouders/);
      expect(body.goals.map((goal) => goal.aspectId).sort()).toEqual([...DEMO_NEXT_GOALS].sort());
    });

    it('has a plan with phases, goals from the next goals, and actions that are done, in progress and overdue', async () => {
      const schoolId = await vlinderboomId();
      const plan = await requestAs(test.app, await asTso(), 'GET', `/api/schools/${schoolId}/plan`);
      expect(plan.statusCode, plan.body).toBe(200);
      const body = plan.json() as PlanOverview;
      expect(body.currentPhase).toBe('prepare');
      expect(body.goals.map((goal) => goal.aspect?.aspectId).sort()).toEqual([...DEMO_NEXT_GOALS].sort());
      expect(body.goals.every((goal) => goal.owner !== null && goal.sourceRoundId !== null)).toBe(true);
      const actions = body.goals.flatMap((goal) => goal.actions);
      expect(actions.every((action) => action.owner !== null)).toBe(true);
      expect(actions.filter((action) => action.status === 'done').length).toBeGreaterThanOrEqual(2);
      expect(actions.filter((action) => action.overdue).length).toBeGreaterThanOrEqual(2);
      expect(actions.filter((action) => action.status === 'in_progress' && !action.overdue).length).toBeGreaterThanOrEqual(1);
      expect(actions.filter((action) => action.completedAt !== null).every((action) => action.completedAt! < test.clock.now().toISOString())).toBe(true);
    });

    it('has two school years of waves around the team training, so the effect page shows a fitted model for teachers and pupils', async () => {
      const schoolId = await vlinderboomId();
      const response = await requestAs(test.app, await asTso(), 'GET', `/api/schools/${schoolId}/effect-evaluation`);
      expect(response.statusCode, response.body).toBe(200);
      const effect = response.json() as SchoolEffect;
      expect(effect.waves).toHaveLength(2 * DEMO_WAVE_DAYS_AGO.length);
      expect(effect.instruments.map((instrument) => instrument.id)).toEqual([DEMO_PUPIL_INSTRUMENT.id, DEMO_TEACHER_INSTRUMENT.id].sort());
      for (const instrument of effect.instruments) {
        for (const scale of instrument.scales) {
          expect(scale.waves.map((wave) => wave.training), `${instrument.id} ${scale.id}`).toEqual(['before', 'before', 'before', 'after', 'after', 'after']);
          expect(scale.waves.every((wave) => !wave.figures.hidden)).toBe(true);
          expect(scale.effect.status).toBe('fitted');
          if (scale.effect.status === 'fitted') {
            // The demo's curve grows faster after the training; every after-wave has its twin a year earlier.
            expect(scale.effect.slopeDifference.estimate, `${instrument.id} ${scale.id}`).toBeGreaterThan(0);
            expect(scale.effect.sameSeason?.pairs).toBe(3);
          }
        }
      }
    });

    it("gives a few pupils of the teacher's class a care file, so the care overview shows a screening above the cut-off and an overdue review", async () => {
      const schoolId = await vlinderboomId();
      const care = await login(test.app, 'ib@voorbeeld.test', DEMO_PASSWORD);
      const overview = (await requestAs(test.app, care, 'GET', `/api/schools/${schoolId}/care/overview`)).json() as CareOverview;
      expect(overview.screeningsAboveCutOff.map((entry) => entry.bandName.nl)).toEqual(['Boven het afkappunt']);
      expect(overview.overduePlanReviews).toHaveLength(1);
      const pupilId = overview.screeningsAboveCutOff[0]!.pupilId;
      // The teacher reads the file of a pupil of their class: plan, trusted adult.
      const file = (await requestAs(test.app, await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD), 'GET', `/api/schools/${schoolId}/pupils/${pupilId}/care`)).json() as CareFile;
      expect(file.access.via).toBe('teacher');
      expect(file.plan?.content.earlySigns).toBe(DEMO_CARE_PUPILS[0]!.plan.content.earlySigns);
      expect(file.trustedAdults).toHaveLength(1);
      const aces = (await requestAs(test.app, care, 'GET', `/api/schools/${schoolId}/pupils/${pupilId}/care/aces`)).json() as PupilAces;
      expect(aces.combined.fourOrMore).toBe(true);
      expect(aces.combined.categories.find((entry) => entry.category === 'parental-separation')?.sources).toEqual(['parent', 'file']);
    });

    it("gives the teacher's class two closed sociograms, a pupil nobody chooses any more, and a climate history", async () => {
      const schoolId = await vlinderboomId();
      const teacher = await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
      const classes = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/classes?taughtByMe=true`)).json() as { id: string }[];
      const classId = classes[0]!.id;
      const sociograms = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/classes/${classId}/sociograms`)).json() as SociogramSummary[];
      expect(sociograms.map((sociogram) => [sociogram.closedOn !== null, sociogram.answered])).toEqual([
        [true, sociograms[0]!.pupils - 2],
        [true, sociograms[1]!.pupils - 2],
      ]);
      const results = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/sociograms/${sociograms[0]!.id}/results`)).json() as SociogramResults;
      const isolated = results.pupils.filter((pupil) => pupil.isolated);
      expect(isolated).toHaveLength(1);
      expect(results.comparison?.pupils.find((pupil) => pupil.pupil === isolated[0]!.pupilId)?.newlyIsolated).toBe(true);
      const group = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/classes/${classId}/group`)).json() as { climate: unknown[]; currentPhase: { phase: string } | null };
      expect([group.climate.length, group.currentPhase?.phase]).toEqual([3, 'norming']);
    });

    it("lets the teacher's class use regulation: favourites, a routine moment, two lessons and a week of moments the figures can show", async () => {
      const schoolId = await vlinderboomId();
      const teacher = await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
      const classes = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/classes?taughtByMe=true`)).json() as { id: string }[];
      const regulation = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/classes/${classes[0]!.id}/regulation`)).json() as ClassRegulation;
      expect([regulation.favourites.length, regulation.routines.map((routine) => routine.label)]).toEqual([2, ['Na de pauze']]);
      const figures = (await requestAs(test.app, await login(test.app, 'directie@voorbeeld.test', DEMO_PASSWORD), 'GET', `/api/schools/${schoolId}/regulation/figures`)).json() as RegulationFigures;
      const week = figures.classes.find((entry) => entry.classId === classes[0]!.id)?.weeks[0];
      // Six pupils did an activity; one skipped the question, so five answered: exactly the default k.
      expect(week?.pupils).toBe(5);
      expect(week && week.helped < week.answered).toBe(true);
    });

    it("gives two pupils of the teacher's class a contact log with their parents from enrolment on, and every class a recent contact for the evidence", async () => {
      const schoolId = await vlinderboomId();
      const teacher = await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
      const overview = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/parent-contacts`)).json() as ParentContactsOverview;
      expect(new Set(overview.pupils.map((pupil) => pupil.className))).toEqual(new Set(['Groep 5']));
      const enrolled = overview.pupils.filter((pupil) => pupil.hasEnrolmentConversation);
      expect(enrolled).toHaveLength(2);
      // The phone call's follow-up has come; the home visit's lies ahead; the enrolment conversation's is done.
      expect(overview.pupils.filter((pupil) => pupil.isFollowUpDue)).toHaveLength(1);
      const logs = await Promise.all(enrolled.map(async (pupil) => (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/pupils/${pupil.pupilId}/parent-contacts`)).json() as ParentContactLog));
      const full = logs.find((log) => log.contacts.length === 3);
      expect(full?.contacts.map((contact) => [contact.kind, contact.isEnrolment, contact.careNotes])).toEqual([
        ['visit', false, null],
        ['phone', false, null],
        ['at_school', true, null],
      ]);
      const forCareTeam = (await requestAs(test.app, await login(test.app, 'ib@voorbeeld.test', DEMO_PASSWORD), 'GET', `/api/schools/${schoolId}/pupils/${full!.pupil.id}/parent-contacts`)).json() as ParentContactLog;
      expect(forCareTeam.contacts.find((contact) => contact.isEnrolment)?.careNotes).toMatch(/vorige school/);
      const coverage = (await requestAs(test.app, await asTso(), 'GET', `/api/schools/${schoolId}/parent-contacts/coverage`)).json() as ParentContactCoverage;
      expect(coverage.school).toEqual({ pupils: 40, withRecentContact: 10, withEnrolmentConversation: 5 });
      expect(coverage.classes.every((entry) => entry.figures !== null && entry.figures.withRecentContact > 0)).toBe(true);
    });

    it('has a training register whose coverage shows trained, overdue and new staff', async () => {
      const schoolId = await vlinderboomId();
      const session = await asTso();
      const register = await requestAs(test.app, session, 'GET', `/api/schools/${schoolId}/trainings`);
      expect(register.statusCode, register.body).toBe(200);
      const kinds = JSON.stringify(register.json());
      for (const kind of ['full_team', 'new_staff', 'partner_day']) expect(kinds).toContain(`"${kind}"`);
      const coverage = await requestAs(test.app, session, 'GET', `/api/schools/${schoolId}/trainings/coverage`);
      expect(coverage.statusCode, coverage.body).toBe(200);
      const figures = coverage.json() as TrainingCoverage;
      expect(figures.currentStaff).toBe(5 + DEMO_COLLEAGUES.length);
      expect(figures.fullyTrained).toBe(10);
      expect(figures.untrainedOverdue.map((person) => person.name)).toEqual(['Rik van Rooij']);
      expect(figures.newStaffWithinGrace.map((person) => person.name)).toEqual(['Naima Ouali']);
      expect(figures.partnersTrained.map((partner) => partner.organisation).sort()).toEqual(['Jeugdteam Voorbeeldstad', 'Kinderopvang De Speeltuin']);
    });

    it('gives two parents a parent page: the mother answered her questionnaires, the father asked for a conversation', async () => {
      const schoolId = await vlinderboomId();
      const teacher = await login(test.app, 'leerkracht@voorbeeld.test', DEMO_PASSWORD);
      const careTeam = await login(test.app, 'ib@voorbeeld.test', DEMO_PASSWORD);
      const parentRows = await test.deps.db.kysely.selectFrom('parent_children').innerJoin('parents', 'parents.id', 'parent_children.parent_id').select(['parents.name', 'parent_children.pupil_id']).where('parents.school_id', '=', schoolId).orderBy('parents.name').execute();
      expect(parentRows.map((row) => row.name)).toEqual(['Dennis Kok', 'Sanne Hoekstra']);
      const mothersChild = parentRows.find((row) => row.name === 'Sanne Hoekstra')!.pupil_id;
      const fathersChild = parentRows.find((row) => row.name === 'Dennis Kok')!.pupil_id;
      const mothers = (await requestAs(test.app, careTeam, 'GET', `/api/schools/${schoolId}/pupils/${mothersChild}/parents`)).json() as PupilParents;
      expect(mothers.questionnaires.map((questionnaire) => [questionnaire.instrumentId, questionnaire.isComplete]).sort()).toEqual([['parent-aces', false], ['parent-strengths', true]]);
      expect(mothers.parents[0]!.link.state).toBe('used');
      // The teacher sees the strengths, never the ACE questionnaire.
      const teachers = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/pupils/${mothersChild}/parents`)).json() as PupilParents;
      expect(teachers.questionnaires.map((questionnaire) => questionnaire.instrumentId)).toEqual(['parent-strengths']);
      const fathers = (await requestAs(test.app, teacher, 'GET', `/api/schools/${schoolId}/pupils/${fathersChild}/parents`)).json() as PupilParents;
      expect(fathers.requests.filter((request) => request.handledAt === null)).toHaveLength(1);
      expect(fathers.parents[0]!.link.channel).toBe('letter');
    });

    it('has a partners register with Veilig Thuis and the neighbourhood team, whose partner day shows', async () => {
      const schoolId = await vlinderboomId();
      const careTeam = await login(test.app, 'ib@voorbeeld.test', DEMO_PASSWORD);
      const register = (await requestAs(test.app, careTeam, 'GET', `/api/schools/${schoolId}/partners`)).json() as PartnersRegister;
      const byKind = (kind: string) => register.organisations.find((organisation) => organisation.kind === kind);
      expect(byKind('veilig_thuis')?.contacts.find((contact) => contact.isFixedContact)?.phone).toBe('0800-2000');
      const neighbourhoodTeam = byKind('neighbourhood_team');
      expect([neighbourhoodTeam?.isKeyPartner, neighbourhoodTeam?.agreements.length, neighbourhoodTeam?.trainings.map((training) => training.title)]).toEqual([true, 1, ['Studiedag met de partners in de wijk']]);
      expect(register.organisations.map((organisation) => organisation.kind).sort()).toEqual(['neighbourhood_team', 'tso_trainer', 'veilig_thuis', 'youth_care']);
      const evidence = (await requestAs(test.app, await asTso(), 'GET', `/api/schools/${schoolId}/partners/evidence`)).json() as PartnersEvidence;
      expect(evidence).toEqual({ organisations: 4, keyPartners: 3, keyPartnersWithFixedContact: 2, keyPartnersTrained: 1 });
    });

    it('gives VSO De Horizon a new colleague in week 2 of the ramp with a buddy, part of week 1 ticked and a conversation held', async () => {
      const horizonId = (await test.deps.db.kysely.selectFrom('schools').select('id').where('name', '=', 'VSO De Horizon').executeTakeFirstOrThrow()).id;
      const buddy = await login(test.app, 'leerkracht2@voorbeeld.test', DEMO_PASSWORD);
      const asBuddy = (await requestAs(test.app, buddy, 'GET', `/api/schools/${horizonId}/team/onboarding`)).json() as OnboardingHome;
      const [pair] = asBuddy.buddyPairs;
      expect([asBuddy.buddyPairs.length, pair?.newcomer.name, pair?.week, pair?.progress[0]?.ticked, pair?.conversationsHeld, pair?.conversationsPlanned]).toEqual([1, 'Daan Bakker', 2, 3, 1, 2]);
      expect(pair?.conversations.find((conversation) => conversation.heldOn !== null)?.note).toContain('Daan');
      const chefBuddy = await login(test.app, 'beheer@voorbeeld.test', DEMO_PASSWORD);
      const asChefBuddy = (await requestAs(test.app, chefBuddy, 'GET', `/api/schools/${horizonId}/team/onboarding`)).json() as OnboardingHome;
      expect([asChefBuddy.chefBuddyOf.length, asChefBuddy.followedPairs.map((followed) => followed.id), asChefBuddy.guide?.version]).toEqual([1, [pair?.id], 1]);
      expect(JSON.stringify(asChefBuddy.followedPairs)).not.toContain('druk maar fijn');
    });

    it("shows the board De Vlinderboom's agreed phases and plan roll-up, and nothing of VSO De Horizon", async () => {
      const boardId = (await test.deps.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
      const session = await login(test.app, 'bestuur@voorbeeld.test', DEMO_PASSWORD);
      const selfscan = await requestAs(test.app, session, 'GET', `/api/boards/${boardId}/selfscan`);
      expect(selfscan.statusCode, selfscan.body).toBe(200);
      const schools = (selfscan.json() as BoardSelfscan).schools;
      const vlinderboom = schools.find((school) => school.schoolName === 'Basisschool De Vlinderboom');
      expect(vlinderboom?.latest?.round.name).toBe(DEMO_ROUNDS[1].name);
      expect(vlinderboom?.latest?.aspects.filter((aspect) => aspect.phase !== null)).toHaveLength(DEMO_CONSENSUS.length);
      expect(schools.find((school) => school.schoolName === 'VSO De Horizon')).toMatchObject({ isShared: false, latest: null });
      const rollup = await requestAs(test.app, session, 'GET', `/api/boards/${boardId}/plan-rollup`);
      expect(rollup.statusCode, rollup.body).toBe(200);
      const planned = (rollup.json() as BoardPlanRollup).schools.find((school) => school.name === 'Basisschool De Vlinderboom');
      expect(planned).toMatchObject({ currentPhase: 'prepare', goalsTotal: DEMO_NEXT_GOALS.length });
      expect(planned?.overdueActions).toBeGreaterThanOrEqual(2);
    });

    it('lets none of the colleagues without a demo login sign in', async () => {
      for (const colleague of DEMO_COLLEAGUES) {
        const response = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: colleague.email, password: DEMO_PASSWORD } });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }
    });
  });

  it('records that the demo was loaded', async () => {
    const events = await test.deps.db.kysely.selectFrom('audit_events').select(['action', 'board_id']).where('action', '=', 'demo.loaded').execute();
    const board = await test.deps.db.kysely.selectFrom('boards').select('id').executeTakeFirstOrThrow();
    expect(events).toEqual([{ action: 'demo.loaded', board_id: board.id }]);
  });

  it('is refused once the installation has a board', async () => {
    await expect(loadDemo(test.deps, { isFromThisMachine: true })).rejects.toMatchObject({ code: 'already_set_up' });
    expect(await test.deps.db.kysely.selectFrom('boards').select('id').execute()).toHaveLength(1);
  });
});

describe.each(testDialects())('the bare demo on %s', (dialect) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    await test.deps.db.kysely.transaction().execute((trx) => seedDemo(trx, test.deps, { withSchoolYear: false }));
  });
  afterAll(async () => test.close());

  it('leaves the school year out when asked: no rounds, plan, trainings or colleagues', async () => {
    const db = test.deps.db.kysely;
    expect(await db.selectFrom('selfscan_rounds').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('plan_goals').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('trainings').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(DEMO_LOGINS.length);
  });
});

describe.each(testDialects())('the demo school year loaded on any day on %s', (dialect) => {
  // The first day of a school year (the rounds then lie in the year before) and a day in spring.
  it.each(['2027-08-01T08:00:00Z', '2027-04-15T08:00:00Z'])('is whole when loaded at %s', async (moment) => {
    const test = await createTestApp(dialect);
    try {
      test.clock.advance(new Date(moment).getTime() - test.clock.now().getTime());
      await test.deps.db.kysely.transaction().execute((trx) => seedDemo(trx, test.deps));
      const db = test.deps.db.kysely;
      const rounds = await db.selectFrom('selfscan_rounds').select(['closes_on', 'closed_at']).execute();
      expect(rounds).toHaveLength(DEMO_ROUNDS.length);
      expect(rounds.every((round) => round.closes_on < schoolDateOf(test.clock.now()))).toBe(true);
      expect(await db.selectFrom('selfscan_consensus').select('aspect_id').execute()).toHaveLength(DEMO_CONSENSUS.length);
      const goals = await db.selectFrom('plan_goals').select('school_year').execute();
      expect(goals.map((goal) => goal.school_year)).toEqual(DEMO_NEXT_GOALS.map(() => schoolYearAt(test.clock.now())));
    } finally {
      await test.close();
    }
  });
});
