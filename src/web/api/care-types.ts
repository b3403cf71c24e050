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
