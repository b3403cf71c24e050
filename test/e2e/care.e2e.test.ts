import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/server/deps';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import { createPageAudit, createSignedInBrowsers, firstPupilOfClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const EARLY_SIGNS = 'Wordt stil en kijkt steeds naar de deur.';
const REASON = 'Invalbeurt in groep 5: de leerling raakt in paniek bij het brandalarm.';

// Issue 14, done-when 1: a teacher records a trusted adult and a support plan; the care team records ACEs from two
// informants and sees the combined view, enters a CRIES-8 from paper and gets the band and a referral proposal; a
// teacher of another class gets nothing, opens the plan by break-glass, and the care team sees it; axe on every page.
describe('a pupil\'s care, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let pupil = { id: '', name: '' };
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const careFileUrl = () => `${server.baseUrl}/scholen/${schoolId}/leerlingen/${pupil.id}/zorg`;

  beforeAll(async () => {
    server = await startDemoServer();
    ({ schoolId, pupil } = await firstPupilOfClass(server, SCHOOL, 'Groep 5'));
    const db = server.db.kysely;
    // The TSO lead also teaches groep 3 this year: a teacher of another class than the pupil's.
    const lead = await db.selectFrom('users').select('id').where('email', '=', 'kartrekker@voorbeeld.test').executeTakeFirstOrThrow();
    const groep3 = await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('name', '=', 'Groep 3').executeTakeFirstOrThrow();
    const now = isoInstant(new Date());
    await db.insertInto('school_memberships').values({ school_id: schoolId, user_id: lead.id, role: 'teacher', created_at: now }).execute();
    await db.insertInto('class_teachers').values({ class_id: groep3.id, user_id: lead.id, created_at: now }).execute();
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  it('the teacher opens the care file from the pupil list, adds a trusted adult and makes a support plan', async () => {
    const teacher = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}/leerlingen`);
    await waitForPage(page, 'Leerlingen');
    await page.getByRole('link', { name: `Zorgdossier van ${pupil.name}` }).click();
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    // A teacher never sees ACEs or screenings.
    expect(await page.getByRole('heading', { name: 'Ingrijpende jeugdervaringen' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Screenings' }).count()).toBe(0);
    await audit.check(teacher);

    await page.getByLabel('Collega').selectOption({ label: 'Joost van Dam' });
    await page.getByLabel('Waarom deze volwassene, in de woorden van de leerling').fill('Hij luistert en lacht niet.');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('De vertrouwde volwassene is toegevoegd.').waitFor();
    // The file is read again after the change: the list shows the colleague with the pupil's words.
    await page.getByRole('region', { name: 'Vertrouwde volwassenen' }).getByText('Hij luistert en lacht niet.').waitFor();

    await page.getByRole('button', { name: 'Plan maken' }).click();
    await page.getByLabel('Zo merk je dat de spanning oploopt').fill(EARLY_SIGNS);
    await page.getByLabel('Bewegen').check();
    await page.getByLabel('Afspraken met de leerling').fill('Mag het groene kaartje op tafel leggen.');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByLabel('Naam (mag leeg)').fill('Oma');
    await audit.check(teacher);
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText(/^Versie 1 · opnieuw bekijken op/).waitFor();
    const plan = await page.getByRole('region', { name: 'Steun- en signaleringsplan' }).textContent();
    expect(plan).toContain(EARLY_SIGNS);
    expect(plan).toContain('Bewegen');
    expect(plan).toContain('Ouder: Oma');
    await audit.check(teacher);
  });

  it('the care team records ACEs from two informants, sees the combined view, and scores a CRIES-8 from paper', async () => {
    const care = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = care;
    await page.goto(careFileUrl());
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    expect(await page.getByRole('region', { name: 'Steun- en signaleringsplan' }).textContent()).toContain(EARLY_SIGNS);
    const aces = page.getByRole('region', { name: 'Ingrijpende jeugdervaringen' });
    await aces.getByLabel('Bron', { exact: true }).selectOption({ label: 'Ouders' });
    await aces.getByLabel('Scheiding van de ouders').selectOption({ label: 'Ja' });
    await aces.getByLabel('Armoede').selectOption({ label: 'Ja' });
    await aces.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await page.getByText('De antwoorden van ouders zijn opgeslagen.').waitFor();
    await aces.getByLabel('Bron', { exact: true }).selectOption({ label: 'Dossier' });
    await aces.getByLabel('Scheiding van de ouders').selectOption({ label: 'Ja' });
    await aces.getByLabel('Armoede').selectOption({ label: 'Nee' });
    await aces.getByLabel('Gepest worden').selectOption({ label: 'Ja' });
    await aces.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await page.getByText('De antwoorden van dossier zijn opgeslagen.').waitFor();
    const combined = await aces.getByRole('heading', { name: 'Samen gezien' }).locator('..').textContent();
    // Poverty still counts: the file's "no" does not cancel the parents' "yes".
    expect(combined).toContain('Ervaringen volgens minstens één bron: 3');
    expect(combined).toContain('Armoede — volgens ouders');
    expect(combined).toContain('Scheiding van de ouders — volgens ouders, dossier');
    await audit.check(care);

    const screenings = page.getByRole('region', { name: 'Screenings' });
    await screenings.getByLabel('Vragenlijst').selectOption({ label: 'CRIES-8 (schokverwerking)' });
    // 5 + 5 + 3 + 3 + 1 = 17 points: at the cut-off.
    for (const [item, answer] of [['1', '3'], ['2', '3'], ['3', '2'], ['4', '2'], ['5', '1'], ['6', '0'], ['7', '0'], ['8', '0']] as const) {
      await screenings.getByLabel(`Vraag ${item}`, { exact: true }).selectOption(answer);
    }
    await screenings.getByRole('button', { name: 'Screening opslaan' }).click();
    await page.getByText('De screening is opgeslagen; de uitkomst staat hierboven.').waitFor();
    const result = await screenings.getByRole('article').first().textContent();
    expect(result).toContain('Totaal 17 van 40');
    expect(result).toContain('Boven het afkappunt');
    expect(result).toContain('Voorstel: bespreek een verwijzing.');
    expect(result).toContain('geen diagnose');
    await audit.check(care);
  });

  it('a teacher of another class gets nothing, then opens the plan by break-glass, read-only', async () => {
    const replacement = await browsers.signedIn('kartrekker@voorbeeld.test');
    const { page } = replacement;
    await page.goto(careFileUrl());
    await waitForPage(page, 'Zorgdossier');
    expect(await page.getByRole('alert').textContent()).toContain('geen reden om dit dossier in te zien');
    expect(await page.getByText(EARLY_SIGNS).count()).toBe(0);
    await audit.check(replacement, [404]);

    await page.getByRole('link', { name: 'Noodtoegang vragen' }).click();
    await waitForPage(page, 'Noodtoegang tot een steunplan');
    await page.getByLabel('Waarom heb je het plan nu nodig?').fill(REASON);
    await page.getByLabel('Je wachtwoord').fill('niet mijn wachtwoord');
    await page.getByRole('button', { name: 'Plan openen' }).click();
    await page.getByText('Dit is niet je huidige wachtwoord', { exact: false }).first().waitFor();
    await audit.check(replacement, [400]);
    await page.getByLabel('Je wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Plan openen' }).click();
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    expect(await page.getByText('Je leest dit plan via noodtoegang', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Steun- en signaleringsplan' }).textContent()).toContain(EARLY_SIGNS);
    expect(await page.getByRole('button', { name: 'Plan aanpassen' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Ingrijpende jeugdervaringen' }).count()).toBe(0);
    await audit.check(replacement);
  });

  it('the care team sees the break-glass opening in the care overview, with the screening above the cut-off', async () => {
    const care = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = care;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Zorg' }).click();
    await waitForPage(page, 'Zorgoverzicht');
    const openings = await page.getByRole('region', { name: 'Noodtoegang (laatste 30 dagen)' }).textContent();
    expect(openings).toContain('Fatima El Idrissi');
    expect(openings).toContain(REASON);
    expect(await page.getByRole('region', { name: 'Screenings boven het afkappunt' }).getByRole('link', { name: pupil.name }).count()).toBe(1);
    await audit.check(care);
    const mail = await server.db.kysely.selectFrom('outbox_messages').select(['to_address', 'body_text']).where('subject', 'like', 'Noodtoegang%').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('ib@voorbeeld.test');
    expect(mail.body_text).not.toContain(pupil.name);
  });

  it("the school's data steward sees the dry run of the retention terms and shortens one", async () => {
    const admin = await browsers.signedIn('beheer@voorbeeld.test');
    const { page } = admin;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Bewaartermijnen' }).click();
    await waitForPage(page, 'Bewaartermijnen van zorggegevens');
    await audit.check(admin);
    await page.getByLabel('Maanden voor ingrijpende jeugdervaringen').fill('12');
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await page.getByText('De bewaartermijnen zijn opgeslagen.').waitFor();
    const term = await server.db.kysely.selectFrom('care_retention_terms').select(['category', 'months']).where('school_id', '=', schoolId).execute();
    expect(term).toEqual([{ category: 'aces', months: 12 }]);
    await page.getByLabel('Maanden voor screenings').fill('drie');
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await page.getByRole('alert').getByText('Controleer de gemarkeerde velden.').waitFor();
    await audit.check(admin);
  });

  it('finds no accessibility problems or unexpected console errors on any page', () => {
    expect(audit.problems).toEqual([]);
  });
});
