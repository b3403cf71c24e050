import { z } from 'zod';
import { AGE_GROUPS, CHECKIN_STATES, CHECKIN_WORD_MAX_LENGTH, CLASS_CODE_LENGTH, PERSONAL_CODE_LENGTH, SIGNAL_KINDS } from '../../../shared/checkin';
import { PUPIL_SYMBOL_KEYS } from '../../../shared/checkin-symbols';
import { LOCALES } from '../../../shared/roles';
import { multiLineTextSchema, singleLineTextSchema } from '../../http/common.schemas';

// The contract of the daily check-in. Staff routes live under /api/schools/:schoolId/…; the pupil's
// own device under /api/pupil/…; the class device in kiosk mode under /api/kiosk/….

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();

/** Route params naming a pupil of a school. */
export const pupilParamsSchema = z.strictObject({ schoolId: z.uuid(), pupilId: z.uuid() });

// ---------- what a pupil sees: the form ----------

/** One choice on the pupil's screen, in the words of the pupil's age group (school overrides applied). */
export const stateChoiceSchema = z.object({
  state: z.enum(CHECKIN_STATES),
  label: z.string(),
  /** A short explanation under the label ("calm, I can learn"). */
  hint: z.string(),
  /** The name of the picture symbol the pupil page draws (young pupils), e.g. "calm", "storm". */
  symbol: z.string(),
});

/** Everything the light pupil page needs to draw the form in the right language (it has no i18n library). */
export const checkinFormSchema = z.object({
  locale: z.enum(LOCALES),
  ageGroup: z.enum(AGE_GROUPS),
  choices: z.array(stateChoiceSchema),
  /** The fixed texts of the pupil page (question, talk toggle, word field, sent/retrying/failed messages…), by key. */
  texts: z.record(z.string(), z.string()),
});

/** A check-in as a pupil sends it (own device or kiosk). The key is made once per check-in by the page. */
export const checkinSubmitSchema = z.strictObject({
  idempotencyKey: z.uuid(),
  state: z.enum(CHECKIN_STATES),
  wantsTalk: z.boolean(),
  word: singleLineTextSchema.min(1).max(CHECKIN_WORD_MAX_LENGTH).optional(),
});

/** A kiosk check-in also names which pupil tapped their name. */
export const kioskCheckinSubmitSchema = checkinSubmitSchema.extend({ pupilId: z.uuid() });

/** The server's receipt; `duplicate` is true when this key was stored before (a retry). */
export const checkinReceiptSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });

// ---------- pupil access ----------

/** Signing in on a pupil's own device: the class code on the board plus the personal code from the card. */
export const pupilSignInSchema = z.strictObject({
  classCode: z.string().trim().toUpperCase().length(CLASS_CODE_LENGTH),
  personalCode: z.string().trim().toUpperCase().length(PERSONAL_CODE_LENGTH),
});

/** A pupil's own-device session as the pupil page sees it. */
export const pupilSessionSchema = z.object({
  firstName: z.string(),
  csrfToken: z.string(),
  form: checkinFormSchema,
  /** Today's state when the pupil already checked in today (they may check in again; the latest counts). */
  today: z.enum(CHECKIN_STATES).nullable(),
});

/** A name symbol as the pages show it: its key, the emoji and its name in the reader's language. */
export const pupilSymbolSchema = z.object({ key: z.enum(PUPIL_SYMBOL_KEYS), emoji: z.string(), name: z.string() });

/** A pupil as the kiosk lists them: first name + initial, never more, and the name symbol they chose (if any). */
export const kioskPupilSchema = z.object({
  pupilId: z.string(),
  displayName: z.string(),
  checkedInToday: z.boolean(),
  symbol: z.enum(PUPIL_SYMBOL_KEYS).nullable(),
});

/** The class device in kiosk mode. */
export const kioskSessionSchema = z.object({
  className: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  pupils: z.array(kioskPupilSchema),
  /** Every name symbol, in the chooser's order. */
  symbols: z.array(pupilSymbolSchema),
  /** Whether a pupil without a name symbol is asked to choose one (classes of young pupils). */
  asksForSymbol: z.boolean(),
  form: checkinFormSchema,
});

