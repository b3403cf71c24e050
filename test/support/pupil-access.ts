import { KIOSK_COOKIE, KIOSK_HOURS, PUPIL_COOKIE, PUPIL_SESSION_MINUTES } from '../../src/shared/checkin';
import { PARENT_COOKIE, PARENT_SESSION_HOURS } from '../../src/shared/parents';
import { hashSecret, isoInstant, newId, newSecretToken } from '../../src/server/deps';
import type { Login, TestApp } from './test-app';

/**
 * A pupil's own-device session made directly in the database (as `startSession` does for staff), for
 * tests about something other than signing in: the cookie header and CSRF token to send.
 */
export async function pupilDeviceFor(test: TestApp, pupilId: string, classId: string): Promise<Login> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = test.clock.now();
  await test.deps.db.kysely
    .insertInto('pupil_sessions')
    .values({
      id_hash: hashSecret(token),
      pupil_id: pupilId,
      class_id: classId,
      csrf_token: csrfToken,
      created_at: isoInstant(now),
      expires_at: isoInstant(new Date(now.getTime() + PUPIL_SESSION_MINUTES * 60_000)),
    })
    .execute();
  return { cookie: `${PUPIL_COOKIE}=${token}`, csrfToken };
}

/**
 * A class device in kiosk mode made directly in the database: the cookie header and CSRF token to send. It works
 * only while `openedBy` may open it (a teacher of the class or a school admin of its school).
 */
export async function kioskDeviceFor(test: TestApp, classId: string, openedBy: string): Promise<Login> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = test.clock.now();
  await test.deps.db.kysely
    .insertInto('kiosk_devices')
    .values({
      id: newId(),
      id_hash: hashSecret(token),
      class_id: classId,
      csrf_token: csrfToken,
      opened_by: openedBy,
      created_at: isoInstant(now),
      expires_at: isoInstant(new Date(now.getTime() + KIOSK_HOURS * 3_600_000)),
    })
    .execute();
  return { cookie: `${KIOSK_COOKIE}=${token}`, csrfToken };
}

/**
 * A parent of `pupilId` with a parent session made directly in the database (as if the parent opened a one-time
 * link): the parent's id, and the cookie header and CSRF token to send.
 */
export async function parentSessionFor(test: TestApp, schoolId: string, pupilId: string): Promise<Login & { parentId: string }> {
  const db = test.deps.db.kysely;
  const parentId = newId();
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = test.clock.now();
  await db
    .insertInto('parents')
    .values({ id: parentId, school_id: schoolId, name: 'Ouder Test', relation: 'moeder', email: null, phone: null, language: 'nl', details_corrected_at: null, created_by: null, created_at: isoInstant(now), updated_at: isoInstant(now) })
    .execute();
  await db.insertInto('parent_children').values({ parent_id: parentId, pupil_id: pupilId, school_id: schoolId, excluded_at: null, exclusion_reason_encrypted: '', excluded_by: null, created_at: isoInstant(now) }).execute();
  await db
    .insertInto('parent_sessions')
    .values({ id_hash: hashSecret(token), parent_id: parentId, school_id: schoolId, csrf_token: csrfToken, created_at: isoInstant(now), expires_at: isoInstant(new Date(now.getTime() + PARENT_SESSION_HOURS * 3_600_000)) })
    .execute();
  return { parentId, cookie: `${PARENT_COOKIE}=${token}`, csrfToken };
}
