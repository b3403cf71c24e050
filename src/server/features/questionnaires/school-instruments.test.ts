import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../auth/sessions.service';
import { createTestApp, type Login, requestAs, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { loadShippedInstruments } from './instrument-catalogue';
import type { OpenWave } from './questionnaire-answers.schemas';
import type { InstrumentSummary } from './questionnaire-waves.schemas';

const DAY = 24 * 60 * 60 * 1000;
// A licensed scale a school bought, in the shipped format: here the shipped teacher list under another id.
const shipped = loadShippedInstruments().find((instrument) => instrument.id === 'teacher-competence')!;
const OWN = { ...structuredClone(shipped), id: 'gekocht-klasklimaat', name: { nl: 'Gekochte klasklimaatlijst', en: 'Bought class-climate scale' } };

describe.each(testDialects())("a school's own instruments on %s", (dialect) => {
  let test: TestApp;
  let world: World;
  const instruments = (schoolId: string) => `/api/schools/${schoolId}/questionnaire-instruments`;

  async function as(key: WorldUserKey): Promise<Login> {
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    return { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());

  it('adds a valid file, lists it as the school’s own beside the shipped ones, and only for that school', async () => {
    const lead = await as('tsoLead');
    const added = await requestAs(test.app, lead, 'POST', instruments(world.schoolA1), { definition: OWN });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ id: OWN.id, version: OWN.version, isOwn: true, name: OWN.name, items: OWN.items.length });
    const listed = (await requestAs(test.app, lead, 'GET', instruments(world.schoolA1))).json() as InstrumentSummary[];
    expect(listed.filter((instrument) => instrument.isOwn).map((instrument) => instrument.id)).toEqual([OWN.id]);
    expect(listed.filter((instrument) => !instrument.isOwn)).toHaveLength(5);
    const other = (await requestAs(test.app, await as('leadership'), 'GET', instruments(world.schoolA2))).statusCode;
    // Leadership of A1 only: the other school's list is not theirs to read, and never holds A1's own instrument.
    expect(other).toBe(403);
    const audit = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'questionnaires.instrument_imported').execute();
    expect(audit.map((row) => JSON.parse(row.detail!))).toEqual([{ instrument: OWN.id, version: OWN.version, replaced: false }]);
  });

  it('refuses a broken file at its field, and an id Groeiwijzer ships', async () => {
    const lead = await as('tsoLead');
    const broken = await requestAs(test.app, lead, 'POST', instruments(world.schoolA1), { definition: { ...OWN, items: [] } });
    expect(broken.statusCode).toBe(400);
    expect(Object.keys(broken.json().error.fields).every((field) => field.startsWith('body.definition.'))).toBe(true);
    const taken = await requestAs(test.app, lead, 'POST', instruments(world.schoolA1), { definition: shipped });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toHaveProperty(['body.definition.id']);
  });

  it('is asked in a wave and answered like a shipped one; a version a wave asked never changes', async () => {
    const lead = await as('tsoLead');
    const planned = await requestAs(test.app, lead, 'POST', `/api/schools/${world.schoolA1}/questionnaire-waves`, {
      name: 'Eigen lijst',
      audience: 'teachers',
      opensOn: '2026-11-23',
      closesOn: '2026-11-27',
      instrumentIds: [OWN.id],
      classIds: [],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    test.clock.advance(2 * DAY);
    const teacher = await as('teacher');
    const [wave] = (await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/my-questionnaires`)).json() as OpenWave[];
    expect(wave?.instruments.map((instrument) => instrument.name)).toEqual([OWN.name]);
    const answers = Object.fromEntries(OWN.items.map((item) => [item.id, 4]));
    const saved = await requestAs(test.app, teacher, 'PUT', `/api/schools/${world.schoolA1}/my-questionnaires/${wave!.id}/${OWN.id}`, { answers });
    expect(saved.json()).toMatchObject({ isComplete: true });

    const leadAgain = await as('tsoLead');
    const again = await requestAs(test.app, leadAgain, 'POST', instruments(world.schoolA1), { definition: { ...OWN, name: { nl: 'Anders', en: 'Other' } } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('instrument_version_taken');
    const newer = await requestAs(test.app, leadAgain, 'POST', instruments(world.schoolA1), { definition: { ...OWN, version: '1.1.0', name: { nl: 'Anders', en: 'Other' } } });
    expect(newer.statusCode, newer.body).toBe(201);
    // The wave keeps the version it asked.
    const [still] = (await requestAs(test.app, teacher, 'GET', `/api/schools/${world.schoolA1}/my-questionnaires`)).json() as OpenWave[];
    expect(still?.instruments.map((instrument) => [instrument.version, instrument.name.nl])).toEqual([[OWN.version, OWN.name.nl]]);
  });
});
