import { KIOSK_COOKIE, KIOSK_HOURS, PUPIL_COOKIE, PUPIL_SESSION_MINUTES } from '../../src/shared/checkin';
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
