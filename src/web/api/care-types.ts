// A pupil's care: the contracts, from the server's own schemas.
export type {
  AddScreeningBody,
  AddTrustedAdultBody,
  BreakGlassBody,
  BreakGlassPupils,
  CareAccess,
  CareFile,
  CareOverview,
  CarePlanContent,
  CarePlanVersion,
  PupilAces,
  PupilScreenings,
  SaveAcesBody,
  SavePlanBody,
  Screening,
} from '../../server/features/care/care.schemas';
export type { AceFigures, CareCoverage } from '../../server/features/care/care-figures';
export type { CareRetentionReport } from '../../server/features/care/care-retention';
export type { AddConversationBody, ChangeConversationBody, Conversation, Conversations } from '../../server/features/care/care-conversations.schemas';
export type { AddReferralBody, ChangeReferralBody, Referral, Referrals } from '../../server/features/care/care-referrals.schemas';
export type {
  AttentionOfficer,
  AttentionOfficerBody,
  CloseMeldcodeCaseBody,
  MeldcodeCase,
  MeldcodeCases,
  MeldcodeCaseSummaries,
  OpenMeldcodeCaseBody,
  RecordMeldcodeStepBody,
} from '../../server/features/care/care-meldcode.schemas';
export type { AceCategoryList } from '../../server/features/care/care-ace-categories';
