import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, newId } from '../../src/server/deps';
import { encryptedFieldRef } from '../../src/server/crypto/encrypted-columns';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { ensureShippedModels, shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const OTHER_SCHOOL = 'VSO De Horizon';
const BOARD = 'Stichting Voorbeeld';
const ASPECTS = modelFile.layers.flatMap((layer) => layer.aspects.map((aspect) => ({ id: aspect.id, name: aspect.name.nl })));
const [FIRST, SECOND, THIRD] = ASPECTS as [(typeof ASPECTS)[number], (typeof ASPECTS)[number], (typeof ASPECTS)[number]];

// Two earlier rounds that the whole team (five people, the demo board's k) answered, with agreed phases;
// then leadership compares them, switches sharing on, and the board looks.
describe('self-scan over time and for the board, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    await ensureShippedModels(db);
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    const now = isoInstant(new Date());
    const staff = await db.selectFrom('school_memberships').select(['user_id', 'role']).where('school_id', '=', schoolId).orderBy('user_id').execute();
    const team = [...new Map(staff.map((row) => [row.user_id, row.role])).entries()];
    expect(team).toHaveLength(5);
    const seed = async (name: string, opensOn: string, closesOn: string, consensus: Record<string, number>, phases: Record<string, number>) => {
      const id = newId();
      await db
        .insertInto('selfscan_rounds')
        .values({
          id,
          school_id: schoolId,
          model_id: shippedModelId(modelFile.id, modelFile.version),
          name,
          opens_on: opensOn,
          closes_on: closesOn,
          audience: JSON.stringify({ roles: [], locationIds: [] }),
          results_shared_at: null,
          created_by: null,
          created_at: now,
        })
        .execute();
      // Everyone gives the same phase per aspect, so the medians are those phases.
      for (const [userId, role] of team) {
        const responseId = newId();
        await db.insertInto('selfscan_invitations').values({ round_id: id, user_id: userId }).execute();
        await db.insertInto('selfscan_responses').values({ id: responseId, round_id: id, user_id: userId, role, created_at: now, updated_at: now }).execute();
        for (const [aspect, phase] of Object.entries(phases)) {
          await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: aspect, phase, note: null, updated_at: now }).execute();
        }
      }
      for (const [aspect, phase] of Object.entries(consensus)) {
        const rationale = await server.fieldCrypto.encrypt(encryptedFieldRef('selfscan_consensus', 'rationale', [id, aspect]), 'In de teamvergadering besproken');
        await db.insertInto('selfscan_consensus').values({ round_id: id, aspect_id: aspect, phase, rationale, recorded_by: null, recorded_at: now }).execute();
      }
      return id;
    };
    await seed('Zelfscan voorjaar 2025', '2025-03-01', '2025-03-31', { [FIRST.id]: 1 }, { [FIRST.id]: 1, [THIRD.id]: 2 });
    await seed('Zelfscan najaar 2025', '2025-10-01', '2025-10-31', { [FIRST.id]: 2, [SECOND.id]: 3 }, { [FIRST.id]: 2, [THIRD.id]: 3 });
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await server?.close();
  });

  async function browserFor(email: string): Promise<BrowserSession> {
    const session = await openBrowser();
    sessions.push(session);
    await signIn(session.page, server.baseUrl, email, DEMO_PASSWORD);
    return session;
  }

  it('leadership sees the shift and the timeline, then shares the agreed phases with the board', async () => {
    const leadership = await browserFor('directie@voorbeeld.test');
    const { page } = leadership;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
    await waitForPage(page, 'Zelfscan');
    await page.getByRole('link', { name: 'Uitkomsten van Zelfscan najaar 2025' }).click();
    await waitForPage(page, 'Uitkomsten: Zelfscan najaar 2025');
    expect(await page.getByLabel('Vergelijk met').inputValue()).not.toBe('');
    const shift = page.getByRole('table', { name: 'Verschuiving per accent' });
    expect(await rowCells(page, shift, FIRST.name)).toEqual(['Groeifase 1 (vastgesteld)', 'Groeifase 2 (vastgesteld)', '↑ +1 groeifase']);
    // Nobody rated the second aspect in spring: no median below k, so nothing to compare the agreed phase with.
    expect(await rowCells(page, shift, SECOND.name)).toEqual(['te weinig antwoorden (minder dan 5)', 'Groeifase 3 (vastgesteld)', 'niet te vergelijken']);
    expect(await rowCells(page, shift, THIRD.name)).toEqual(['mediaan 2', 'mediaan 3', '↑ +1 groeifase']);
    await audit.check(leadership);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan`);
    await page.getByRole('link', { name: 'Verloop per accent' }).click();
    await waitForPage(page, 'Verloop per accent');
    const layer = page.getByRole('table', { name: `Verloop: ${modelFile.layers[0]!.name.nl}` });
    expect(await rowCells(page, layer, FIRST.name)).toEqual(['Groeifase 1 (vastgesteld)', 'Groeifase 2 (vastgesteld)']);
    expect(await rowCells(page, layer, THIRD.name)).toEqual(['mediaan 2', 'mediaan 3']);
    expect(await rowCells(page, layer, SECOND.name)).toEqual(['te weinig antwoorden (minder dan 5)', 'Groeifase 3 (vastgesteld)']);
    await audit.check(leadership);

    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    const toggle = page.getByRole('checkbox', { name: 'Zelfscan-uitkomsten delen met het bestuur' });
    expect(await toggle.isChecked()).toBe(false);
    await audit.check(leadership);
    await toggle.check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het bestuur ziet nu de vastgestelde groeifasen van de school.' }).waitFor();
    const stored = await server.db.kysely.selectFrom('school_settings').select('shares_selfscan_with_board').where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    expect(stored.shares_selfscan_with_board).toBe(1);
    await audit.check(leadership);
  });

  it('the board admin sees the sharing school side by side with the one that does not share', async () => {
    const board = await browserFor('bestuur@voorbeeld.test');
    const { page } = board;
    await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: BOARD }).click();
    await page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Zelfscan per school' }).click();
    await waitForPage(page, 'Zelfscan per school');
    const table = page.getByRole('table', { name: 'Vastgestelde groeifase per school en accent' });
    const shared = await rowCells(page, table, SCHOOL);
    expect(shared.slice(0, 3)).toEqual(['Zelfscan najaar 2025 1 oktober 2025', 'Groeifase 2', 'Groeifase 3']);
    expect(shared).toHaveLength(1 + ASPECTS.length);
    expect(shared.slice(3).every((cell) => cell === 'niet vastgesteld')).toBe(true);
    expect(await rowCells(page, table, OTHER_SCHOOL)).toEqual(['Niet gedeeld met het bestuur']);
    // Only the agreed phases travel: no rationale, no earlier round.
    expect(await page.getByText('In de teamvergadering besproken').count()).toBe(0);
    expect(await page.getByText('Zelfscan voorjaar 2025').count()).toBe(0);
    await audit.check(board);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});

async function rowCells(page: Page, table: ReturnType<Page['getByRole']>, rowName: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  // allTextContents() does not wait: let the table load (it fetches after the heading shows) before reading.
  await row.first().waitFor();
  return (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}
