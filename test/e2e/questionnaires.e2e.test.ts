import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { isoInstant, newId } from '../../src/server/deps';
import { loadShippedInstruments } from '../../src/server/features/questionnaires/instrument-catalogue';
import { PUPIL_QUESTIONNAIRE_TEXTS } from '../../src/shared/questionnaire-wording';
import { addDays, schoolDateOf } from '../../src/shared/school-time';
import { type BrowserSession, createPageAudit, openBrowser, type RunningServer, signIn, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const TEAM_WAVE = 'Meting team';
const LATER_WAVE = 'Meting voorjaar';
const CLOSED_WAVE = 'Meting vorige maand';
const PUPIL_WAVE = 'Meting groep 5';
const STUDY = 'Landelijke TSO-studie';
const QUESTIONNAIRE = PUPIL_QUESTIONNAIRE_TEXTS.nl;
const OWN_INSTRUMENT = {
  ...structuredClone(loadShippedInstruments().find((instrument) => instrument.id === 'class-climate-teacher')!),
  id: 'gekochte-lijst',
  name: { nl: 'Gekochte klassenlijst', en: 'Bought class list' },
};

// Issue 13: the TSO lead plans a teacher wave on the waves page, a teacher answers it in the app, and the lead
// sees the completion count go up (counts only); a wave that has not opened is removed after a confirmation; a
// closed wave's results show the school and each class, a class under k hidden together with the next smallest.
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
    await lead.page.getByRole('status').filter({ hasText: `‘${TEAM_WAVE}’ is gepland.` }).waitFor();
    const row = () => lead.page.getByRole('row').filter({ has: lead.page.getByRole('rowheader', { name: TEAM_WAVE }) });
    await row().getByText('loopt').waitFor();
    await row().getByText(/^0 van \d+$/).waitFor();
    // A reminder for the teachers who have not finished: the page says when the next one can go, never to whom.
    await lead.page.getByRole('button', { name: `${TEAM_WAVE} herinneren` }).click();
    await lead.page.getByRole('status').filter({ hasText: `Herinnering voor ‘${TEAM_WAVE}’ verstuurd naar wie nog niet klaar was.` }).waitFor();
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

  it('the TSO lead plans a pupil wave for groep 5, and pupils answer it on the class device, with read-aloud', async () => {
    const lead = sessions[0]!;
    const form = lead.page.getByRole('region', { name: 'Meting plannen' });
    await form.getByLabel('Naam van de meting').fill(PUPIL_WAVE);
    await form.getByRole('radio', { name: 'Leerlingen van gekozen klassen' }).check();
    await form.getByLabel('Opent op').fill(today);
    await form.getByLabel('Sluit na').fill(addDays(today, 7));
    await form.getByRole('checkbox', { name: 'Welbevinden en erbij horen', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Groep 5' }).check();
    await form.getByRole('button', { name: 'Meting plannen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `‘${PUPIL_WAVE}’ is gepland.` }).waitFor();

    // The teacher of groep 5 makes this tablet the class device; the browser's speech is watched, not replaced.
    const teacher = await browserFor(DEMO_EMAILS.teacher);
    const { page } = teacher;
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        spoken.push({ text: utterance.text, lang: utterance.lang });
        speak(utterance);
      };
    });
    const groep5 = await server.db.kysely
      .selectFrom('classes')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('name', '=', 'Groep 5')
      .orderBy('school_year', 'desc')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/check-in/klassen/${groep5.id}`);
    await waitForPage(page, 'Check-in Groep 5');
    await page.getByRole('button', { name: 'Check-in openen op dit apparaat' }).click();
    await page.getByRole('dialog', { name: 'Check-in openen voor Groep 5' }).getByRole('button', { name: 'Check-in openen' }).click();
    await page.waitForURL(`${server.baseUrl}/klas`);
    await page.getByRole('button', { name: QUESTIONNAIRE.open }).click();
    await page.getByRole('heading', { level: 1, name: QUESTIONNAIRE.whoAnswers }).waitFor();
    await audit.check(teacher);

    const pupil = await server.db.kysely
      .selectFrom('class_pupils')
      .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
      .select(['pupils.id', 'pupils.first_name'])
      .where('class_pupils.class_id', '=', groep5.id)
      .orderBy('pupils.pupil_number')
      .executeTakeFirstOrThrow();
    await page.getByRole('list').getByRole('button', { name: new RegExp(`^${pupil.first_name} `) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Hoi ${pupil.first_name}`) }).waitFor();
    await page.getByRole('button', { name: QUESTIONNAIRE.start }).click();
    await page.getByRole('heading', { level: 1, name: 'Vraag 1 van 6' }).waitFor();
    await audit.check(teacher);

    // The pupil has the question and one answer read aloud, in Dutch, then answers every question.
    const question = page.getByRole('group', { name: 'Ik voel me meestal goed op school.' });
    await question.getByRole('button', { name: QUESTIONNAIRE.readAloud, exact: true }).click();
    await question.getByRole('button', { name: `${QUESTIONNAIRE.readAloud}: Klopt grotendeels` }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toEqual([
      { text: 'Ik voel me meestal goed op school.', lang: 'nl-NL' },
      { text: 'Klopt grotendeels', lang: 'nl-NL' },
    ]);
    for (let number = 1; number <= 6; number++) {
      await page.getByRole('heading', { level: 1, name: `Vraag ${number} van 6` }).waitFor();
      // The third question is skipped: a pupil may.
      if (number !== 3) await page.getByRole('radio', { name: 'Klopt grotendeels' }).check();
      await page.getByRole('button', { name: number === 6 ? QUESTIONNAIRE.finish : QUESTIONNAIRE.next }).click();
    }
    // The device shows first name and initial: "Tess B.".
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Dank je wel, ${pupil.first_name} [A-Z]\\.! Je antwoorden zijn opgeslagen\\.$`) }).waitFor();
    await audit.check(teacher);
    // The screen clears itself for the next pupil: back to the names, nothing of these answers left.
    await page.getByRole('heading', { level: 1, name: QUESTIONNAIRE.whoAnswers }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('radio').count()).toBe(0);

    const stored = await server.db.kysely.selectFrom('questionnaire_responses').select(['respondent_kind', 'respondent_id', 'class_id', 'answers', 'is_complete']).where('respondent_kind', '=', 'pupil').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ respondent_kind: 'pupil', respondent_id: pupil.id, class_id: groep5.id, is_complete: 0 });
    expect(Object.keys(JSON.parse(stored[0]!.answers) as object)).toHaveLength(5);
  });

  it("adds the school's own questionnaire from a file, which the planning form then offers", async () => {
    const lead = sessions[0]!;
    const own = lead.page.getByRole('region', { name: 'Eigen vragenlijst toevoegen' });
    await own.getByText('De school heeft nog geen eigen vragenlijst.').waitFor();
    const file = own.getByLabel('Vragenlijstbestand (JSON)');
    // A broken file: the refusal names the place in the file.
    await file.setInputFiles({ name: 'lijst.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...OWN_INSTRUMENT, items: [] })) });
    await own.getByRole('button', { name: 'Vragenlijst toevoegen' }).click();
    await own.getByRole('alert').getByText('items', { exact: true }).first().waitFor();
    await audit.check(lead, [400]);
    await file.setInputFiles({ name: 'lijst.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(OWN_INSTRUMENT)) });
    await own.getByRole('button', { name: 'Vragenlijst toevoegen' }).click();
    await own.getByRole('status').filter({ hasText: `De vragenlijst ${OWN_INSTRUMENT.name.nl} (versie 1.0.0) is toegevoegd.` }).waitFor();
    await own.getByRole('listitem').filter({ hasText: `${OWN_INSTRUMENT.name.nl} (versie 1.0.0, ${OWN_INSTRUMENT.items.length} vragen)` }).waitFor();
    await lead.page.getByRole('region', { name: 'Meting plannen' }).getByRole('checkbox', { name: OWN_INSTRUMENT.name.nl }).waitFor();
    await audit.check(lead);
  });

  it('removes a wave that has not opened yet, after asking', async () => {
    const lead = sessions[0]!;
    const form = lead.page.getByRole('region', { name: 'Meting plannen' });
    await form.getByLabel('Naam van de meting').fill(LATER_WAVE);
    await form.getByLabel('Opent op').fill(addDays(today, 20));
    await form.getByLabel('Sluit na').fill(addDays(today, 27));
    await form.getByRole('checkbox', { name: 'Klasklimaat (leerkracht)' }).check();
    await form.getByRole('button', { name: 'Meting plannen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `‘${LATER_WAVE}’ is gepland.` }).waitFor();
    // The form is empty again for the next wave.
    expect(await form.getByLabel('Naam van de meting').inputValue()).toBe('');
    expect(await form.getByRole('checkbox', { name: 'Klasklimaat (leerkracht)' }).isChecked()).toBe(false);
    await lead.page.getByRole('button', { name: `${LATER_WAVE} verwijderen` }).click();
    const dialog = lead.page.getByRole('dialog', { name: 'Meting verwijderen?' });
    await dialog.waitFor();
    await audit.check(lead);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await lead.page.getByRole('status').filter({ hasText: `‘${LATER_WAVE}’ is verwijderd.` }).waitFor();
    await lead.page.getByRole('rowheader', { name: LATER_WAVE }).waitFor({ state: 'detached' });
    // The open wave cannot be changed: it offers no buttons.
    expect(await lead.page.getByRole('button', { name: `${TEAM_WAVE} wijzigen` }).count()).toBe(0);
  });

  it('shows a closed wave\'s results with the school and its classes, hiding a class under k and the next smallest', async () => {
    const db = server.db.kysely;
    const now = isoInstant(new Date());
    const classes = await db.selectFrom('classes').select(['id', 'name']).where('school_id', '=', schoolId).orderBy('name').execute();
    const [first, second, third] = classes as [(typeof classes)[number], (typeof classes)[number], (typeof classes)[number]];
    const waveId = newId();
    await db
      .insertInto('questionnaire_waves')
      .values({ id: waveId, school_id: schoolId, name: CLOSED_WAVE, audience: 'pupils', opens_on: addDays(today, -20), closes_on: addDays(today, -10), created_by: null, created_at: now, updated_at: now })
      .execute();
    await db.insertInto('questionnaire_wave_instruments').values({ wave_id: waveId, instrument_id: 'pupil-wellbeing', instrument_version: '1.0.0', position: 0 }).execute();
    // Eight pupils of the first class answer 4 throughout, six of the second 2, two of the third 3.
    for (const [schoolClass, pupils, value] of [[first, 8, 4], [second, 6, 2], [third, 2, 3]] as const) {
      await db.insertInto('questionnaire_wave_classes').values({ wave_id: waveId, class_id: schoolClass.id }).execute();
      const answers = JSON.stringify({ 'wellbeing.1': value, 'wellbeing.2': value, 'wellbeing.3': 5 - value, 'belonging.1': value, 'belonging.2': value, 'belonging.3': 5 - value });
      for (let pupil = 0; pupil < pupils; pupil++) {
        await db
          .insertInto('questionnaire_responses')
          .values({ id: newId(), wave_id: waveId, instrument_id: 'pupil-wellbeing', respondent_kind: 'pupil', respondent_id: newId(), class_id: schoolClass.id, answers, is_complete: 1, created_at: now, updated_at: now })
          .execute();
      }
    }
    // Straight to the page: the waves list shows this school year only, and early in August last month was another.
    const lead = sessions[0]!;
    await lead.page.goto(`${server.baseUrl}/scholen/${schoolId}/metingen/${waveId}/uitkomsten`);
    await waitForPage(lead.page, `Uitkomsten van ${CLOSED_WAVE}`);
    const table = lead.page.getByRole('table', { name: /^Welbevinden \(scores van 1 tot 4\)/ });
    const cells = async (group: string) => table.getByRole('row').filter({ has: lead.page.getByRole('rowheader', { name: group, exact: true }) }).getByRole('cell').allTextContents();
    // Scores: 8 × 4 and 6 × 2 and 2 × 3 (the reversed item answered the other way round): school mean (32 + 12 + 6) / 16.
    expect(await cells('De school')).toEqual(['16', '3,1', expect.any(String), expect.any(String)]);
    // The third class (2) is under k = 5; hiding it alone would let the school minus the others reveal it, so the
    // next smallest (the second, 6) is hidden too.
    expect(await cells(first.name)).toEqual(['8', '4', '0', '100%']);
    expect(await cells(second.name)).toEqual(['te weinig antwoorden (minder dan 5)']);
    expect(await cells(third.name)).toEqual(['te weinig antwoorden (minder dan 5)']);
    await audit.check(lead);
  });

  it('the school admin adds a study, records an objection and downloads pseudonymised answers with a codebook', async () => {
    const admin = await browserFor(DEMO_EMAILS.schoolAdmin);
    const { page } = admin;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Onderzoek' }).click();
    await waitForPage(page, 'Onderzoek');
    await page.getByText('De school doet nog niet mee aan een onderzoek.').waitFor();
    await audit.check(admin);

    await page.getByLabel('Naam van het onderzoek').fill(STUDY);
    await page.getByRole('button', { name: 'Onderzoek toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: `Onderzoek ‘${STUDY}’ is toegevoegd.` }).waitFor();
    const study = page.getByRole('region', { name: STUDY });
    const answers = study.getByRole('link', { name: 'Antwoorden van Welbevinden en erbij horen (csv)' });
    await answers.waitFor();
    await study.getByRole('link', { name: 'Codeboek van Welbevinden en erbij horen (csv)' }).waitFor();

    const pupil = await server.db.kysely.selectFrom('pupils').select(['id', 'first_name', 'last_name']).where('school_id', '=', schoolId).orderBy('last_name').orderBy('first_name').executeTakeFirstOrThrow();
    await page.getByLabel('Leerling', { exact: true }).selectOption(pupil.id);
    await page.getByRole('button', { name: 'Bezwaar vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: `Het bezwaar van ${pupil.first_name} ${pupil.last_name} is vastgelegd.` }).waitFor();
    await page.getByRole('table', { name: 'Leerlingen met bezwaar' }).getByRole('rowheader', { name: `${pupil.first_name} ${pupil.last_name}` }).waitFor();
    await audit.check(admin);

    // The link downloads the file with the session of the page: pseudonyms, no names.
    const download = await page.request.get(new URL((await answers.getAttribute('href'))!, server.baseUrl).toString());
    expect(download.status()).toBe(200);
    const csv = await download.text();
    expect(csv.split(/\r?\n/)[0]).toMatch(/^\uFEFF?"pseudonym";"respondent";"wave";"wave_opens_on";"training";"school_type";"birth_year";/);
    expect(csv).toMatch(/"P[0-9a-f]{16}"/);
    expect(csv).not.toContain(pupil.last_name);
    expect(audit.problems).toEqual([]);
  });
});
