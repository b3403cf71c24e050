import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { parentSessionFor, pupilDeviceFor } from '../../../../test/support/pupil-access';
import { requestAs, sessionFor, type TestApp } from '../../../../test/support/test-app';
import type { World } from '../../../../test/support/world';
import { isoInstant, newId } from '../../deps';

/**
 * What the tests of requests of access and erasure give the world's pupil Sanne (school A1) to be found: a check-in
 * from her own device, a care conversation, a contact with her mother, a parent with a session, and a questionnaire
 * answer as the pupil page stores it. Returns the parent's id.
 */
export async function giveSanneData(test: TestApp, world: World): Promise<{ parentId: string }> {
  const pupil = world.pupilInClassA1;
  const device = await pupilDeviceFor(test, pupil, world.classA1);
  const { parentId } = await parentSessionFor(test, world.schoolA1, pupil);
  const writes = [
    await requestAs(test.app, device, 'POST', '/api/pupil/checkins', { idempotencyKey: randomUUID(), state: 'bit_high', wantsTalk: true, word: 'zenuwachtig' }),
    await requestAs(test.app, await sessionFor(test, world.users.teacher.id), 'POST', `/api/schools/${world.schoolA1}/pupils/${pupil}/care/conversations`, {
      plannedOn: '2026-11-02',
      heldOn: '2026-11-02',
      note: 'Praat over de pauzes.',
      sharedWithCareTeam: true,
      forCareTeam: 'Slaapt slecht.',
    }),
    await requestAs(test.app, await sessionFor(test, world.users.careTeam.id), 'POST', `/api/schools/${world.schoolA1}/pupils/${pupil}/parent-contacts`, {
      heldOn: '2026-11-20',
      kind: 'phone',
      withWhom: 'moeder',
      topic: 'Rapport',
      note: 'Moeder belt terug na de vakantie.',
    }),
  ];
  for (const write of writes) expect(write.statusCode, write.body).toBeLessThan(300);
  const db = test.deps.db.kysely;
  const now = isoInstant(test.clock.now());
  const waveId = newId();
  await db.insertInto('questionnaire_waves').values({ id: waveId, school_id: world.schoolA1, name: 'Najaarsmeting', audience: 'pupils', opens_on: '2026-11-01', closes_on: '2026-11-30', created_by: null, created_at: now, updated_at: now }).execute();
  await db
    .insertInto('questionnaire_responses')
    .values({ id: newId(), wave_id: waveId, instrument_id: 'pupil-wellbeing', respondent_kind: 'pupil', respondent_id: pupil, class_id: world.classA1, answers: JSON.stringify({ q1: 4 }), is_complete: 1, created_at: now, updated_at: now })
    .execute();
  return { parentId };
}
