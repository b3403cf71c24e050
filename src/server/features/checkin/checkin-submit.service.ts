import type { CheckinChannel } from '../../../shared/checkin';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import type { ResolvedDevice } from '../../access/caller';
import type { CheckinContent, CheckinReceipt } from './checkin.schemas';
import { isPupilInClass } from '../../access/record-scope';
import type { CheckinWriteQueue } from './checkin-write-queue';
import { schoolDateOf } from '../../../shared/school-time';


/** Who submits: a pupil's own device (the pupil is the session's), or the class kiosk naming a pupil of its class. */
export type CheckinSubmitter =
  | { channel: Extract<CheckinChannel, 'device'>; pupil: ResolvedDevice<'pupil'> }
  | { channel: Extract<CheckinChannel, 'kiosk'>; kiosk: ResolvedDevice<'kiosk'>; pupilId: string };



/** Where the encrypted word of a check-in lives (bound into the ciphertext). */
function wordFieldOf(checkinId: string) {
  return { table: 'checkins', column: 'word_encrypted', rowId: checkinId };
}

/** Decrypts the optional word of a stored check-in (null when the pupil added none). */
export async function decryptCheckinWord(deps: Pick<Deps, 'fieldCrypto'>, checkin: { id: string; word_encrypted: string | null }): Promise<string | null> {
  if (checkin.word_encrypted === null) return null;
  return deps.fieldCrypto.decrypt(wordFieldOf(checkin.id), checkin.word_encrypted);
}

/**
 * Stores one check-in through the write queue and answers once it is committed. The pupil comes from
 * the pupil's session, or for a kiosk from the body but only when placed in the kiosk's class (else
 * not_found). A key stored before answers `duplicate: true` and stores nothing — also when the content
 * differs (the first one wins). The word is encrypted before it is queued.
 */
export async function submitCheckin(
  deps: Deps,
  queue: CheckinWriteQueue,
  submitter: CheckinSubmitter,
  content: CheckinContent,
): Promise<CheckinReceipt> {
  const placement = await placementOf(deps, submitter);
  const now = deps.clock.now();
  const id = newId();
  const wordEncrypted = content.word === undefined ? null : await deps.fieldCrypto.encrypt(wordFieldOf(id), content.word);
  const result = await queue.submit({
    id,
    idempotency_key: content.idempotencyKey,
    pupil_id: placement.pupilId,
    class_id: placement.classId,
    school_id: placement.schoolId,
    school_date: schoolDateOf(now),
    state: content.state,
    wants_talk: content.wantsTalk ? 1 : 0,
    word_encrypted: wordEncrypted,
    channel: submitter.channel,
    created_at: isoInstant(now),
  });
  return { received: true, duplicate: result.duplicate };
}

async function placementOf(deps: Deps, submitter: CheckinSubmitter): Promise<{ pupilId: string; classId: string; schoolId: string }> {
  if (submitter.channel === 'device') {
    const { pupilId, classId, schoolId } = submitter.pupil;
    return { pupilId, classId, schoolId };
  }
  const { classId, schoolId } = submitter.kiosk;
  // Need-to-know: a pupil of another class is answered as if it did not exist.
  if (!(await isPupilInClass(deps.db.kysely, classId, submitter.pupilId))) throw new AppError('not_found');
  return { pupilId: submitter.pupilId, classId, schoolId };
}
