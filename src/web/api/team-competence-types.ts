// The competence profile (issue 17): the contracts, from the server's own schemas.
export type {
  AssessmentBody,
  AssessmentDetail,
  AssessmentSummary,
  CompetenceFigures,
  CompetenceOverview,
  CompetenceShare,
  ProfileSummary,
  SharedProfile,
  ShareBody,
} from '../../server/features/team/competence.schemas';
