import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolDateOf } from '../../src/shared/school-time';
import { createPageAudit, createSignedInBrowsers, firstPupilOfClass, type RunningServer, startDemoServer, waitForPage } from './support/browser-harness';

const SCHOOL = 'Basisschool De Vlinderboom';
const NOTE = 'Wilde eerst niet praten; over voetbal ging het makkelijk.';
const SHARED = 'Slaapt slecht sinds de verhuizing en wil dat de juf dat weet.';
const REFERRAL_TO = 'Praktijk voor kinder- en jeugdpsychologie De Linde';
const STEP_NOTES = 'Blauwe plek op de bovenarm, gezien bij de gymles van dinsdag.';

// Issue 14, the casework pages: the teacher plans a Groep 5 pupil's three conversations and records one as held with
// a note and a shared part; the care team reads the shared part (never the note) in the pupil's file and in the care
// overview; the school admin names the attention officer; the care team adds a referral and follows it up, opens a
// meldcode case, records step 1, finds it under the open cases and closes it; axe on every page state.
describe('pupil conversations, referrals and the meldcode, in the browser', () => {
  let server: RunningServer;
  let schoolId = '';
  let pupil = { id: '', name: '' };
  const audit = createPageAudit();
  const browsers = createSignedInBrowsers(() => server.baseUrl);
  const careFileUrl = () => `${server.baseUrl}/scholen/${schoolId}/leerlingen/${pupil.id}/zorg`;
  const today = schoolDateOf(new Date());

  beforeAll(async () => {
    server = await startDemoServer();
    ({ schoolId, pupil } = await firstPupilOfClass(server, SCHOOL, 'Groep 5'));
  });
  afterAll(async () => {
    await browsers.closeAll();
    await server?.close();
  });

  it('the teacher plans the three conversations of the year, records one as held with a note and a shared part, and removes another', async () => {
    const teacher = await browsers.signedIn('leerkracht@voorbeeld.test');
    const { page } = teacher;
    await page.goto(careFileUrl());
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    // The care team's own sections are not the teacher's.
    for (const heading of ['Verwijzingen', 'Meldcode']) expect(await page.getByRole('heading', { name: heading, exact: true }).count()).toBe(0);
    const conversations = page.getByRole('region', { name: 'Kindgesprekken', exact: true });
    await conversations.getByText('Gespreksleidraad').click();
    await conversations.getByText('Wat wil je dat ik over jou weet?').waitFor();
    await audit.check(teacher);

    await conversations.getByRole('button', { name: 'Drie gesprekken voor dit schooljaar plannen' }).click();
    await page.getByText('De drie gesprekken van dit schooljaar zijn gepland.').waitFor();
    await expect.poll(() => conversations.getByRole('article').count()).toBe(3);
    expect(await conversations.getByRole('button', { name: 'Drie gesprekken voor dit schooljaar plannen' }).count()).toBe(0);
    await audit.check(teacher);

    await conversations.getByRole('button', { name: /vastleggen of wijzigen$/ }).first().click();
    await conversations.getByRole('heading', { name: /^Gesprek van .+ vastleggen of wijzigen$/ }).waitFor();
    const share = conversations.getByLabel('De leerling wil iets delen met het zorgteam');
    // Sharing is only for a conversation that was held.
    expect(await share.isDisabled()).toBe(true);
    await conversations.getByLabel('Gevoerd op').fill(today);
    await conversations.getByLabel('Je notitie').fill(NOTE);
    await share.check();
    await conversations.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await conversations.getByRole('alert').getByText('Schrijf op wat de leerling wil delen, of haal het vinkje weg.').waitFor();
    await audit.check(teacher);
    await conversations.getByLabel('Wat de leerling wil delen met het zorgteam').fill(SHARED);
    await conversations.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Het gesprek is bijgewerkt.').waitFor();
    const held = conversations.getByRole('article').filter({ hasText: 'Gevoerd op' });
    await held.getByText(NOTE).waitFor();
    expect(await held.textContent()).toContain(SHARED);
    expect(await held.textContent()).toContain('Gedeeld met het zorgteam');
    await audit.check(teacher);

    // A conversation still only planned can go, after a confirmation.
    await conversations.getByRole('button', { name: /verwijderen$/ }).last().click();
    const dialog = page.getByRole('dialog', { name: 'Gesprek verwijderen?' });
    await dialog.waitFor();
    await audit.check(teacher);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Het gesprek is verwijderd.').waitFor();
    await expect.poll(() => conversations.getByRole('article').count()).toBe(2);
    await audit.check(teacher);
  });

  it('the care team reads the shared part, never the note, in the pupil file and in the care overview', async () => {
    const care = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = care;
    await page.goto(careFileUrl());
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    const conversations = page.getByRole('region', { name: 'Kindgesprekken', exact: true });
    await conversations.getByText(SHARED).waitFor();
    expect(await conversations.textContent()).not.toContain(NOTE);
    // Only the teacher who held it changes it.
    expect(await conversations.getByRole('button', { name: /wijzigen$/ }).count()).toBe(0);
    await audit.check(care);

    await page.getByRole('link', { name: 'Terug naar het zorgoverzicht' }).click();
    await waitForPage(page, 'Zorgoverzicht');
    const shared = page.getByRole('region', { name: 'Gedeelde kindgesprekken (laatste 30 dagen)' });
    expect(await shared.textContent()).toContain(SHARED);
    expect(await shared.textContent()).toContain('Sanne Verbeek');
    expect(await shared.textContent()).not.toContain(NOTE);
    expect(await shared.getByRole('link', { name: pupil.name }).count()).toBe(1);
    await audit.check(care);
  });

  it('the school admin names the care team member as the attention officer', async () => {
    const admin = await browsers.signedIn('beheer@voorbeeld.test');
    const { page } = admin;
    await page.goto(`${server.baseUrl}/scholen/${schoolId}`);
    await waitForPage(page, SCHOOL);
    await page.getByRole('navigation', { name: 'Schoolmenu' }).getByRole('link', { name: 'Aandachtsfunctionaris' }).click();
    await waitForPage(page, 'Aandachtsfunctionaris');
    await page.getByText('De school heeft nu geen aandachtsfunctionaris.', { exact: false }).waitFor();
    await audit.check(admin);
    await page.getByLabel('Aandachtsfunctionaris').selectOption({ label: 'Joost van Dam' });
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Joost van Dam is nu de aandachtsfunctionaris.').waitFor();
    await page.getByText(/^Nu: Joost van Dam, sinds/).waitFor();
    await audit.check(admin);
  });

  it('the care team adds a referral and changes its status, opens a meldcode case, records step 1, finds it among the open cases and closes it', async () => {
    const care = await browsers.signedIn('ib@voorbeeld.test');
    const { page } = care;
    await page.goto(careFileUrl());
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);

    const referrals = page.getByRole('region', { name: 'Verwijzingen', exact: true });
    await referrals.getByRole('button', { name: 'Verwijzing opslaan' }).click();
    await referrals.getByRole('alert').getByText('Vul in naar wie de leerling verwezen wordt', { exact: false }).first().waitFor();
    await audit.check(care);
    await referrals.getByLabel('Naar wie').fill(REFERRAL_TO);
    await referrals.getByLabel('Reden').fill('Slaapt slecht, schrikt van harde geluiden.');
    await referrals.getByLabel('Opvolgen op').fill(today);
    await referrals.getByRole('button', { name: 'Verwijzing opslaan' }).click();
    await page.getByText('De verwijzing is opgeslagen.').waitFor();
    const referral = referrals.getByRole('article').filter({ hasText: REFERRAL_TO });
    // The follow-up date has come: said in words, not only by the card's colour.
    await referral.getByText(/^Nu opvolgen: de datum was/).waitFor();
    expect(await referral.textContent()).toContain('Voorgesteld');
    await audit.check(care);
    await referral.getByRole('button', { name: `Verwijzing naar ${REFERRAL_TO} wijzigen` }).click();
    await referrals.getByLabel('Stand van zaken').selectOption({ label: 'Besproken met de ouders' });
    await referrals.getByRole('button', { name: 'Verwijzing opslaan' }).click();
    await page.getByText('De verwijzing is bijgewerkt.').waitFor();
    await referral.getByText('Besproken met de ouders').waitFor();
    await audit.check(care);

    const meldcode = page.getByRole('region', { name: 'Meldcode', exact: true });
    await meldcode.getByRole('button', { name: 'Meldcodezaak openen' }).click();
    const opening = page.getByRole('dialog', { name: 'Een meldcodezaak openen?' });
    await opening.getByText('Een vermoeden is geen beschuldiging.', { exact: false }).waitFor();
    await audit.check(care);
    await opening.getByRole('button', { name: 'Zaak openen' }).click();
    await page.getByText('De meldcodezaak is geopend.', { exact: false }).waitFor();
    const meldcodeCase = meldcode.getByRole('article');
    await meldcodeCase.getByText('Je ziet deze zaak als aandachtsfunctionaris.').waitFor();
    await meldcodeCase.getByRole('button', { name: 'Stap 1 vastleggen' }).click();
    await meldcodeCase.getByLabel('Aantekeningen').fill(STEP_NOTES);
    await audit.check(care);
    await meldcodeCase.getByRole('button', { name: 'Stap 1 opslaan' }).click();
    // Wait for the saved step, not for the notes: they stand in the form's text box from the moment they are typed.
    await meldcodeCase.getByText('1 van de 5 stappen gedaan', { exact: false }).waitFor();
    await meldcodeCase.getByText(STEP_NOTES).waitFor();
    expect(await meldcodeCase.getByText(/^Gedaan op/).count()).toBe(1);
    await audit.check(care);

    await page.getByRole('link', { name: 'Terug naar het zorgoverzicht' }).click();
    await waitForPage(page, 'Zorgoverzicht');
    const openCases = page.getByRole('region', { name: 'Open meldcodezaken' });
    expect(await openCases.textContent()).toContain('1 van de 5 stappen gedaan');
    const followUps = page.getByRole('region', { name: 'Verwijzingen om op te volgen' });
    expect(await followUps.textContent()).toContain(REFERRAL_TO);
    expect(await followUps.textContent()).toContain('besproken met de ouders');
    await audit.check(care);

    // From the open case back to the pupil's file, where the case is closed with its outcome and then reads only.
    await openCases.getByRole('link', { name: pupil.name }).click();
    await waitForPage(page, `Zorgdossier van ${pupil.name}`);
    const closing = page.getByRole('region', { name: 'Meldcode', exact: true }).getByRole('article');
    await closing.getByRole('button', { name: 'Zaak afsluiten' }).click();
    await closing.getByRole('button', { name: 'Zaak afsluiten' }).click();
    await closing.getByRole('alert').getByText('Kies de uitkomst van de zaak.').first().waitFor();
    await audit.check(care);
    await closing.getByLabel('Uitkomst').selectOption({ label: 'Hulp aangeboden of georganiseerd' });
    await closing.getByRole('button', { name: 'Zaak afsluiten' }).click();
    const confirm = page.getByRole('dialog', { name: 'Meldcodezaak afsluiten?' });
    await confirm.waitFor();
    await audit.check(care);
    await confirm.getByRole('button', { name: 'Zaak afsluiten' }).click();
    await closing.getByText(/^Afgesloten op/).waitFor();
    expect(await closing.textContent()).toContain('Hulp aangeboden of georganiseerd');
    expect(await closing.getByRole('button').count()).toBe(0);
    await audit.check(care);
  });

  it('finds no accessibility problems or unexpected console errors on any page', () => {
    expect(audit.problems).toEqual([]);
  });
});
