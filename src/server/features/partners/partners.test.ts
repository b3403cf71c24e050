import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import { newId } from '../../deps';
import type { PartnerAgreement, PartnerContact, PartnerDirectory, PartnerOrganisation, PartnersEvidence, PartnersRegister } from './partners.schemas';

describe.each(testDialects())('the partners register on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const partners = (schoolId = world.schoolA1) => `/api/schools/${schoolId}/partners`;
  const organisation = (id: string, schoolId = world.schoolA1) => `${partners(schoolId)}/organisations/${id}`;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);

  async function addOrganisation(login: Login, body: object): Promise<PartnerOrganisation> {
    const response = await requestAs(test.app, login, 'POST', `${partners()}/organisations`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PartnerOrganisation;
  }
  async function register(login: Login): Promise<PartnersRegister> {
    const response = await requestAs(test.app, login, 'GET', partners());
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PartnersRegister;
  }

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    for (const table of ['partner_agreements', 'partner_contacts', 'partner_organisations', 'training_partners', 'training_participants', 'trainings', 'care_attention_officers'] as const) {
      await test.deps.db.kysely.deleteFrom(table).execute();
    }
  });

  it('keeps organisations with their contact persons and agreements, the free text encrypted, and audits every change', async () => {
    const careTeam = await as('careTeam');
    const veiligThuis = await addOrganisation(careTeam, { name: 'Veilig Thuis Regio Noord', kind: 'veilig_thuis', isKeyPartner: true, notes: 'Advieslijn ook voor collega’s.' });
    expect([veiligThuis.kind, veiligThuis.isKeyPartner, veiligThuis.notes, veiligThuis.contacts, veiligThuis.agreements]).toEqual(['veilig_thuis', true, 'Advieslijn ook voor collega’s.', [], []]);
    // Another organisation with the same name (other case, spaces around it) would make the register ambiguous.
    const twin = await requestAs(test.app, careTeam, 'POST', `${partners()}/organisations`, { name: '  veilig thuis regio noord ', kind: 'other' });
    expect([twin.statusCode, twin.json().error.fields]).toEqual([400, { 'body.name': ['name_taken'] }]);

    const contact = await requestAs(test.app, careTeam, 'POST', `${organisation(veiligThuis.id)}/contacts`, { name: 'Mirjam Aksoy', role: 'Vertrouwensarts', phone: '0800-2000', isFixedContact: true });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json()).toMatchObject({ name: 'Mirjam Aksoy', role: 'Vertrouwensarts', phone: '0800-2000', email: null, isFixedContact: true });
    const contactId = (contact.json() as PartnerContact).id;
    const badPhone = await requestAs(test.app, careTeam, 'POST', `${organisation(veiligThuis.id)}/contacts`, { name: 'X', phone: 'bel me' });
    expect(badPhone.statusCode).toBe(400);
    const changedContact = await requestAs(test.app, careTeam, 'PUT', `${organisation(veiligThuis.id)}/contacts/${contactId}`, { name: 'Mirjam Aksoy', email: 'm.aksoy@veiligthuis.test', isFixedContact: true });
    expect(changedContact.json()).toMatchObject({ email: 'm.aksoy@veiligthuis.test', phone: null, role: '' });

    const agreement = await requestAs(test.app, careTeam, 'POST', `${organisation(veiligThuis.id)}/agreements`, {
      title: 'Advies binnen een dag',
      agreedOn: '2026-09-01',
      reviewOn: '2026-11-01',
      text: 'Bij twijfel bellen we eerst de vaste contactpersoon.',
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    expect(agreement.json()).toMatchObject({ title: 'Advies binnen een dag', isReviewDue: true, text: 'Bij twijfel bellen we eerst de vaste contactpersoon.' });
    const agreementId = (agreement.json() as PartnerAgreement).id;
    const reviewTooEarly = await requestAs(test.app, careTeam, 'PUT', `${organisation(veiligThuis.id)}/agreements/${agreementId}`, { title: 'Advies', agreedOn: '2026-09-01', reviewOn: '2026-08-01' });
    expect(reviewTooEarly.json().error.fields).toEqual({ 'body.reviewOn': ['before_agreed'] });

    const [listed] = (await register(careTeam)).organisations;
    expect(listed?.contacts.map((entry) => [entry.name, entry.isFixedContact])).toEqual([['Mirjam Aksoy', true]]);
    expect(listed?.agreements.map((entry) => entry.title)).toEqual(['Advies binnen een dag']);

    const storedOrganisation = await test.deps.db.kysely.selectFrom('partner_organisations').select('notes_encrypted').executeTakeFirstOrThrow();
    const storedAgreement = await test.deps.db.kysely.selectFrom('partner_agreements').select('text_encrypted').executeTakeFirstOrThrow();
    expect([storedOrganisation.notes_encrypted, storedAgreement.text_encrypted]).toEqual([expect.stringMatching(/^gw1:/), expect.stringMatching(/^gw1:/)]);

    expect((await requestAs(test.app, careTeam, 'DELETE', `${organisation(veiligThuis.id)}/agreements/${agreementId}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, careTeam, 'DELETE', `${organisation(veiligThuis.id)}/contacts/${contactId}`)).statusCode).toBe(204);
    expect((await requestAs(test.app, careTeam, 'DELETE', `${organisation(veiligThuis.id)}/contacts/${contactId}`)).statusCode).toBe(404);

    const events = await test.deps.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'target_type', 'target_id', 'detail'])
      .where('action', 'like', 'partners.%')
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'partners.organisation_added',
      'partners.contact_added',
      'partners.contact_changed',
      'partners.agreement_added',
      'partners.agreement_removed',
      'partners.contact_removed',
    ]);
    for (const event of events) {
      expect([event.target_type, event.target_id]).toEqual(['partner_organisation', veiligThuis.id]);
      // Ids and kinds only: never a name, a phone number or a text.
      expect(event.detail).not.toMatch(/Veilig Thuis|Aksoy|0800|twijfel|collega/);
    }
  });

  it('archives an organisation with an undo, and keeps its contact persons for when it comes back', async () => {
    const leadership = await as('leadership');
    const wijkteam = await addOrganisation(leadership, { name: 'Wijkteam Oost', kind: 'neighbourhood_team', isKeyPartner: true });
    await requestAs(test.app, leadership, 'POST', `${organisation(wijkteam.id)}/contacts`, { name: 'Sem de Wit', isFixedContact: true });
    const archived = await requestAs(test.app, leadership, 'PUT', `${organisation(wijkteam.id)}/archived`, { archived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((archived.json() as PartnerOrganisation).archivedAt).not.toBeNull();
    const whileArchived = await register(leadership);
    expect([whileArchived.organisations, whileArchived.archived.map((entry) => entry.name)]).toEqual([[], ['Wijkteam Oost']]);
    // Out of the register: not changed, and its name is free again.
    expect((await requestAs(test.app, leadership, 'POST', `${organisation(wijkteam.id)}/contacts`, { name: 'Iemand' })).statusCode).toBe(404);
    expect(((await requestAs(test.app, leadership, 'GET', `${partners()}/evidence`)).json() as PartnersEvidence).organisations).toBe(0);

    const restored = await requestAs(test.app, leadership, 'PUT', `${organisation(wijkteam.id)}/archived`, { archived: false });
    expect((restored.json() as PartnerOrganisation).contacts.map((entry) => entry.name)).toEqual(['Sem de Wit']);
    expect((await register(leadership)).organisations.map((entry) => entry.name)).toEqual(['Wijkteam Oost']);
    const actions = await test.deps.db.kysely.selectFrom('audit_events').select('action').where('action', 'in', ['partners.organisation_archived', 'partners.organisation_restored']).orderBy('seq').execute();
    expect(actions.map((event) => event.action)).toEqual(['partners.organisation_archived', 'partners.organisation_restored']);
  });

  it('shows the partner days of the training register, the attention officer, and counts the evidence', async () => {
    const admin = await as('schoolAdmin');
    const wijkteam = await addOrganisation(admin, { name: 'Wijkteam Oost', kind: 'neighbourhood_team', isKeyPartner: true });
    const jeugdhulp = await addOrganisation(admin, { name: 'Jeugdhulp De Linde', kind: 'youth_care', isKeyPartner: true });
    await addOrganisation(admin, { name: 'Politie Basisteam', kind: 'police' });
    await requestAs(test.app, admin, 'POST', `${organisation(wijkteam.id)}/contacts`, { name: 'Sem de Wit', isFixedContact: true });
    await requestAs(test.app, admin, 'POST', `${organisation(jeugdhulp.id)}/contacts`, { name: 'Niet vast', isFixedContact: false });
    // A partner day names the neighbourhood team in its own spelling; a full-team training naming it does not count.
    const tsoLead = await as('tsoLead');
    for (const body of [
      { kind: 'partner_day', title: 'Partnerdag', heldOn: '2026-10-05', participantUserIds: [], partners: ['  wijkteam oost'] },
      { kind: 'full_team', heldOn: '2026-10-06', participantUserIds: [], partners: ['Jeugdhulp De Linde'] },
    ]) {
      const training = await requestAs(test.app, tsoLead, 'POST', `/api/schools/${world.schoolA1}/trainings`, body);
      expect(training.statusCode, training.body).toBe(201);
    }
    await test.deps.db.kysely.insertInto('care_attention_officers').values({ school_id: world.schoolA1, user_id: world.users.careTeam.id, set_by: world.users.schoolAdmin.id, set_at: '2026-09-01T08:00:00.000Z' }).execute();

    const seen = await register(await as('tsoLead'));
    expect(seen.organisations.map((entry) => [entry.name, entry.trainings.map((training) => [training.title, training.heldOn, training.isPlanned])])).toEqual([
      ['Jeugdhulp De Linde', []],
      ['Politie Basisteam', []],
      ['Wijkteam Oost', [['Partnerdag', '2026-10-05', false]]],
    ]);
    expect(seen.attentionOfficers).toEqual([{ name: 'careTeam', since: '2026-09-01T08:00:00.000Z' }]);
    const evidence = (await requestAs(test.app, tsoLead, 'GET', `${partners()}/evidence`)).json() as PartnersEvidence;
    expect(evidence).toEqual({ organisations: 3, keyPartners: 2, keyPartnersWithFixedContact: 1, keyPartnersTrained: 1 });
    const directory = (await requestAs(test.app, await as('careTeam'), 'GET', `${partners()}/directory`)).json() as PartnerDirectory;
    expect(directory.organisations.map((entry) => [entry.name, entry.fixedContacts.map((contact) => contact.name)])).toEqual([
      ['Jeugdhulp De Linde', []],
      ['Politie Basisteam', []],
      ['Wijkteam Oost', ['Sem de Wit']],
    ]);
  });

  it('lets the TSO lead read but not change, keeps teachers out, and answers 404 for another school’s organisation', async () => {
    const careTeam = await as('careTeam');
    const police = await addOrganisation(careTeam, { name: 'Politie', kind: 'police' });
    const tsoLead = await as('tsoLead');
    expect((await requestAs(test.app, tsoLead, 'GET', partners())).statusCode).toBe(200);
    expect((await requestAs(test.app, tsoLead, 'PUT', organisation(police.id), { name: 'Politie', kind: 'police' })).statusCode).toBe(403);
    const teacher = await as('teacher');
    for (const [method, path, body] of [
      ['GET', partners(), undefined],
      ['GET', `${partners()}/directory`, undefined],
      ['GET', `${partners()}/evidence`, undefined],
      ['POST', `${partners()}/organisations`, { name: 'Iets', kind: 'other' }],
      ['PUT', `${organisation(police.id)}/archived`, { archived: true }],
    ] as const) {
      expect((await requestAs(test.app, teacher, method, path, body)).statusCode, `${method} ${path}`).toBe(403);
    }
    // The administrator of a school of another board reaches their own school's routes, never this organisation.
    const otherAdmin = await as('schoolAdminOtherBoard');
    expect((await requestAs(test.app, otherAdmin, 'PUT', organisation(police.id, world.schoolB1), { name: 'Overgenomen', kind: 'police' })).statusCode).toBe(404);
    expect((await requestAs(test.app, otherAdmin, 'POST', `${organisation(police.id, world.schoolB1)}/contacts`, { name: 'X' })).statusCode).toBe(404);
    expect((await requestAs(test.app, otherAdmin, 'GET', partners(world.schoolB1))).json()).toMatchObject({ organisations: [] });
    expect((await requestAs(test.app, careTeam, 'PUT', organisation(newId()), { name: 'Niemand', kind: 'other' })).statusCode).toBe(404);
    expect((await register(careTeam)).organisations.map((entry) => entry.name)).toEqual(['Politie']);
  });
});