/** Route params naming a pupil on the class device. */
export const kioskPupilParamsSchema = z.strictObject({ pupilId: z.uuid() });

/** A name symbol chosen on the class device (only by a pupil who has none yet). */
export const kioskSymbolBodySchema = z.strictObject({ symbol: z.enum(PUPIL_SYMBOL_KEYS) });

/** The name symbol stored for a pupil. */
export const pupilSymbolChoiceSchema = z.object({ pupilId: z.string(), symbol: z.enum(PUPIL_SYMBOL_KEYS).nullable() });

/** Route params naming a pupil of a class. */
export const classPupilParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), pupilId: z.uuid() });

/** A teacher sets (or clears, with null) a pupil's name symbol. */
export const setPupilSymbolSchema = z.strictObject({ symbol: z.enum(PUPIL_SYMBOL_KEYS).nullable() });

/** The name symbols of a class for its teacher: every symbol, and each pupil with theirs. */
export const classSymbolsSchema = z.object({
  symbols: z.array(pupilSymbolSchema),
  pupils: z.array(z.object({ pupilId: z.string(), displayName: z.string(), symbol: z.enum(PUPIL_SYMBOL_KEYS).nullable() })),
});

/** Route params naming one kiosk (class device in kiosk mode) of a class. */
export const kioskParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), kioskId: z.uuid() });

/** A class device in kiosk mode as staff see it: when it was opened, by whom, until when. Never its secret. */
export const classKioskSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  openedBy: z.object({ id: z.string(), name: z.string() }),
  expiresAt: z.string(),
});

/** The kiosks of a class that still work, oldest first. */
export const classKiosksSchema = z.object({ kiosks: z.array(classKioskSchema) });

/** How many kiosks a "close all" ended. */
export const kiosksClosedSchema = z.object({ closed: z.number().int() });

/** A fresh class code (shown once on the teacher's screen). */
export const classCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

/** Which pupils get a new login card; all pupils of the class when left out. Old codes stop working. */
export const issueCardsSchema = z.strictObject({ pupilIds: z.array(z.uuid()).min(1).max(200).optional() });

/** One printable login card: the personal code and a QR code that opens the pupil page with it filled in. */
export const loginCardSchema = z.object({
  pupilId: z.string(),
  displayName: z.string(),
  code: z.string(),
  /** SVG markup of the QR code (for an <img src="data:image/svg+xml,…">). */
  qrSvg: z.string(),
  /** The pupil's name symbol, printed on the card so a young pupil finds it again on the class device. */
  symbol: pupilSymbolSchema.nullable(),
});

/** The cards just issued. */
export const loginCardsSchema = z.object({ className: z.string(), cards: z.array(loginCardSchema) });

// ---------- the teacher ----------

/**
 * A signal that was talked about: a "we talked" note of today, about this signal or about no signal in
 * particular, written after the pupil's latest check-in of today. Who wrote it is shown as to anyone who
 * reads the pupil's notes (their teachers and the care team); null when the account is gone.
 */
export const signalHandledSchema = z.object({ date: isoDateSchema, at: z.string(), byName: z.string().nullable() });

/** A signal about one pupil, with the plain-Dutch (or English) reason, and whether it was talked about today. */
export const signalSchema = z.object({ kind: z.enum(SIGNAL_KINDS), explanation: z.string(), handled: signalHandledSchema.nullable() });

/** One pupil on today's class overview. */
export const overviewPupilSchema = z.object({
  pupilId: z.string(),
  displayName: z.string(),
  /** The latest check-in today, or null when the pupil has not checked in yet. */
  today: z
    .object({ state: z.enum(CHECKIN_STATES), wantsTalk: z.boolean(), word: z.string().nullable(), at: z.string() })
    .nullable(),
  signals: z.array(signalSchema),
});

