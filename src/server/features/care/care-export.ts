import { z } from 'zod';
import { ACE_ANSWERS, ACE_INFORMANTS, combineAces, newestAceAnswers } from '../../../shared/aces';
import { CHECKIN_STATES } from '../../../shared/checkin';
import { REFERRAL_STATUSES } from '../../../shared/referrals';
import { scoreScreening } from '../../../shared/screening';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { listAceAnswers, listTrustedAdults } from './care.repository';
import { carePlanContentSchema } from './care.schemas';
import { firstAceAgeOf } from './care.service';
import { screeningInstrumentOf } from './screening-instruments';

// Everything Groeiwijzer holds about one pupil, for the pupil or their parents (AVG art. 15): the pupil record and
// classes, check-ins and "we talked" notes, the care file (trusted adults, every plan version, ACE answers,
// screenings, conversations, referrals), questionnaire answers, and who read the care file when. Meldcode cases are
// left out on purpose: whether and what parents see of a report is the attention officer's decision per case
// (AVG art. 23: the protection of the child may limit the right of access), outside this export.
// The same object is the JSON download and the source of the PDF (care-export.pdf.ts).

const pupilSchema = z.object({ pupilNumber: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string().nullable(), leftOn: z.string().nullable() });

export const pupilDataExportSchema = z.object({
  generatedAt: z.string(),
  school: z.string(),
  pupil: pupilSchema,
  classes: z.array(z.object({ schoolYear: z.string(), className: z.string() })),
  checkins: z.array(z.object({ date: z.string(), state: z.enum(CHECKIN_STATES), word: z.string().nullable(), wantedToTalk: z.boolean() })),
  checkinNotes: z.array(z.object({ date: z.string(), author: z.string().nullable(), text: z.string() })),
  trustedAdults: z.array(z.object({ name: z.string(), why: z.string(), since: z.string() })),
  supportPlans: z.array(z.object({ version: z.number(), createdAt: z.string(), author: z.string().nullable(), reviewOn: z.string(), content: carePlanContentSchema })),
  aceAnswers: z.array(z.object({ informant: z.enum(ACE_INFORMANTS), category: z.string(), answer: z.enum(ACE_ANSWERS), recordedOn: z.string() })),
  /** The age at the first ACE, when the care team recorded it. */
  aceFirstAgeYears: z.number().nullable(),
  /** Per category that counts (any informant said yes, newest answer per informant): who said so. */
  acesCombined: z.array(z.object({ category: z.string(), sources: z.array(z.enum(ACE_INFORMANTS)) })),
  screenings: z.array(
    z.object({ instrument: z.string(), takenOn: z.string(), informant: z.string(), total: z.number().nullable(), band: z.string().nullable(), subscales: z.record(z.string(), z.number().nullable()), answers: z.record(z.string(), z.number()) }),
  ),
  conversations: z.array(z.object({ plannedOn: z.string(), heldOn: z.string().nullable(), author: z.string().nullable(), note: z.string(), sharedWithCareTeam: z.boolean(), forCareTeam: z.string() })),
  referrals: z.array(z.object({ toWhom: z.string(), referredOn: z.string(), reason: z.string(), status: z.enum(REFERRAL_STATUSES), followUpOn: z.string().nullable() })),
  questionnaireAnswers: z.array(z.object({ wave: z.string(), instrument: z.string(), answeredOn: z.string(), answers: z.record(z.string(), z.number()) })),
  careFileReads: z.array(z.object({ at: z.string(), by: z.string().nullable(), action: z.string() })),
  /** What is not in this export, and why. */
  leftOut: z.array(z.string()),
});
export type PupilDataExport = z.infer<typeof pupilDataExportSchema>;

