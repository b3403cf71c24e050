import type { Kysely } from 'kysely';
import type { CheckinChannel } from '../../../shared/checkin';
import type { OutOfWindowState } from '../../../shared/regulation';
import { schoolDateOf } from '../../../shared/school-time';
import type { ResolvedDevice } from '../../access/caller';
import { isPupilInClass } from '../../access/record-scope';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { ageGroupOfClass } from '../checkin/checkin-form';
import { chooseOffer, offerableActivities, type PupilActivity } from './regulation-offer';
import * as library from './regulation.repository';
import { schoolActivities } from './regulation.service';
import type { MomentBody, OfferedActivity, SavedMoment } from './regulation-pupils.schemas';
import * as repository from './regulation-pupils.repository';

// The regulation moment on the pupil page (issue 19): after a check-in outside the window the class device (for the
// pupil who tapped their name) or the pupil's own device asks for one or two activities the pupil can do alone, and
// afterwards stores which one it was and whether it helped. Only for pupils of the device's own class (404 otherwise).
// Not audited, like the check-in itself: it is the pupil's own act, and one row per moment is the record of it.

/** Where a pupil is placed: the class and school of the device. */
interface Placement {
  pupilId: string;
  classId: string;
  schoolId: string;
}

/** The offer for a pupil of the class device's class; 404 for a pupil not (or no longer) in it. */
export async function offerOnClassDevice(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, pupilId: string, state: OutOfWindowState): Promise<OfferedActivity[]> {
  return offerFor(deps, await placementOnClassDevice(deps, kiosk, pupilId), state);
}

/** The signed-in pupil's offer. */
export async function myOffer(deps: Deps, pupil: ResolvedDevice<'pupil'>, state: OutOfWindowState): Promise<OfferedActivity[]> {
  return offerFor(deps, placementOfPupil(pupil), state);
}

/** Stores a moment of a pupil of the class device's class; 404 for a pupil not in it, 400 for an activity not offered. */
export async function saveOnClassDevice(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, pupilId: string, moment: MomentBody): Promise<SavedMoment> {
  return saveMoment(deps, await placementOnClassDevice(deps, kiosk, pupilId), 'kiosk', moment);
}

/** Stores the signed-in pupil's own moment; 400 for an activity not offered for the state. */
export async function saveMine(deps: Deps, pupil: ResolvedDevice<'pupil'>, moment: MomentBody): Promise<SavedMoment> {
  return saveMoment(deps, placementOfPupil(pupil), 'device', moment);
}

async function placementOnClassDevice(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, pupilId: string): Promise<Placement> {
  // Need-to-know: a pupil of another class is answered as if it did not exist.
  if (!(await isPupilInClass(deps.db.kysely, kiosk.classId, pupilId))) throw new AppError('not_found');
  return { pupilId, classId: kiosk.classId, schoolId: kiosk.schoolId };
}

// The session's own lookup already joined the pupil's placement in the class.
function placementOfPupil(pupil: ResolvedDevice<'pupil'>): Placement {
  return { pupilId: pupil.pupilId, classId: pupil.classId, schoolId: pupil.schoolId };
}

async function offerFor(deps: Deps, placement: Placement, state: OutOfWindowState): Promise<OfferedActivity[]> {
  const db = deps.db.kysely;
  const [offerable, planIds, favouriteIds] = await Promise.all([
    offerableFor(db, placement, state),
    library.listPlanActivities(db, placement.schoolId, placement.pupilId),
    library.listFavourites(db, placement.classId),
  ]);
  return chooseOffer(offerable, { planIds: new Set(planIds), favouriteIds: new Set(favouriteIds), schoolDate: schoolDateOf(deps.clock.now()) }).map(offeredOf);
}

async function saveMoment(deps: Deps, placement: Placement, channel: CheckinChannel, moment: MomentBody): Promise<SavedMoment> {
  const db = deps.db.kysely;
  // Any activity the pupil could be offered for this state counts, not only today's two: the offer may have turned
  // (a favourite added, midnight passed) between showing it and saving.
  const offerable = await offerableFor(db, placement, moment.state);
  if (!offerable.some((activity) => activity.id === moment.activityId)) {
    throw new AppError('validation_failed', { fields: { 'body.activityId': ['not an activity offered to this pupil for this state'] } });
  }
  const now = deps.clock.now();
  const id = newId();
  await repository.insertMoment(db, {
    id,
    school_id: placement.schoolId,
    class_id: placement.classId,
    pupil_id: placement.pupilId,
    school_date: schoolDateOf(now),
    state: moment.state,
    activity_id: moment.activityId,
    helped: moment.helped === null ? null : moment.helped ? 1 : 0,
    channel,
    created_at: isoInstant(now),
  });
  return { id };
}

// The shipped activities and the school's own, minus the hidden ones, for the class's age group and the state.
async function offerableFor(db: Kysely<Database>, placement: Placement, state: OutOfWindowState): Promise<PupilActivity[]> {
  const [{ shipped, own, hidden }, ageGroup] = await Promise.all([schoolActivities(db, placement.schoolId), ageGroupOfClass(db, placement.classId)]);
  return offerableActivities([...shipped, ...own], state, ageGroup ?? 'middle', hidden);
}

function offeredOf(activity: PupilActivity): OfferedActivity {
  return {
    id: activity.id,
    name: activity.name,
    kind: activity.kind,
    durationSeconds: activity.durationSeconds,
    animation: activity.forPupils.animation ?? 'none',
    prompt: activity.forPupils.prompt,
    steps: activity.steps,
  };
}