/** Today's class overview for its teachers (and the care team). */
export const classOverviewSchema = z.object({
  classId: z.string(),
  className: z.string(),
  date: isoDateSchema,
  ageGroup: z.enum(AGE_GROUPS),
  /** Labels of the states in the class's age group (and the viewer's language), for the legend. */
  choices: z.array(stateChoiceSchema),
  pupils: z.array(overviewPupilSchema),
  /** `wantsTalk`: pupils whose wish to talk today is still open (not yet talked about). */
  counts: z.object({ checkedIn: z.number(), notYet: z.number(), wantsTalk: z.number() }),
});

/** A "we talked" note (decrypted for those who may read it). */
export const checkinNoteSchema = z.object({
  id: z.string(),
  date: isoDateSchema,
  signalKind: z.enum(SIGNAL_KINDS).nullable(),
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

/** Writing a "we talked" note. */
export const createNoteSchema = z.strictObject({
  signalKind: z.enum(SIGNAL_KINDS).nullable(),
  text: multiLineTextSchema.trim().min(1).max(2000),
});

/** One school day of a pupil's trend (null state: no check-in that day). */
export const trendDaySchema = z.object({ date: isoDateSchema, state: z.enum(CHECKIN_STATES).nullable(), wantsTalk: z.boolean() });

/** A pupil's check-ins over the last weeks, with today's signals and the notes. */
export const pupilCheckinHistorySchema = z.object({
  pupilId: z.string(),
  displayName: z.string(),
  days: z.array(trendDaySchema),
  signals: z.array(signalSchema),
  notes: z.array(checkinNoteSchema),
  /** Conversation starters per signal kind in the viewer's language (project's own words). */
  starters: z.record(z.string(), z.array(z.string())),
});

/** Query of the trend: how many weeks back (default 6). */
export const historyQuerySchema = z.strictObject({ weeks: z.coerce.number().int().min(1).max(26).optional() });

/** One pupil with signals, school-wide (care team). */
export const schoolSignalSchema = z.object({
  pupilId: z.string(),
  displayName: z.string(),
  className: z.string(),
  classId: z.string(),
  signals: z.array(signalSchema),
});

// ---------- anonymous figures (leadership, board) ----------

/** Query for anonymous figures: a period (default the last 4 weeks) and grouping. */
export const aggregatesQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  groupBy: z.enum(['day', 'week']).optional(),
});

/**
 * One class's anonymous share in the window per day or ISO week. Only class-days before today with at
 * least k pupils checked in count; a period without such a day is left out.
 */
export const classAggregateSchema = z.object({
  classId: z.string(),
  className: z.string(),
  periods: z.array(
    z.object({
      /** The school date (YYYY-MM-DD) or ISO week (YYYY-Www). */
      period: z.string(),
      /** The class-days counted in the period. */
      days: z.number(),
      /** Pupils checked in on an average counted day (rounded); for a day, that day's number. */
      pupilsCheckedIn: z.number(),
      /** Of the counted check-ins (each pupil once a day, the latest), the share in the window (0..1, 3 decimals). */
      shareInWindow: z.number(),
    }),
  ),
});

/** The anonymous figures of a school: classes without a day of at least k pupils in the period are counted, never shown. */
export const schoolAggregatesSchema = z.object({
  schoolId: z.string(),
  minGroupSize: z.number(),
  classes: z.array(classAggregateSchema),
  /** The school's classes (of the school years the period touches) with no counted day in the period. */
  hiddenClasses: z.number(),
});

/** The board's view: schools that share their check-in figures with the board. */
export const boardAggregatesSchema = z.object({ schools: z.array(schoolAggregatesSchema.extend({ schoolName: z.string() })) });

// ---------- settings ----------

/** A class's check-in settings. */
export const classCheckinSettingsSchema = z.strictObject({ ageGroup: z.enum(AGE_GROUPS) });

/** A school's own words: override per age group, state and language (empty label = back to the default). */
export const wordingSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        ageGroup: z.enum(AGE_GROUPS),
        state: z.enum(CHECKIN_STATES),
        locale: z.enum(LOCALES),
        label: singleLineTextSchema.max(40),
      }),
    )
    .max(AGE_GROUPS.length * CHECKIN_STATES.length * LOCALES.length),
});

/** A period a school is closed (not a school day for the signal rules). */
export const closedDaysBodySchema = z.strictObject({ startDate: isoDateSchema, endDate: isoDateSchema, name: singleLineTextSchema.min(1).max(80) });

