import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRatingsCsv } from '../../../cli/analyse-input';
import { runAnalyse } from '../../../cli/analyse.command';
import { aspectIdsOf } from '../../../shared/selfscan-model';
import { startSession } from '../../auth/sessions.service';
import { isoInstant, newId } from '../../deps';
import { createTestApp, requestAs, type Login, type TestApp } from '../../../../test/support/test-app';
import { pdfText } from '../../../../test/support/pdf-text';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { aggregateSelfScan } from './aggregate';
import { loadShippedModels } from './model-catalogue';
import { pseudonymsOf, slugOf } from './selfscan-report.service';
import { ensureShippedModels, shippedModelId } from './selfscan.service';

const model = loadShippedModels()[0]!;
const ASPECTS = aspectIdsOf(model);
const [MOTIVATION, KNOWLEDGE, LANGUAGE, MISSION] = ASPECTS as [string, string, string, string];
const FIRST_ASPECT = model.layers[0]!.aspects[0]!;
// A hostile name and note: a spreadsheet must never run them as formulas.
const ROUND_NAME = '=HYPERLINK("http://x") Zelfscan één';
const NOTE = '=1+1 zie het teamoverleg';
const RATIONALE = 'Het team kent het waarom, de uitvoering verschilt nog per bouw';


const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('pseudonymsOf', () => {
  const ids = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);

  it('numbers every response once as R1…Rn, stable for a round', () => {
    const pseudonyms = pseudonymsOf('round-a', ids);
    expect([...pseudonyms.values()].sort()).toEqual(ids.map((_, index) => `R${index + 1}`).sort());
    expect(pseudonymsOf('round-a', [...ids].reverse())).toEqual(pseudonyms);
  });

  it('follows neither the order of the ids nor that of another round', () => {
    const inRoundA = ids.map((id) => pseudonymsOf('round-a', ids).get(id));
    const inRoundB = ids.map((id) => pseudonymsOf('round-b', ids).get(id));
    expect(inRoundA).not.toEqual(ids.map((_, index) => `R${index + 1}`));
    expect(inRoundA).not.toEqual(inRoundB);
  });
});

describe('slugOf', () => {
  it('keeps ASCII letters and digits, drops accents and joins the rest with hyphens', () => {
    expect(slugOf('Zelfscan één – najaar 2026')).toBe('zelfscan-een-najaar-2026');
    expect(slugOf(ROUND_NAME)).toBe('hyperlink-http-x-zelfscan-een');
    expect(slugOf('"";')).toBe('ronde');
  });
});

