// Sociograms: the contracts, from the server's own schemas.
export type {
  AddSchoolQuestionBody,
  AskedQuestion,
  Choices,
  SaveChoicesBody,
  SociogramDetail,
  SociogramResults,
  SociogramSettings,
  SociogramSummary,
  StartSociogramBody,
} from '../../server/features/sociogram/sociogram.schemas';
export type { CdcStatus, NbStatus } from '../../shared/sociogram';