/** A stored closed period. */
export const closedDaysSchema = closedDaysBodySchema.extend({ id: z.string() });

// The contract's types, inferred once here; services, routes and the web import them.

/** Today's class overview for its teachers and the care team. */
export type ClassOverview = z.infer<typeof classOverviewSchema>;
/** One pupil on today's overview. */
export type OverviewPupil = z.infer<typeof overviewPupilSchema>;
/** One state with the words of the class's age group. */
export type StateChoice = z.infer<typeof stateChoiceSchema>;
/** The words and choices of the check-in, in the pupil's language and age group. */
export type CheckinForm = z.infer<typeof checkinFormSchema>;
/** A signal about a pupil with its plain-language reason. */
export type CheckinSignal = z.infer<typeof signalSchema>;
/** When and by whom a signal was talked about. */
export type SignalHandled = z.infer<typeof signalHandledSchema>;
/** A pupil's trend, signals, notes and conversation starters. */
export type PupilCheckinHistory = z.infer<typeof pupilCheckinHistorySchema>;
/** One school day of a pupil's trend. */
export type TrendDay = z.infer<typeof trendDaySchema>;
/** A "we talked" note. */
export type CheckinNote = z.infer<typeof checkinNoteSchema>;
/** A new "we talked" note as the form sends it. */
export type CreateNoteBody = z.input<typeof createNoteSchema>;
/** One pupil with signals, school-wide. */
export type SchoolSignal = z.infer<typeof schoolSignalSchema>;
/** Which period and grouping the anonymous figures cover. */
export type AggregatesQuery = z.infer<typeof aggregatesQuerySchema>;
/** One class's anonymous figures per period. */
export type ClassFigures = z.infer<typeof classAggregateSchema>;
/** A school's anonymous figures. */
export type SchoolAggregates = z.infer<typeof schoolAggregatesSchema>;
/** A board's anonymous figures of the schools that share. */
export type BoardAggregates = z.infer<typeof boardAggregatesSchema>;
/** A pupil's sign-in on their own device: class code and card code. */
export type PupilSignInBody = z.infer<typeof pupilSignInSchema>;
/** A pupil's own-device session. */
export type PupilSession = z.infer<typeof pupilSessionSchema>;
/** The class device in kiosk mode. */
export type KioskSession = z.infer<typeof kioskSessionSchema>;
/** A name symbol with its emoji and name in the reader's language. */
export type PupilSymbol = z.infer<typeof pupilSymbolSchema>;
/** The name symbols of a class as its teacher sees them. */
export type ClassSymbols = z.infer<typeof classSymbolsSchema>;
/** A teacher setting or clearing a pupil's name symbol. */
export type SetPupilSymbolBody = z.infer<typeof setPupilSymbolSchema>;
/** The name symbol stored for a pupil. */
export type PupilSymbolChoice = z.infer<typeof pupilSymbolChoiceSchema>;
/** The class devices open for a class, as staff see them (never a device's secret). */
export type ClassKiosks = z.infer<typeof classKiosksSchema>;
/** How many class devices a "close all" ended. */
export type KiosksClosed = z.infer<typeof kiosksClosedSchema>;
/** A fresh class code with its expiry. */
export type ClassCode = z.infer<typeof classCodeSchema>;
/** Login cards just issued. */
export type LoginCards = z.infer<typeof loginCardsSchema>;
/** A class's check-in settings. */
export type ClassCheckinSettings = z.infer<typeof classCheckinSettingsSchema>;
/** A school's own words for the states. */
export type Wording = z.infer<typeof wordingSchema>;
/** A closed period as the form sends it. */
export type ClosedDaysBody = z.input<typeof closedDaysBodySchema>;
/** A stored closed period. */
export type ClosedDays = z.infer<typeof closedDaysSchema>;
/** The content of a check-in, as both submit routes validate it. */
export type CheckinContent = z.infer<typeof checkinSubmitSchema>;
/** The receipt both submit routes answer with. */
export type CheckinReceipt = z.infer<typeof checkinReceiptSchema>;
