import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Login, requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import { pdfText } from '../../../../test/support/pdf-text';
import { testDialects } from '../../../../test/support/test-db';
import { createWorld, type World, type WorldUserKey } from '../../../../test/support/world';
import type { PupilDataExport } from './care-export';
import { pupilDataDocument } from './care-export.pdf';

// Issue 14: an export of everything about one pupil for the pupil or parents (AVG art. 15), as JSON and PDF.
describe.each(testDialects())('everything about one pupil, for a request of access, on %s', (dialect) => {
  let test: TestApp;
  let world: World;
  const as = (key: WorldUserKey): Promise<Login> => sessionFor(test, world.users[key].id);
  const care = (path = '') => `/api/schools/${world.schoolA1}/pupils/${world.pupilInClassA1}/care${path}`;

  beforeAll(async () => {
    test = await createTestApp(dialect);
    world = await createWorld(test);
    const teacher = await as('teacher');
    const careTeam = await as('careTeam');
    const writes = [
      await requestAs(test.app, teacher, 'POST', care('/trusted-adults'), { userId: world.users.careTeam.id, why: 'Luistert echt.' }),
      await requestAs(test.app, teacher, 'PUT', care('/support-plan'), { content: { earlySigns: 'Wordt stil.', bottomUpHelps: ['movement'], keyPeople: [{ relation: 'parent', name: 'Moeder' }] }, reviewOn: '2027-01-15' }),
      await requestAs(test.app, careTeam, 'PUT', care('/aces'), { informant: 'parent', recordedOn: '2026-11-02', answers: [{ category: 'poverty', answer: 'yes' }, { category: 'bullying', answer: 'no' }] }),
      await requestAs(test.app, careTeam, 'POST', care('/screenings'), { instrumentId: 'cries-8', informant: 'pupil', takenOn: '2026-11-20', answers: { '1': 3, '2': 3, '3': 3, '4': 1, '5': 1, '6': 0, '7': 0, '8': 0 } }),
      await requestAs(test.app, teacher, 'POST', care('/conversations'), { plannedOn: '2026-11-02', heldOn: '2026-11-02', note: 'Over de pauzes.', sharedWithCareTeam: true, forCareTeam: 'Thuis is het onrustig.' }),
      await requestAs(test.app, careTeam, 'POST', care('/referrals'), { toWhom: 'Jeugdteam Noord', referredOn: '2026-11-20', reason: 'Screening boven het afkappunt.', status: 'proposed', followUpOn: '2026-12-04', screeningId: null }),
    ];
    for (const write of writes) expect(write.statusCode, write.body).toBeLessThan(300);
  });
  afterAll(async () => test.close());

  it('gives the care team every kind of data about the pupil as JSON, names who read the file, and leaves meldcode cases out', async () => {
    const response = await requestAs(test.app, await as('careTeam'), 'GET', care('/export.json'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="leerling-1001.json"');
    const data = response.json() as PupilDataExport;
    expect(data.pupil).toMatchObject({ pupilNumber: '1001', firstName: 'Sanne', lastName: 'de Vries' });
    expect(data.trustedAdults.map((adult) => [adult.name, adult.why])).toEqual([['careTeam', 'Luistert echt.']]);
    expect(data.supportPlans.map((plan) => plan.content.earlySigns)).toEqual(['Wordt stil.']);
    expect(data.aceAnswers).toHaveLength(2);
    expect(data.acesCombined).toEqual([{ category: 'poverty', sources: ['parent'] }]);
    expect(data.screenings.map((screening) => [screening.instrument, screening.total, screening.band])).toEqual([['cries-8', 17, 'above']]);
    expect(data.conversations.map((conversation) => [conversation.note, conversation.forCareTeam])).toEqual([['Over de pauzes.', 'Thuis is het onrustig.']]);
    expect(data.referrals.map((referral) => [referral.toWhom, referral.status])).toEqual([['Jeugdteam Noord', 'proposed']]);
    expect(data.careFileReads.map((read) => read.action)).toContain('care.plan_saved');
    expect(data.leftOut).toEqual(['meldcode']);
  });

  it('writes the same as a PDF in the chosen language, with the meldcode explained', async () => {
    const response = await requestAs(test.app, await as('careTeam'), 'GET', care('/export.pdf?lang=nl'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    for (const expected of ['Wat Groeiwijzer over deze leerling bewaart', 'Sanne de Vries', 'Wordt stil.', 'bewegen', 'ouder (Moeder)', 'Armoede', 'CRIES-8', 'Boven het afkappunt', 'Jeugdteam Noord', 'meldcode']) {
      expect(text, expected).toContain(expected);
    }
    const english = pdfText((await requestAs(test.app, await as('careTeam'), 'GET', care('/export.pdf?lang=en'))).rawPayload);
    expect(english).toContain('What Groeiwijzer keeps about this pupil');
    expect(english).toContain('Poverty');
  });

  it('refuses teachers (the export holds ACEs and screenings) and answers 404 for a pupil of another school', async () => {
    expect((await requestAs(test.app, await as('teacher'), 'GET', care('/export.json'))).statusCode).toBe(403);
    const other = `/api/schools/${world.schoolA1}/pupils/${world.pupilB1}/care/export.json`;
    expect((await requestAs(test.app, await as('careTeam'), 'GET', other)).statusCode).toBe(404);
  });

  it('says "none" for a section without data', () => {
    const empty: PupilDataExport = {
      generatedAt: '2026-11-21T09:00:00.000Z',
      school: 'School',
      pupil: { pupilNumber: '1', firstName: 'A', lastName: 'B', birthDate: null, leftOn: null },
      classes: [],
      checkins: [],
      checkinNotes: [],
      trustedAdults: [],
      supportPlans: [],
      aceAnswers: [],
      aceFirstAgeYears: null,
      acesCombined: [],
      screenings: [],
      conversations: [],
      referrals: [],
      questionnaireAnswers: [],
      careFileReads: [],
      leftOut: ['meldcode'],
    };
    const sections = pupilDataDocument(empty, 'nl');
    expect(sections.find((section) => section.title === 'Ingrijpende jeugdervaringen')).toMatchObject({ entries: [], empty: 'Geen.' });
    expect(sections.at(-1)?.entries[0]?.lines[0]).toContain('aandachtsfunctionaris');
  });
});
