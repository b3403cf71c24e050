import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { addDays, schoolDateOf } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const TEAM_WAVE = 'Meting team';
const LATER_WAVE = 'Meting voorjaar';

// Issue 13: the TSO lead plans a teacher wave on the waves page, a teacher answers it in the app, and the lead
// sees the completion count go up (counts only); a wave that has not opened is removed after a confirmation.
describe('measurement waves in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  const audit = createPageAudit();
  const sessions: BrowserSession[] = [];
  const today = schoolDateOf(new Date());

  beforeAll(async () => {
    server = await startDemoServer();
    schoolId = (await server.db.kysely.selectFrom('schools').select('id').where('name', '=', SCHOOL).executeTakeFirstOrThrow()).id;
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

  it('the TSO lead plans a teacher wave, a teacher answers it, and the lead sees it completed', async () => {
    const lead = await browserFor(DEMO_EMAILS.tsoLead);
    await lead.page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(lead.page, SCHOOL);
    await lead.page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Metingen' }).click();
    await waitForPage(lead.page, 'Metingen');
    await audit.check(lead);

    // An empty form is refused on the spot.
    const form = lead.page.getByRole('region', { name: 'Meting plannen' });
    await form.getByRole('button', { name: 'Meting plannen' }).click();
    await form.getByRole('alert').getByRole('link', { name: 'Naam van de meting: Vul een naam in.' }).waitFor();
    await audit.check(lead);

    await form.getByLabel('Naam van de meting').fill(TEAM_WAVE);
    await form.getByLabel('Opent op').fill(today);
    await form.getByLabel('Sluit na').fill(addDays(today, 7));
    await form.getByRole('checkbox', { name: 'Competentiegevoel leerkracht' }).check();
    await form.getByRole('button', { name: 'Meting plannen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `Meting ${TEAM_WAVE} is gepland.` }).waitFor();
    const row = () => lead.page.getByRole('row').filter({ has: lead.page.getByRole('rowheader', { name: TEAM_WAVE }) });
    await row().getByText('loopt').waitFor();
    await row().getByText(/^0 van \d+$/).waitFor();
    await audit.check(lead);

    const teacher = await browserFor(DEMO_EMAILS.teacher);
    await teacher.page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(teacher.page, SCHOOL);
    await teacher.page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Vragenlijsten' }).click();
    await waitForPage(teacher.page, 'Vragenlijsten');
    const questionnaire = teacher.page.getByRole('region', { name: 'Competentiegevoel leerkracht' });
    await questionnaire.getByText('0 van de 12 vragen beantwoord').waitFor();
    await audit.check(teacher);
    for (let number = 1; number <= 12; number++) {
      await questionnaire.getByRole('group', { name: new RegExp(`^Vraag ${number} `) }).getByRole('radio', { name: number % 3 === 0 ? 'Neutraal' : 'Mee eens', exact: true }).check();
    }
    await questionnaire.getByText('12 van de 12 vragen beantwoord').waitFor();
    await questionnaire.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await questionnaire.getByRole('status').filter({ hasText: 'Opgeslagen: je hebt alle 12 vragen beantwoord. Dank je wel!' }).waitFor();
    await audit.check(teacher);
    const stored = await server.db.kysely.selectFrom('questionnaire_responses').select(['instrument_id', 'is_complete', 'answers']).execute();
    expect(stored.map((response) => [response.instrument_id, response.is_complete, Object.keys(JSON.parse(response.answers) as object).length])).toEqual([['teacher-competence', 1, 12]]);

    await lead.page.reload();
    await waitForPage(lead.page, 'Metingen');
    await row().getByText(/^1 van \d+$/).waitFor();
  });

  it('removes a wave that has not opened yet, after asking', async () => {
    const lead = sessions[0]!;
    const form = lead.page.getByRole('region', { name: 'Meting plannen' });
    await form.getByLabel('Naam van de meting').fill(LATER_WAVE);
    await form.getByLabel('Opent op').fill(addDays(today, 20));
    await form.getByLabel('Sluit na').fill(addDays(today, 27));
    await form.getByRole('checkbox', { name: 'Klasklimaat (leerkracht)' }).check();
    await form.getByRole('button', { name: 'Meting plannen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `Meting ${LATER_WAVE} is gepland.` }).waitFor();
    await lead.page.getByRole('button', { name: `${LATER_WAVE} verwijderen` }).click();
    const dialog = lead.page.getByRole('dialog', { name: 'Meting verwijderen?' });
    await dialog.waitFor();
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `Meting ${LATER_WAVE} is verwijderd.` }).waitFor();
    expect(await lead.page.getByRole('rowheader', { name: LATER_WAVE }).count()).toBe(0);
    // The open wave cannot be changed: it offers no buttons.
    expect(await lead.page.getByRole('button', { name: `${TEAM_WAVE} wijzigen` }).count()).toBe(0);
    expect(audit.problems).toEqual([]);
  });
});
