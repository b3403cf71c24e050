import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { isoInstant, newId } from '../../src/server/deps';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { ensureShippedModels, shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
import { formatDate } from '../../src/web/i18n/format';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';
import { schoolDateOf } from '../../src/shared/school-time';

const SCHOOL = 'Basisschool De Vlinderboom';
const OTHER_SCHOOL = 'VSO De Horizon';
const BOARD = 'Stichting Voorbeeld';
const LONG_SERVING = 'Sanne Verbeek';
const PARTNER = 'Jeugdteam Noord';
const FULL_TEAM = 'Teamtraining met voor- en natraject';
const ROUND = 'Zelfscan voorjaar';

// The demo school, with one teacher who joined two years ago (her role's created_at moved back); everyone
// else joined today. The TSO lead records the team training, leadership shares the summary, the board looks.
describe('the training register, its coverage beside layer 1 and the board roll-up, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let roundId = '';
  let staffCount = 0;
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];
  const heldOn = schoolDateOf(new Date(Date.now() - 14 * 24 * 3600 * 1000));
  const heldOnText = formatDate(heldOn, 'nl');

  beforeAll(async () => {
    server = await startDemoServer();
    const db = server.db.kysely;
    schoolId = (await db.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
    const sanne = await db.selectFrom('users').select('id').where('name', '=', LONG_SERVING).executeTakeFirstOrThrow();
    await db
      .updateTable('school_memberships')
      .set({ created_at: isoInstant(new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000)) })
      .where('school_id', '=', schoolId)
      .where('user_id', '=', sanne.id)
      .execute();
    const staff = await db.selectFrom('school_memberships').select('user_id').distinct().where('school_id', '=', schoolId).execute();
    staffCount = staff.length;

    await ensureShippedModels(db);
    roundId = newId();
    await db
      .insertInto('selfscan_rounds')
      .values({
        id: roundId,
        school_id: schoolId,
        model_id: shippedModelId(modelFile.id, modelFile.version),
        name: ROUND,
        opens_on: '2026-03-01',
        closes_on: '2026-03-31',
        audience: JSON.stringify({ roles: [], locationIds: [] }),
        results_shared_at: null,
        created_by: null,
        created_at: isoInstant(new Date()),
      })
      .execute();
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

  it('the TSO lead records a full team training and sees the coverage change', async () => {
    const lead = await browserFor(DEMO_EMAILS.tsoLead);
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Scholing' }).click();
    await waitForPage(page, 'Scholing');
    expect(await coverageSentence(page)).toBe(`0 van de ${staffCount} medewerkers hebben de volledige training gehad (0%).`);
    expect(await names(page, 'Nog te trainen medewerkers')).toEqual([LONG_SERVING]);
    expect(await names(page, 'Nieuwe medewerkers en wanneer ze getraind moeten zijn')).toHaveLength(staffCount - 1);
    await page.getByText('Er is nog geen scholing vastgelegd.').waitFor();
    await audit.check(lead);

    // A training without a date is refused on the spot, with the error summary.
    await page.getByRole('button', { name: 'Scholing vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scholing vastleggen' });
    await dialog.waitFor();
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Scholing opslaan' }).click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Datum: Vul de datum van de scholing in.' }).waitFor();
    await audit.check(lead);

    // Everyone but the long-serving teacher, through the filter and "select all"; one partner organisation.
    await dialog.getByLabel('Soort scholing').selectOption({ label: FULL_TEAM });
    await dialog.getByLabel('Datum').fill(heldOn);
    await dialog.getByRole('button', { name: 'Iedereen kiezen' }).click();
    await dialog.getByLabel('Zoek op naam').fill('sanne');
    expect(await dialog.getByRole('checkbox').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Gevonden mensen niet kiezen' }).click();
    expect(await dialog.getByRole('checkbox', { name: LONG_SERVING }).isChecked()).toBe(false);
    await dialog.getByLabel('Zoek op naam').fill('');
    await dialog.getByText(`${staffCount - 1} van ${staffCount} gekozen`).waitFor();
    await dialog.getByRole('button', { name: 'Ketenpartner toevoegen' }).click();
    await dialog.getByLabel('Organisatie 1', { exact: true }).fill(PARTNER);
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Scholing opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `${FULL_TEAM} van ${heldOnText} is vastgelegd.` }).waitFor();
    await waitForPage(page, 'Scholing');

    const stored = await server.db.kysely.selectFrom('trainings').select(['id', 'kind', 'held_on']).where('school_id', '=', schoolId).execute();
    expect(stored.map((row) => [row.kind, row.held_on])).toEqual([['full_team', heldOn]]);
    const participants = await server.db.kysely.selectFrom('training_participants').select('user_id').where('training_id', '=', stored[0]!.id).execute();
    expect(participants).toHaveLength(staffCount - 1);

    const percent = Math.round(((staffCount - 1) / staffCount) * 100);
    expect(await coverageSentence(page)).toBe(`${staffCount - 1} van de ${staffCount} medewerkers hebben de volledige training gehad (${percent}%).`);
    // Still untrained: she joined long ago and was not there.
    expect(await names(page, 'Nog te trainen medewerkers')).toEqual([LONG_SERVING]);
    expect(await names(page, 'Ketenpartners die meededen aan een training')).toEqual([PARTNER]);
    const row = page.getByRole('table', { name: 'Gevolgde trainingen, nieuwste eerst' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: heldOnText }) });
    expect(await row.getByRole('cell').first().textContent()).toBe(FULL_TEAM);
    await audit.check(lead);

    // She catches up: added to the same training, the list of people to train is empty.
    await page.getByRole('button', { name: `${FULL_TEAM} van ${heldOnText} wijzigen` }).click();
    const editDialog = page.getByRole('dialog', { name: 'Scholing wijzigen' });
    await editDialog.waitFor();
    expect(await editDialog.getByLabel('Organisatie 1', { exact: true }).inputValue()).toBe(PARTNER);
    await editDialog.getByRole('checkbox', { name: LONG_SERVING }).check();
    await audit.check(lead);
    await editDialog.getByRole('button', { name: 'Scholing opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `${FULL_TEAM} van ${heldOnText} is opgeslagen.` }).waitFor();
    await page.getByText('Niemand: iedereen die al langer in het team zit, heeft de volledige training gehad.').waitFor();
    expect(await coverageSentence(page)).toBe(`${staffCount} van de ${staffCount} medewerkers hebben de volledige training gehad (100%).`);
    expect(await page.getByRole('table', { name: 'Nog te trainen medewerkers' }).count()).toBe(0);
    await audit.check(lead);

    // A training of the school's own kind needs a name; then it is deleted after confirmation.
    await page.getByRole('button', { name: 'Scholing vastleggen' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Soort scholing').selectOption({ label: 'Eigen scholing' });
    await dialog.getByLabel('Datum').fill(heldOn);
    await dialog.getByRole('button', { name: 'Scholing opslaan' }).click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Naam van de scholing: Geef eigen scholing een naam.' }).waitFor();
    await audit.check(lead);
    await dialog.getByLabel('Naam van de scholing').fill('Studiedag veilige klas');
    await dialog.getByRole('button', { name: 'Scholing opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `Studiedag veilige klas van ${heldOnText} is vastgelegd.` }).waitFor();
    await page.getByRole('button', { name: `Studiedag veilige klas van ${heldOnText} verwijderen` }).click();
    const confirm = page.getByRole('dialog', { name: 'Scholing verwijderen?' });
    await confirm.waitFor();
    await audit.check(lead);
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: `De scholing van ${heldOnText} is verwijderd.` }).waitFor();
    expect(await server.db.kysely.selectFrom('trainings').select('kind').where('school_id', '=', schoolId).execute()).toEqual([{ kind: 'full_team' }]);
    await audit.check(lead);
  });

  it('the self-scan results show the coverage right under layer 1 for the TSO lead, not for the teacher', async () => {
    const lead = sessions[0]!;
    const { page } = lead;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/zelfscan/${roundId}/uitkomsten`);
    await waitForPage(page, `Uitkomsten: ${ROUND}`);
    const evidence = page.getByRole('region', { name: 'Scholing (laag 1)' });
    await evidence.getByText(`${staffCount} van de ${staffCount} medewerkers hebben de volledige training gehad (100%).`).waitFor();
    await page.waitForFunction(() => document.querySelector('.training-evidence p.notice') === null);
    // In the page's order: layer 1's overview table, then the training evidence, then layer 2's table.
    const order = await page.evaluate(() => {
      const layers = [...document.querySelectorAll('.overview-layer')];
      const panel = document.querySelector('.training-evidence');
      if (!panel || layers.length < 2) return null;
      const follows = (first: Element, second: Element) => (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return { afterLayer1: follows(layers[0]!, panel), beforeLayer2: follows(panel, layers[1]!) };
    });
    expect(order).toEqual({ afterLayer1: true, beforeLayer2: true });
    expect(await page.getByRole('table', { name: modelFile.layers[0]!.name.nl, exact: true }).count()).toBe(1);
    await audit.check(lead);

    // The teacher is no organiser of training: no menu entry, and the register page says so.
    const teacher = await browserFor(DEMO_EMAILS.teacher);
    await teacher.page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(teacher.page, SCHOOL);
    expect(await teacher.page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Scholing' }).count()).toBe(0);
    await teacher.page.goto(`${server.baseUrl}/scholen/${schoolId}/scholing`);
    await waitForPage(teacher.page, 'Geen toegang');
    await audit.check(teacher);
  });

  it('leadership shares the plan summary with the board, sending only that setting', async () => {
    const leadership = await browserFor(DEMO_EMAILS.leadership);
    const { page } = leadership;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    const section = page.getByRole('region', { name: 'Implementatieplan en scholing' });
    const toggle = section.getByRole('checkbox', { name: 'Samenvatting van het plan delen met het bestuur' });
    expect(await toggle.isChecked()).toBe(false);
    expect(await section.getByRole('checkbox', { name: 'Implementatieplan delen met het hele team' }).isChecked()).toBe(false);
    expect(await section.getByLabel('Aantal maanden tot de training').inputValue()).toBe('12');
    await audit.check(leadership);

    // A number of months outside 1–60 is refused before anything is sent.
    await section.getByLabel('Aantal maanden tot de training').fill('0');
    await section.getByRole('button', { name: 'Instellingen plan opslaan' }).click();
    await section.getByRole('alert').getByRole('link', { name: /^Aantal maanden tot de training: Vul een heel aantal maanden in van 1 tot en met 60\.$/ }).waitFor();
    await audit.check(leadership);
    await section.getByLabel('Aantal maanden tot de training').fill('12');

    await toggle.check();
    const sent = page.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith(`/api/schools/${schoolId}/settings`));
    await section.getByRole('button', { name: 'Instellingen plan opslaan' }).click();
    expect((await sent).postDataJSON()).toEqual({ sharesPlanWithBoard: true });
    await page.getByRole('status').filter({ hasText: 'De instellingen van het implementatieplan zijn opgeslagen.' }).waitFor();
    const stored = await server.db.kysely
      .selectFrom('school_settings')
      .select(['shares_plan_with_board', 'shares_plan_with_team', 'untrained_after_months', 'shares_selfscan_with_board'])
      .where('school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ shares_plan_with_board: 1, shares_plan_with_team: 0, untrained_after_months: 12, shares_selfscan_with_board: 0 });
    await audit.check(leadership);
  });

  it('the board admin sees the sharing school in the roll-up and counts the other', async () => {
    const board = await browserFor(DEMO_EMAILS.boardAdmin);
    const { page } = board;
    await page.getByRole('region', { name: 'Mijn besturen' }).getByRole('link', { name: BOARD }).click();
    await page.getByRole('navigation', { name: 'Bestuursmenu' }).getByRole('link', { name: 'Implementatieplannen' }).click();
    await waitForPage(page, 'Implementatieplannen');
    const table = page.getByRole('table', { name: 'Implementatieplan per school' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SCHOOL, exact: true }) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe('nog geen fase vastgelegd');
    expect(cells.slice(2)).toEqual(['0 van 0', '0', `100% (${staffCount} van ${staffCount})`]);
    expect(await table.getByRole('rowheader', { name: OTHER_SCHOOL }).count()).toBe(0);
    await page.getByText('1 school deelt haar implementatieplan niet met het bestuur.').waitFor();
    // The roll-up carries no names of staff.
    expect(await page.getByText(LONG_SERVING).count()).toBe(0);
    await audit.check(board);
    expect(audit.problems, audit.problems.join('\n')).toEqual([]);
  });
});

async function coverageSentence(page: Page): Promise<string> {
  const figure = page.locator('.training-coverage-figure').first();
  await figure.waitFor();
  return ((await figure.textContent()) ?? '').trim();
}

async function names(page: Page, tableName: string): Promise<string[]> {
  const table = page.getByRole('table', { name: tableName });
  await table.waitFor();
  return (await table.locator('tbody th').allTextContents()).map((text) => text.trim());
}
