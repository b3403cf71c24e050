// Types only, like the SPA's api-types.ts: the server's zod schemas are the contract and export their types;
// nothing of zod or the server ends up in the pupil bundle.
export type { CheckinForm, KioskSession, PupilSession } from '../server/features/checkin/checkin.schemas';
export type { ClassWave, OpenWave } from '../server/features/questionnaires/questionnaire-answers.schemas';
export type { OwnSociogram, PupilSociogram, Choices } from '../server/features/sociogram/sociogram.schemas';
export type { MomentBody, OfferedActivity } from '../server/features/regulation/regulation-pupils.schemas';
