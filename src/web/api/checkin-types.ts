import type { z } from 'zod';
import type {
  boardAggregatesSchema,
  checkinNoteSchema,
  classCheckinSettingsSchema,
  classCodeSchema,
  classOverviewSchema,
  closedDaysBodySchema,
  closedDaysSchema,
  createNoteSchema,
  kioskSessionSchema,
  loginCardsSchema,
  overviewPupilSchema,
  pupilCheckinHistorySchema,
  schoolAggregatesSchema,
  schoolSignalSchema,
  signalSchema,
  stateChoiceSchema,
  trendDaySchema,
  wordingSchema,
} from '../../server/features/checkin/checkin.schemas';
import type { schoolSettingsSchema } from '../../server/features/school-settings/school-settings.schemas';

// Types only, like api-types.ts: the check-in's zod contract stays on the server; the web app imports
// the inferred types (nothing of the server ends up in the bundle).

/** Today's class overview for its teachers and the care team. */
export type ClassOverview = z.infer<typeof classOverviewSchema>;
/** One pupil on today's overview. */
export type OverviewPupil = z.infer<typeof overviewPupilSchema>;
/** One state with the words of the class's age group. */
export type StateChoice = z.infer<typeof stateChoiceSchema>;
/** A signal about a pupil with its plain-language reason. */
export type CheckinSignal = z.infer<typeof signalSchema>;
/** A pupil's trend, signals, notes and conversation starters. */
export type PupilCheckinHistory = z.infer<typeof pupilCheckinHistorySchema>;
/** One school day of a pupil's trend. */
export type TrendDay = z.infer<typeof trendDaySchema>;
/** A "we talked" note. */
export type CheckinNote = z.infer<typeof checkinNoteSchema>;
/** Writing a "we talked" note. */
export type CreateNoteRequest = z.input<typeof createNoteSchema>;
/** A pupil with signals, school-wide (care team). */
export type SchoolSignal = z.infer<typeof schoolSignalSchema>;
/** A school's anonymous per-class figures. */
export type SchoolAggregates = z.infer<typeof schoolAggregatesSchema>;
/** The board's anonymous figures of the schools that share them. */
export type BoardAggregates = z.infer<typeof boardAggregatesSchema>;
/** One class's figures per period. */
export type ClassAggregate = SchoolAggregates['classes'][number];
/** The class device's session, as answered when a teacher opens kiosk mode. */
export type KioskSession = z.infer<typeof kioskSessionSchema>;
/** A fresh class code with its expiry. */
export type ClassCode = z.infer<typeof classCodeSchema>;
/** Login cards just issued. */
export type LoginCards = z.infer<typeof loginCardsSchema>;
/** A class's check-in settings. */
export type ClassCheckinSettings = z.infer<typeof classCheckinSettingsSchema>;
/** A school's own words for the states. */
export type Wording = z.infer<typeof wordingSchema>;
/** One wording override. */
export type WordingEntry = Wording['entries'][number];
/** A closed period as the form sends it. */
export type ClosedDaysRequest = z.input<typeof closedDaysBodySchema>;
/** A stored closed period. */
export type ClosedDays = z.infer<typeof closedDaysSchema>;
/** A school's own settings, with the choice to share anonymous check-in figures with the board. */
export type CheckinSharingSettings = z.infer<typeof schoolSettingsSchema>;