describe.each(testDialects())('self-scan report and exports on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  let roundId: string;
  const sessions = new Map<string, Login>();

  async function user(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const roundUrl = () => `/api/schools/${world.schoolA1}/selfscan/rounds/${roundId}`;
  const get = async (key: WorldUserKey, path: string, headers: Record<string, string> = {}) => {
    const login = await user(key);
    return test.app.inject({ method: 'GET', url: `${roundUrl()}${path}`, headers: { cookie: login.cookie, ...headers } });
  };
  const results = async () => (await get('tsoLead', '/results')).json();

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const opened = await requestAs(test.app, await user('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds`, {
      name: ROUND_NAME,
      modelId: shippedModelId(model.id, model.version),
      opensOn: '2026-11-21',
      closesOn: '2026-11-30',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    const answers: [WorldUserKey, string, 1 | 2 | 3 | 4 | null, string?][] = [
      ['teacher', MOTIVATION, 2],
      ['teacher', KNOWLEDGE, 1, NOTE],
      ['careTeam', MOTIVATION, 3],
      ['careTeam', KNOWLEDGE, 4],
      ['leadership', MOTIVATION, 2],
      ['leadership', KNOWLEDGE, null, 'Weet ik echt niet'],
      ['tsoLead', MOTIVATION, 2],
      ['tsoLead', LANGUAGE, 3],
      ['schoolAdmin', MOTIVATION, 1],
    ];
    for (const [key, aspect, phase, note] of answers) {
      const response = await requestAs(test.app, await user(key), 'PUT', `${roundUrl()}/ratings/${aspect}`, { phase, ...(note ? { note } : {}) });
      expect(response.statusCode, response.body).toBe(200);
    }
    // Results and exports exist only once the round is closed.
    expect((await get('tsoLead', '/results.csv')).statusCode).toBe(409);
    expect((await requestAs(test.app, await user('leadership'), 'POST', `${roundUrl()}/close`)).statusCode).toBe(200);
    const lead = await user('tsoLead');
    expect((await requestAs(test.app, lead, 'PUT', `${roundUrl()}/consensus/${MOTIVATION}`, { phase: 2, rationale: RATIONALE })).statusCode).toBe(200);
    expect((await requestAs(test.app, lead, 'PUT', `${roundUrl()}/goals`, { aspectIds: [MOTIVATION] })).statusCode).toBe(200);
  });
  afterAll(async () => test.close());

  it('refuses the PDF and the aggregate CSV to the team before the lead shares the results, and to the board admin', async () => {
    for (const path of ['/report.pdf', '/results.csv', '/results.xlsx']) {
      for (const key of ['teacher', 'careTeam', 'schoolAdmin', 'boardAdmin'] as const) {
        const response = await get(key, path);
        expect(response.statusCode, `${key} ${path}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
    expect((await get('tsoLead', `/report.pdf`)).statusCode).toBe(200);
    const unknown = await test.app.inject({
      method: 'GET',
      url: `/api/schools/${world.schoolA1}/selfscan/rounds/${newId()}/report.pdf`,
      headers: { cookie: (await user('tsoLead')).cookie },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives the lead a Dutch PDF with the round, the placements, the rationale and the next goal, as a download', async () => {
    const response = await get('tsoLead', '/report.pdf?lang=nl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="zelfscan-hyperlink-http-x-zelfscan-een.pdf"');
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(ROUND_NAME);
    expect(text).toContain('School A1');
    expect(text).toContain(words(FIRST_ASPECT.name.nl));
    expect(text).toContain(RATIONALE);
    expect(text).toContain('Samen vastgesteld: Groeifase 2');
    expect(text).toContain('Bespreekpunt');
    expect(text).toContain('Fase 4');
    // The motivation aspect: 2, 3, 2, 2, 1 → median 2, five ratings.
    expect(text).toContain('Mediaan 2 · gemiddelde 2 · aantal 5 · weet ik niet 0');
    // Knowledge has two ratings with a phase: below k = 5, no figures, and the sheet says why.
    expect(text).toContain('Geen cijfers: te weinig antwoorden (minder dan 5), zodat niemand herkenbaar is.');
    expect(text.match(/Mediaan /g)).toHaveLength(1);
    expect(text).toContain(words(FIRST_ASPECT.descriptors['3'].nl).slice(0, 60));
    expect(text).not.toContain(NOTE);
    expect(text).toContain('Dit is de eerste ronde van de school op dit model');
    expect(text).not.toContain('Vorige ronde:');
    const audit = await test.deps.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'selfscan.exported').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.at(-1)).toMatchObject({ actor_user_id: world.users.tsoLead.id, target_id: roundId, school_id: world.schoolA1 });
    expect(JSON.parse(audit.at(-1)!.detail!)).toEqual({ format: 'pdf', language: 'nl' });
  });

  it('writes the PDF in English when asked, by parameter or by the Accept-Language header', async () => {
    for (const response of [await get('leadership', '/report.pdf?lang=en'), await get('leadership', '/report.pdf', { 'accept-language': 'en-GB,en;q=0.8' })]) {
      expect(response.statusCode).toBe(200);
      const text = pdfText(response.rawPayload);
      expect(text).toContain(ROUND_NAME);
      expect(text).toContain(words(FIRST_ASPECT.name.en));
      expect(text).toContain(RATIONALE);
      expect(text).toContain('Agreed together: Growth phase 2');
      expect(text).toContain('Discussion point');
      expect(text).toContain(words(FIRST_ASPECT.descriptors['3'].en).slice(0, 60));
      expect(text).not.toContain(words(FIRST_ASPECT.name.nl));
      expect(text).toContain("This is the school's first round on this model");
    }
    expect((await get('leadership', '/report.pdf?lang=de')).statusCode).toBe(400);
  });

  it('gives the aggregates as CSV with the same numbers as the results, and nothing a spreadsheet would run', async () => {
    const response = await get('tsoLead', '/results.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="zelfscan-hyperlink-http-x-zelfscan-een-uitkomsten.csv"');
    // Dutch Excel: `;` between quoted cells, decimal commas.
    expect(response.body.startsWith('\uFEFF"group";"layer";"aspect";')).toBe(true);
    const [header, ...rows] = parse(response.body, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(['group', 'layer', 'aspect', 'hidden', 'n', 'dontKnow', 'phase1', 'phase2', 'phase3', 'phase4', 'median', 'mean', 'sd', 'rwg', 'discuss', 'consensusPhase']);
    const expected = await results();
    expect(expected.aggregate.groups.map((group: { group: string }) => group.group)).toEqual(['other']);
    expect(rows).toHaveLength(ASPECTS.length * 2);
    const cell = (value: number) => String(value).replace('.', ',');
    const teamRows = rows.filter((row) => row[0] === 'team');
    expect(teamRows.map((row) => row[2])).toEqual(ASPECTS);
    for (const [index, aspect] of expected.aggregate.aspects.entries()) {
      const consensus = aspect.aspect === MOTIVATION ? '2' : '';
      const head = ['team', aspect.aspect.split('.')[0], aspect.aspect];
      if (aspect.hidden) {
        // A hidden cell: only that it is hidden, no figure at all.
        expect(teamRows[index]).toEqual([...head, 'true', ...Array(11).fill(''), consensus]);
        continue;
      }
      expect(teamRows[index]).toEqual([
        ...head,
        'false',
        String(aspect.n),
        String(aspect.dontKnow),
        ...['1', '2', '3', '4'].map((phase) => String(aspect.counts[phase])),
        cell(aspect.median),
        cell(aspect.mean),
        cell(aspect.sd),
        cell(aspect.rwg),
        String(aspect.discuss),
        consensus,
      ]);
    }
    expect(teamRows.filter((row) => row[3] === 'false').map((row) => row[2])).toEqual([MOTIVATION]);
    // The "other" group (all five respondents) gives no "weet ik niet" count of its own.
    const otherRows = rows.filter((row) => row[0] === 'other');
    expect(otherRows).toHaveLength(ASPECTS.length);
    expect(otherRows[0]!.slice(3, 6)).toEqual(['false', '5', '']);
    for (const row of [header!, ...rows]) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    expect(response.body).not.toContain('HYPERLINK');
    expect(response.body).not.toContain('=1+1');
  });

  it('gives the aggregates as a Dutch workbook: names instead of codes, numbers as numbers rounded to two decimals', async () => {
    const response = await get('tsoLead', '/results.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="zelfscan-hyperlink-http-x-zelfscan-een-uitkomsten.xlsx"');
    const [header, ...rows] = await readSheet(response.rawPayload);
    expect(header).toEqual([
      'Groep',
      'Groeilaag',
      'Accent',
      'Te weinig antwoorden voor cijfers',
      'Aantal antwoorden',
      'Weet ik niet',
      'Fase 1',
      'Fase 2',
      'Fase 3',
      'Fase 4',
      'Mediaan',
      'Gemiddelde',
      'Spreiding (standaardafwijking)',
      'Overeenstemming (0-1)',
      'Bespreekpunt',
      'Samen vastgestelde groeifase',
    ]);
    expect(rows).toHaveLength(ASPECTS.length * 2);
    const layer = model.layers[0]!.name.nl;
    // The motivation aspect: 2, 3, 2, 2, 1 → mean 2, sd √0.5 ≈ 0.71, agreement 1 − 0.5/1.25 = 0.6 (below 0.7: discuss).
    expect(rows[0]).toEqual(['Hele team', layer, FIRST_ASPECT.name.nl, 'nee', 5, 0, 1, 3, 1, 0, 2, 2, 0.71, 0.6, 'ja', 2]);
    // Knowledge: too few ratings; the row says so and carries no figure.
    expect(rows[1]).toEqual(['Hele team', layer, model.layers[0]!.aspects[1]!.name.nl, 'ja', ...Array(12).fill(null)]);
    // The "other" group: all five respondents, no "weet ik niet" count of its own.
    expect(rows[ASPECTS.length]!.slice(0, 6)).toEqual(['Overige', layer, FIRST_ASPECT.name.nl, 'nee', 5, null]);
    const expected = (await results()).aggregate.aspects[0];
    expect(rows[0]![11]).toBe(Math.round(expected.mean * 100) / 100);
    expect(rows[0]![12]).toBe(Math.round(expected.sd * 100) / 100);
    for (const row of rows) for (const cell of row) expect(String(cell)).not.toMatch(/^layer-|^team$|^other$/);

    const english = await readSheet((await get('tsoLead', '/results.xlsx?lang=en')).rawPayload);
    expect(english[0]!.slice(0, 4)).toEqual(['Group', 'Growth layer', 'Aspect', 'Too few answers for figures']);
    expect(english[1]!.slice(0, 4)).toEqual(['Whole team', model.layers[0]!.name.en, FIRST_ASPECT.name.en, 'no']);
    const byHeader = await readSheet((await get('tsoLead', '/results.xlsx', { 'accept-language': 'en-GB,en;q=0.8' })).rawPayload);
    expect(byHeader[0]![0]).toBe('Group');

    const audit = await test.deps.db.kysely.selectFrom('audit_events').select(['detail', 'actor_user_id']).where('action', '=', 'selfscan.exported').orderBy('seq').execute();
    expect(audit.slice(-3).map((event) => JSON.parse(event.detail!))).toEqual([
      { format: 'results_xlsx', language: 'nl' },
      { format: 'results_xlsx', language: 'en' },
      { format: 'results_xlsx', language: 'en' },
    ]);
  });

  it('gives the school admin the pseudonymised answers as a workbook too: names, "weet ik niet" in words, phases as numbers', async () => {
    for (const key of ['tsoLead', 'leadership', 'teacher', 'boardAdmin'] as const) expect((await get(key, '/ratings.xlsx')).statusCode, key).toBe(403);
    const response = await get('schoolAdmin', '/ratings.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="zelfscan-hyperlink-http-x-zelfscan-een-antwoorden.xlsx"');
    const [header, ...rows] = await readSheet(response.rawPayload);
    expect(header).toEqual(['Invuller', 'Rol', 'Groeilaag', 'Accent', 'Gekozen groeifase']);
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['Overige']));
    expect(rows.filter((row) => row[4] === 'weet ik niet')).toEqual([[expect.stringMatching(/^R\d$/), 'Overige', model.layers[0]!.name.nl, model.layers[0]!.aspects[1]!.name.nl, 'weet ik niet']]);
    const phases = rows.map((row) => row[4]).filter((phase) => phase !== 'weet ik niet');
    expect(phases.every((phase) => typeof phase === 'number')).toBe(true);
    expect([...phases].sort()).toEqual([1, 1, 2, 2, 2, 3, 3, 4]);
    const text = JSON.stringify(rows);
    for (const secret of [NOTE, 'Weet ik echt niet', world.users.teacher.email]) expect(text).not.toContain(secret);
    const audit = await test.deps.db.kysely.selectFrom('audit_events').select('detail').where('action', '=', 'selfscan.exported').orderBy('seq', 'desc').executeTakeFirst();
    expect(JSON.parse(audit!.detail!)).toEqual({ format: 'ratings_xlsx', respondents: 5, language: 'nl' });
  });

  it('gives the raw ratings only to the school admin: pseudonymised, without notes or names, in the analyse format', async () => {
    for (const key of ['tsoLead', 'leadership', 'teacher', 'boardAdmin'] as const) expect((await get(key, '/ratings.csv')).statusCode, key).toBe(403);
    const response = await get('schoolAdmin', '/ratings.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="zelfscan-hyperlink-http-x-zelfscan-een-antwoorden.csv"');
    const csv = response.body;
    const [header, ...rows] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(['respondent', 'role', 'aspect', 'phase']);
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    expect(rows.filter((row) => row[3] === '')).toEqual([[expect.stringMatching(/^R\d$/), 'other', KNOWLEDGE, '']]);
    // Five respondents of five different roles: no role has k = 5 people, so every row says "other".
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['other']));
    for (const person of Object.entries(world.users)) {
      expect(csv).not.toContain(person[1].id);
      expect(csv).not.toContain(person[1].email);
    }
    for (const name of ['careTeam', 'tsoLead', 'schoolAdmin', NOTE, 'Weet ik echt niet']) expect(csv).not.toContain(name);
    const responses = await test.deps.db.kysely.selectFrom('selfscan_responses').select('id').where('round_id', '=', roundId).execute();
    for (const row of responses) expect(csv).not.toContain(row.id);

    // The file feeds straight into the analysis and gives the numbers of the results endpoint.
    const expected = (await results()).aggregate;
    expect(aggregateSelfScan(parseRatingsCsv(csv, { aspectIds: ASPECTS }), { minGroupSize: 5, aspectIds: ASPECTS })).toEqual(expected);
    const files: Record<string, string> = { 'ratings.csv': csv, 'model.json': JSON.stringify(model) };
    const printed: string[] = [];
    runAnalyse(['selfscan', '--input', 'ratings.csv', '--model', 'model.json', '--min-group', '5'], (path) => files[path]!, (line) => printed.push(line));
    expect(JSON.parse(printed[0]!)).toEqual(expected);

    const audit = await test.deps.db.kysely.selectFrom('audit_events').select(['detail', 'actor_user_id']).where('action', '=', 'selfscan.exported').execute();
    const formats = audit.map((event) => JSON.parse(event.detail!).format);
    expect(formats).toContain('results_csv');
    expect(audit.find((event) => JSON.parse(event.detail!).format === 'ratings_csv')).toEqual({
      actor_user_id: world.users.schoolAdmin.id,
      detail: JSON.stringify({ format: 'ratings_csv', respondents: 5 }),
    });
  });

  it('lets the team download the report once the results are shared', async () => {
    expect((await requestAs(test.app, await user('tsoLead'), 'POST', `${roundUrl()}/share`)).statusCode).toBe(200);
    const pdf = await get('teacher', '/report.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(RATIONALE);
    expect((await get('teacher', '/results.csv')).statusCode).toBe(200);
    expect((await get('teacher', '/results.xlsx')).statusCode).toBe(200);
    expect((await get('teacher', '/ratings.csv')).statusCode).toBe(403);
    expect((await get('teacher', '/ratings.xlsx')).statusCode).toBe(403);
    expect((await get('boardAdmin', '/report.pdf')).statusCode).toBe(403);
  });
});

describe.each(testDialects())('the shift since the previous round in the report on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const rounds = { older: '', otherModel: '', earlier: '', current: '', later: '' };
  const sessions = new Map<WorldUserKey, Login>();

  async function as(key: WorldUserKey): Promise<Login> {
    const known = sessions.get(key);
    if (known) return known;
    const session = await startSession(test.deps.db.kysely, test.clock, test.deps.config, world.users[key].id);
    const login = { cookie: `__Host-gw_session=${session.token}`, csrfToken: session.csrfToken };
    sessions.set(key, login);
    return login;
  }
  const report = async (key: WorldUserKey, roundId: string, lang: 'nl' | 'en') =>
    test.app.inject({
      method: 'GET',
      url: `/api/schools/${world.schoolA1}/selfscan/rounds/${roundId}/report.pdf?lang=${lang}`,
      headers: { cookie: (await as(key)).cookie },
    });

  /** Stores a round with answers per respondent and agreed phases straight in the database. */
  async function seedRound(input: {
    modelId: string;
    name: string;
    opensOn: string;
    closesOn: string;
    answers?: { user: WorldUserKey; role: string; phases: Record<string, 1 | 2 | 3 | 4 | null> }[];
    consensus?: Record<string, 1 | 2 | 3 | 4>;
  }): Promise<string> {
    const db = test.deps.db.kysely;
    const now = isoInstant(test.clock.now());
    const id = newId();
    await db
      .insertInto('selfscan_rounds')
      .values({
        id,
        school_id: world.schoolA1,
        model_id: input.modelId,
        name: input.name,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        audience: JSON.stringify({ roles: [], locationIds: [] }),
        results_shared_at: null,
        created_by: null,
        created_at: now,
      })
      .execute();
    for (const answer of input.answers ?? []) {
      const responseId = newId();
      await db.insertInto('selfscan_invitations').values({ round_id: id, user_id: world.users[answer.user].id }).execute();
      await db.insertInto('selfscan_responses').values({ id: responseId, round_id: id, user_id: world.users[answer.user].id, role: answer.role, created_at: now, updated_at: now }).execute();
      for (const [aspect, phase] of Object.entries(answer.phases)) {
        await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: aspect, phase, note: null, updated_at: now }).execute();
      }
    }
    for (const [aspect, phase] of Object.entries(input.consensus ?? {})) {
      const rationale = await test.deps.fieldCrypto.encrypt(encryptedFieldRef('selfscan_consensus', 'rationale', [id, aspect]), 'Besproken in het team');
      await db.insertInto('selfscan_consensus').values({ round_id: id, aspect_id: aspect, phase, rationale, recorded_by: null, recorded_at: now }).execute();
    }
    return id;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    // Three or four respondents per round: board A's k is 3 here, so their medians show.
    await test.deps.db.kysely.updateTable('boards').set({ min_group_size: 3 }).where('id', '=', world.boardA).execute();
    await ensureShippedModels(test.deps.db.kysely, test.clock.now());
    const modelId = shippedModelId(model.id, model.version);
    const otherModelId = newId();
    await test.deps.db.kysely
      .insertInto('development_models')
      .values({
        id: otherModelId,
        school_id: world.schoolA1,
        model_key: 'eigen-lijst',
        version: '1.0.0',
        definition: JSON.stringify({ ...model, id: 'eigen-lijst' }),
        created_at: isoInstant(test.clock.now()),
      })
      .execute();
    // Oldest to newest: the report of the current round must compare with "Voorjaar 2026", not with the
    // older round, the round of another model, or the round that opens later.
    rounds.older = await seedRound({ modelId, name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31', consensus: { [MOTIVATION]: 1 } });
    rounds.earlier = await seedRound({
      modelId,
      name: 'Voorjaar 2026',
      opensOn: '2026-03-02',
      closesOn: '2026-03-27',
      answers: [
        { user: 'teacher', role: 'teacher', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 2, [MISSION]: 3 } },
        { user: 'careTeam', role: 'care_team', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 3, [MISSION]: 3 } },
        { user: 'tsoLead', role: 'tso_lead', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 2, [MISSION]: 3 } },
        { user: 'leadership', role: 'leadership', phases: { [MOTIVATION]: 2, [KNOWLEDGE]: 3, [MISSION]: 3 } },
      ],
      consensus: { [MOTIVATION]: 2 },
    });
    rounds.otherModel = await seedRound({ modelId: otherModelId, name: 'Eigen lijst zomer 2026', opensOn: '2026-06-01', closesOn: '2026-06-30', consensus: { [MOTIVATION]: 4 } });
    rounds.current = await seedRound({
      modelId,
      name: 'Najaar 2026',
      opensOn: '2026-11-02',
      // Closed yesterday: only closed rounds have a report.
      closesOn: '2026-11-20',
      answers: [
        { user: 'teacher', role: 'teacher', phases: { [MOTIVATION]: 3, [KNOWLEDGE]: 2, [LANGUAGE]: 2, [MISSION]: 3 } },
        { user: 'careTeam', role: 'care_team', phases: { [MOTIVATION]: 3, [KNOWLEDGE]: 2, [LANGUAGE]: 2, [MISSION]: 3 } },
        { user: 'tsoLead', role: 'tso_lead', phases: { [MOTIVATION]: 3, [KNOWLEDGE]: 2, [LANGUAGE]: 2, [MISSION]: 3 } },
      ],
      consensus: { [MOTIVATION]: 3 },
    });
    rounds.later = await seedRound({ modelId, name: 'Voorjaar 2027', opensOn: '2027-03-01', closesOn: '2027-03-31', consensus: { [MOTIVATION]: 1 } });
  });
  afterAll(async () => test.close());

  it('names the previous round and gives per aspect both placements and the change, in Dutch', async () => {
    const response = await report('tsoLead', rounds.current, 'nl');
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Verschuiving sinds de vorige ronde');
    expect(text).toContain('Vergeleken met de vorige ronde op hetzelfde model: Voorjaar 2026 (2 maart 2026 t/m 27 maart 2026).');
    expect(text).toContain('Vorige ronde: groeifase 2 (samen vastgesteld) · deze ronde: groeifase 3 (samen vastgesteld) · +1 groeifase');
    // Knowledge: median 2.5 (2, 3, 2, 3) then 2, nothing agreed; language: not rated before, so below k.
    expect(text).toContain('Vorige ronde: mediaan 2,5 (niet samen vastgesteld) · deze ronde: mediaan 2 (niet samen vastgesteld) · \u20130,5 groeifase');
    expect(text).toContain('Vorige ronde: te weinig antwoorden · deze ronde: mediaan 2 (niet samen vastgesteld) · niet te vergelijken');
    expect(text).toContain('Vorige ronde: mediaan 3 (niet samen vastgesteld) · deze ronde: mediaan 3 (niet samen vastgesteld) · gelijk gebleven');
    // Aspects nobody placed in either round are left out of the comparison.
    expect(text.match(/Vorige ronde:/g)).toHaveLength(4);
    for (const other of ['Najaar 2025', 'Eigen lijst zomer 2026', 'Voorjaar 2027']) expect(text).not.toContain(other);
    expect(text).not.toContain('eerste ronde');
  });

  it('gives the same shift in English', async () => {
    const response = await report('leadership', rounds.current, 'en');
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Shift since the previous round');
    expect(text).toContain('Compared with the previous round on the same model: Voorjaar 2026 (2 March 2026 to 27 March 2026).');
    expect(text).toContain('Previous round: growth phase 2 (agreed together) · this round: growth phase 3 (agreed together) · +1 growth phase');
    expect(text).toContain('Previous round: median 2.5 (not agreed together) · this round: median 2 (not agreed together) · \u20130.5 growth phase');
    expect(text).toContain('cannot be compared');
    expect(text).toContain('this round: median 3 (not agreed together) · unchanged');
    expect(text).not.toContain('first round');
  });

  it('says a round is the first on its model, even when another model was used before', async () => {
    const dutch = pdfText((await report('tsoLead', rounds.older, 'nl')).rawPayload);
    expect(dutch).toContain('Dit is de eerste ronde van de school op dit model, dus een verschuiving is er nog niet.');
    expect(dutch).not.toContain('Vorige ronde:');
    const english = pdfText((await report('tsoLead', rounds.otherModel, 'en')).rawPayload);
    expect(english).toContain("This is the school's first round on this model, so there is no shift to show yet.");
  });

  it('leaves the shift out for a reader who may not see the previous round, without naming it', async () => {
    expect((await requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds/${rounds.current}/share`)).statusCode).toBe(200);
    const response = await report('teacher', rounds.current, 'nl');
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('De verschuiving staat niet in dit verslag: je hebt geen inzage in de uitkomsten van de vorige ronde.');
    expect(text).not.toContain('Voorjaar 2026');
    expect(text).not.toContain('Vorige ronde:');
    expect(text).not.toContain('groeifase 2 (samen vastgesteld)');
    const english = pdfText((await report('teacher', rounds.current, 'en')).rawPayload);
    expect(english).toContain("The shift is not part of this report: you do not have access to the previous round's results.");
    // Once the previous round is shared as well, the teacher gets the shift too.
    expect((await requestAs(test.app, await as('tsoLead'), 'POST', `/api/schools/${world.schoolA1}/selfscan/rounds/${rounds.earlier}/share`)).statusCode).toBe(200);
    expect(pdfText((await report('teacher', rounds.current, 'nl')).rawPayload)).toContain('+1 groeifase');
  });
});
