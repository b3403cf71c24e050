import type { ResolvedDevice } from '../../access/caller';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import * as repository from './sociogram.repository';
import type { Choices, OwnSociogram, PupilSociogram } from './sociogram.schemas';
import { choicesOf, classmatesOf, saveChoices } from './sociogram.service';

// Pupils answer their class's open sociogram through the check-in's pupil access (issue 15). On the class device one
// pupil at a time answers under the name they tapped; the device never gets anyone's answers back, so the next pupil
// cannot see them. On their own device (class code + login card) a pupil sees and may change their own answers
// until the sociogram closes. Either way only a sociogram of the device's own class, and only for its own pupils.

/** The open sociograms of the class device's class: the questions and the classmates, nobody's answers. */
export async function listClassSociograms(deps: Deps, kiosk: ResolvedDevice<'kiosk'>): Promise<PupilSociogram[]> {
  return openSociogramsOf(deps, kiosk.classId);
}

/** A pupil of the class device's class saves their answers (replacing earlier ones); 404 for a pupil not on the list. */
export async function saveOnClassDevice(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, sociogramId: string, pupilId: string, choices: Choices): Promise<{ answeredAt: string }> {
  return savePupilChoices(deps, kiosk.classId, sociogramId, pupilId, choices);
}

/** The open sociograms of the signed-in pupil's class, with the pupil's own answers so far (without themselves). */
export async function listMySociograms(deps: Deps, pupil: ResolvedDevice<'pupil'>): Promise<OwnSociogram[]> {
  const open = await openSociogramsOf(deps, pupil.classId);
  return Promise.all(
    open
      .filter((sociogram) => sociogram.classmates.some((classmate) => classmate.pupilId === pupil.pupilId))
      .map(async (sociogram) => {
        const rows = await repository.findPupilChoices(deps.db.kysely, sociogram.id, pupil.pupilId);
        return { ...sociogram, classmates: sociogram.classmates.filter((classmate) => classmate.pupilId !== pupil.pupilId), mine: rows === null ? null : choicesOf(rows) };
      }),
  );
}

/** The signed-in pupil saves their own answers. */
export async function saveMine(deps: Deps, pupil: ResolvedDevice<'pupil'>, sociogramId: string, choices: Choices): Promise<{ answeredAt: string }> {
  return savePupilChoices(deps, pupil.classId, sociogramId, pupil.pupilId, choices);
}

async function openSociogramsOf(deps: Deps, classId: string): Promise<PupilSociogram[]> {
  const db = deps.db.kysely;
  const open = await repository.listOpenSociogramsOfClass(db, classId);
  return Promise.all(
    open.map(async (sociogram) => {
      const [questions, roster] = await Promise.all([repository.listQuestions(db, [sociogram.id]), repository.listRoster(db, classId, sociogram.opened_on)]);
      return {
        id: sociogram.id,
        questions: questions.map((question) => ({ position: question.position, text: { nl: question.text_nl, en: question.text_en }, maxChoices: question.max_choices })),
        classmates: classmatesOf(roster),
      };
    }),
  );
}

async function savePupilChoices(deps: Deps, classId: string, sociogramId: string, pupilId: string, choices: Choices): Promise<{ answeredAt: string }> {
  const sociogram = await repository.findOpenSociogramOfClass(deps.db.kysely, classId, sociogramId);
  if (!sociogram) throw new AppError('not_found');
  return { answeredAt: await saveChoices(deps, sociogram, pupilId, choices, null) };
}