/** Collects everything about one pupil of the school; 404 for a pupil the school does not have. */
export async function collectPupilData(deps: Deps, schoolId: string, pupilId: string): Promise<PupilDataExport> {
  const db = deps.db.kysely;
  const school = await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirst();
  const pupil = await db.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst();
  if (!school || !pupil) throw new AppError('not_found');
  const open = (table: Parameters<typeof encryptedFieldRef>[0], column: string, id: string, sealed: string) => deps.fieldCrypto.decrypt(encryptedFieldRef(table, column, [id]), sealed);
  const aceAnswers = await Promise.all(
    (await listAceAnswers(db, schoolId, pupilId)).map(async (row) => ({
      informant: row.informant as (typeof ACE_INFORMANTS)[number],
      category: row.category,
      answer: (await open('care_ace_answers', 'answer_encrypted', row.id, row.answer_encrypted)) as (typeof ACE_ANSWERS)[number],
      recordedOn: row.recorded_on,
    })),
  );
  return {
    generatedAt: deps.clock.now().toISOString(),
    school: school.name,
    pupil: { pupilNumber: pupil.pupil_number, firstName: pupil.first_name, lastName: pupil.last_name, birthDate: pupil.birth_date, leftOn: pupil.left_on },
    classes: await db
      .selectFrom('class_pupils')
      .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
      .select(['classes.school_year as schoolYear', 'classes.name as className'])
      .where('class_pupils.pupil_id', '=', pupilId)
      .orderBy('classes.school_year')
      .execute(),
    checkins: await Promise.all(
      (await db.selectFrom('checkins').select(['id', 'school_date', 'state', 'word_encrypted', 'wants_talk']).where('pupil_id', '=', pupilId).orderBy('school_date').orderBy('created_at').execute()).map(async (row) => ({
        date: row.school_date,
        state: row.state as (typeof CHECKIN_STATES)[number],
        word: row.word_encrypted === null ? null : await open('checkins', 'word_encrypted', row.id, row.word_encrypted),
        wantedToTalk: row.wants_talk === 1,
      })),
    ),
    checkinNotes: await Promise.all(
      (await db.selectFrom('checkin_notes').leftJoin('users', 'users.id', 'checkin_notes.author_user_id').select(['checkin_notes.id', 'checkin_notes.school_date', 'checkin_notes.note_encrypted', 'users.name']).where('checkin_notes.pupil_id', '=', pupilId).orderBy('checkin_notes.school_date').execute()).map(
        async (row) => ({ date: row.school_date, author: row.name, text: await open('checkin_notes', 'note_encrypted', row.id, row.note_encrypted) }),
      ),
    ),
    trustedAdults: await Promise.all(
      (await listTrustedAdults(db, schoolId, pupilId)).map(
        async (row) => ({ name: row.name, why: await open('care_trusted_adults', 'why_encrypted', row.id, row.why_encrypted), since: row.created_at }),
      ),
    ),
    supportPlans: await Promise.all(
      (await db.selectFrom('care_support_plans').leftJoin('users', 'users.id', 'care_support_plans.created_by').select(['care_support_plans.id', 'care_support_plans.version', 'care_support_plans.created_at', 'care_support_plans.review_on', 'care_support_plans.content_encrypted', 'users.name']).where('care_support_plans.pupil_id', '=', pupilId).orderBy('care_support_plans.version').execute()).map(
        async (row) => ({
          version: row.version,
          createdAt: row.created_at,
          author: row.name,
          reviewOn: row.review_on,
          content: carePlanContentSchema.parse(JSON.parse(await open('care_support_plans', 'content_encrypted', row.id, row.content_encrypted))),
        }),
      ),
    ),
    aceAnswers,
    aceFirstAgeYears: await firstAceAgeOf(deps, schoolId, pupilId),
    acesCombined: combineAces(newestAceAnswers(aceAnswers.map((answer) => ({ pupil: pupilId, ...answer }))))[0]?.categories ?? [],
    screenings: await Promise.all(
      (await db.selectFrom('care_screenings').select(['id', 'instrument_id', 'instrument_version', 'taken_on', 'informant', 'answers_encrypted']).where('pupil_id', '=', pupilId).orderBy('taken_on').execute()).map(async (row) => {
        const answers = JSON.parse(await open('care_screenings', 'answers_encrypted', row.id, row.answers_encrypted)) as Record<string, number>;
        const instrument = screeningInstrumentOf(row.instrument_id);
        const score = instrument ? scoreScreening(instrument, new Map(Object.entries(answers))) : null;
        return { instrument: row.instrument_id, takenOn: row.taken_on, informant: row.informant, total: score?.total ?? null, band: score?.band?.id ?? null, subscales: score?.subscales ?? {}, answers };
      }),
    ),
    conversations: await Promise.all(
      (await db.selectFrom('care_conversations').leftJoin('users', 'users.id', 'care_conversations.created_by').select(['care_conversations.id', 'care_conversations.planned_on', 'care_conversations.held_on', 'care_conversations.note_encrypted', 'care_conversations.shared_with_care_team', 'care_conversations.for_care_team_encrypted', 'users.name']).where('care_conversations.pupil_id', '=', pupilId).orderBy('care_conversations.planned_on').execute()).map(
        async (row) => ({
          plannedOn: row.planned_on,
          heldOn: row.held_on,
          author: row.name,
          note: await open('care_conversations', 'note_encrypted', row.id, row.note_encrypted),
          sharedWithCareTeam: row.shared_with_care_team === 1,
          forCareTeam: await open('care_conversations', 'for_care_team_encrypted', row.id, row.for_care_team_encrypted),
        }),
      ),
    ),
    referrals: await Promise.all(
      (await db.selectFrom('care_referrals').select(['id', 'to_whom_encrypted', 'referred_on', 'reason_encrypted', 'status', 'follow_up_on']).where('pupil_id', '=', pupilId).orderBy('referred_on').execute()).map(async (row) => ({
        toWhom: await open('care_referrals', 'to_whom_encrypted', row.id, row.to_whom_encrypted),
        referredOn: row.referred_on,
        reason: await open('care_referrals', 'reason_encrypted', row.id, row.reason_encrypted),
        status: row.status as (typeof REFERRAL_STATUSES)[number],
        followUpOn: row.follow_up_on,
      })),
    ),
    questionnaireAnswers: (
      await db
        .selectFrom('questionnaire_responses')
        .innerJoin('questionnaire_waves', 'questionnaire_waves.id', 'questionnaire_responses.wave_id')
        .select(['questionnaire_waves.name', 'questionnaire_responses.instrument_id', 'questionnaire_responses.updated_at', 'questionnaire_responses.answers'])
        .where('questionnaire_responses.respondent_kind', '=', 'pupil')
        .where('questionnaire_responses.respondent_id', '=', pupilId)
        .orderBy('questionnaire_responses.updated_at')
        .execute()
    ).map((row) => ({ wave: row.name, instrument: row.instrument_id, answeredOn: row.updated_at.slice(0, 10), answers: JSON.parse(row.answers) as Record<string, number> })),
    careFileReads: (
      await db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
        .select(['audit_events.occurred_at', 'audit_events.action', 'users.name'])
        .where('audit_events.target_type', '=', 'pupil')
        .where('audit_events.target_id', '=', pupilId)
        .where('audit_events.action', 'like', 'care.%')
        .orderBy('audit_events.seq')
        .execute()
    ).map((row) => ({ at: row.occurred_at, by: row.name, action: row.action })),
    leftOut: ['meldcode'],
  };
}

