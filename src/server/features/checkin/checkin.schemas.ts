import { z } from 'zod';
import { AGE_GROUPS, CHECKIN_STATES, CHECKIN_WORD_MAX_LENGTH, CLASS_CODE_LENGTH, PERSONAL_CODE_LENGTH, SIGNAL_KINDS } from '../../../shared/checkin';
import { LOCALES } from '../../../shared/roles';

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
  word: z.string().trim().min(1).max(CHECKIN_WORD_MAX_LENGTH).optional(),
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

/** A pupil as the kiosk lists them: first name + initial, never more. */
export const kioskPupilSchema = z.object({ pupilId: z.string(), displayName: z.string(), checkedInToday: z.boolean() });

/** The class device in kiosk mode. */
export const kioskSessionSchema = z.object({
  className: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  pupils: z.array(kioskPupilSchema),
  form: checkinFormSchema,
});

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
});

/** The cards just issued. */
export const loginCardsSchema = z.object({ className: z.string(), cards: z.array(loginCardSchema) });

// ---------- the teacher ----------

/** A signal about one pupil, with the plain-Dutch (or English) reason. */
export const signalSchema = z.object({ kind: z.enum(SIGNAL_KINDS), explanation: z.string() });

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
  text: z.string().trim().min(1).max(2000),
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

/** One class's anonymous share in the window per day or ISO week; classes under the minimum group are left out. */
export const classAggregateSchema = z.object({
  classId: z.string(),
  className: z.string(),
  periods: z.array(z.object({ period: z.string(), pupilsCheckedIn: z.number(), shareInWindow: z.number() })),
});

/** The anonymous figures of a school: classes below the minimum group size are counted, never shown. */
export const schoolAggregatesSchema = z.object({
  schoolId: z.string(),
  minGroupSize: z.number(),
  classes: z.array(classAggregateSchema),
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
        label: z.string().trim().max(40),
      }),
    )
    .max(AGE_GROUPS.length * CHECKIN_STATES.length * LOCALES.length),
});

/** A period a school is closed (not a school day for the signal rules). */
export const closedDaysBodySchema = z.strictObject({ startDate: isoDateSchema, endDate: isoDateSchema, name: z.string().trim().min(1).max(80) });

/** A stored closed period. */
export const closedDaysSchema = closedDaysBodySchema.extend({ id: z.string() });
