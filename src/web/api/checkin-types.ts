// Types only, like api-types.ts: the check-in's zod contract stays on the server and exports its types; the
// web app re-exports them under its own names (nothing of the server ends up in the bundle).
import type { ClassKiosks, SchoolAggregates, Wording } from '../../server/features/checkin/checkin.schemas';
export type {
  BoardAggregates,
  CheckinNote,
  CheckinSignal,
  ClassCheckinSettings,
  ClassCode,
  ClassKiosks,
  ClassOverview,
  ClosedDays,
  ClosedDaysBody as ClosedDaysRequest,
  CreateNoteBody as CreateNoteRequest,
  KioskSession,
  KiosksClosed,
  LoginCards,
  OverviewPupil,
  PupilCheckinHistory,
  PupilSymbol,
  PupilSymbolChoice,
  ClassSymbols,
  SetPupilSymbolBody as SetPupilSymbolRequest,
  SignalHandled,
  SchoolAggregates,
  SchoolSignal,
  StateChoice,
  TrendDay,
  Wording,
} from '../../server/features/checkin/checkin.schemas';
/** A school's own settings, with the choice to share anonymous check-in figures with the board. */
export type { SchoolSettings as CheckinSharingSettings } from '../../server/features/school-settings/school-settings.schemas';

/** One class's figures per period. */
export type ClassAggregate = SchoolAggregates['classes'][number];
/** One open class device. */
export type ClassKiosk = ClassKiosks['kiosks'][number];
/** One wording override. */
export type WordingEntry = Wording['entries'][number];
