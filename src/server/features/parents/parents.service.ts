import type { Kysely } from 'kysely';
import type { Instrument } from '../../../shared/questionnaire-instrument';
import { DEFAULT_TSO_PAGE, PARENT_TEXT_KEYS, PARENT_TEXTS_EN, PARENT_TEXTS_NL } from '../../../shared/parent-wording';
import { isCareTeamOnlyInstrument, needsParentConsent, type ParentLinkChannel, type TextDirection } from '../../../shared/parents';
import { schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { isCareTeamOf, isPupilInScope, pupilScopeOf } from '../../access/record-scope';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { findPupil } from '../pupils/pupils.repository';
import { currentParentInstruments, parentInstrumentOf } from './parent-instruments';
import * as repository from './parents.repository';
import type { ParentLinkRow } from './parents.tables';
import type { Parent, ParentFields, ParentSettings, PupilParents, SentQuestionnaire, TranslationFile } from './parents.schemas';

// The staff side of parents (issue 16). Need-to-know: the care team reaches every pupil's parents; a teacher the
// parents of the pupils in the classes they teach this school year (404 for any other pupil: its existence is not
// confirmed). Questionnaires for the care team only (the parent's view of ACEs, the parent's own life events) are
// sent and read by the care team alone: a teacher never sees that they exist.

type ParentOfPupilRow = NonNullable<Awaited<ReturnType<typeof repository.findParentOfPupil>>>;

// ---------- need-to-know ----------

/**
 * THE need-to-know rule for a pupil's parents — their access and questionnaires here, the contact log in
 * parent-contacts.service.ts: the care team reaches every pupil of the school, a teacher the pupils placed in the
 * classes they teach this school year; anyone else 404 (the record's existence is not confirmed). Says by which right.
 */
export async function parentsAccessOf(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<'care_team' | 'teacher'> {
  if (isCareTeamOf(caller.actor, schoolId)) return 'care_team';
  const scope = pupilScopeOf(caller.actor, schoolId, 'care');
  if (!(await isPupilInScope(deps.db.kysely, scope, schoolId, pupilId, schoolYearAt(deps.clock.now())))) throw new AppError('not_found');
  return 'teacher';
}

/** The pupil, when the caller may reach its parents; 404 otherwise. */
export async function requireParentsAccess(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string) {
  const pupil = await findPupil(deps.db.kysely, schoolId, pupilId);
  if (!pupil) throw new AppError('not_found');
  await parentsAccessOf(deps, caller, schoolId, pupilId);
  return pupil;
}

/** A parent of the pupil the caller may reach; 404 otherwise. */
export async function requireParentOfPupil(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string): Promise<ParentOfPupilRow> {
  await requireParentsAccess(deps, caller, schoolId, pupilId);
  const parent = await repository.findParentOfPupil(deps.db.kysely, schoolId, pupilId, parentId);
  if (!parent) throw new AppError('not_found');
  return parent;
}

async function audit(trx: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, action: AuditAction, targetType: string, targetId: string, detail: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action, targetType, targetId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}

// ---------- a pupil's parents ----------

/** The pupil's parents, the questionnaires sent to them and their conversation requests, as the caller may see them. */
export async function getPupilParents(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<PupilParents> {
  const db = deps.db.kysely;
  const pupil = await requireParentsAccess(deps, caller, schoolId, pupilId);
  const isCareTeam = isCareTeamOf(caller.actor, schoolId);
  const rows = await repository.listParentsOfPupil(db, schoolId, pupilId);
  const links = await repository.listLinksOfParents(db, rows.map((row) => row.id));
  const parents = await Promise.all(rows.map((row) => parentOf(deps, row, links.filter((link) => link.parent_id === row.id))));
  const sent = (await repository.listQuestionnairesOfPupil(db, schoolId, pupilId)).filter((row) => isCareTeam || !isCareTeamOnlyInstrument(row.instrument_id));
  const questionnaires = await Promise.all(sent.map((row) => sentQuestionnaireOf(deps, row, parentInstrumentOf(row.instrument_id, row.instrument_version))));
  const requests = await Promise.all(
    (await repository.listRequestsOfPupil(db, schoolId, pupilId)).map(async (row) => ({
      id: row.id,
      parentId: row.parent_id,
      parentName: row.parent_name,
      message: await deps.fieldCrypto.decrypt(encryptedFieldRef('parent_conversation_requests', 'message_encrypted', [row.id]), row.message_encrypted),
      createdAt: row.created_at,
      handledAt: row.handled_at,
      handledByName: row.handled_by_name,
    })),
  );
  const instruments = currentParentInstruments()
    .filter((instrument) => isCareTeam || !isCareTeamOnlyInstrument(instrument.id))
    .map((instrument) => ({ id: instrument.id, name: instrument.name, description: instrument.description, careTeamOnly: isCareTeamOnlyInstrument(instrument.id) }));
  const languages = [{ code: 'nl', name: 'Nederlands' }, { code: 'en', name: 'English' }, ...(await repository.listLanguages(db, schoolId)).map((row) => ({ code: row.code, name: row.name }))];
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'parents.read',
    targetType: 'pupil',
    targetId: pupilId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail: { via: isCareTeam ? 'care_team' : 'teacher', parents: parents.length, questionnaires: questionnaires.length },
  });
  return { pupil: { id: pupil.id, firstName: pupil.first_name, lastName: pupil.last_name }, isCareTeam, parents, questionnaires, requests, instruments, languages };
}

/** A parent as the staff page shows them; `links` are the parent's links, newest first. */
async function parentOf(deps: Deps, row: ParentOfPupilRow, links: readonly ParentLinkRow[]): Promise<Parent> {
  const newest = links[0];
  const now = deps.clock.now().getTime();
  const state = !newest
    ? 'none'
    : newest.used_at !== null
      ? 'used'
      : newest.revoked_at !== null
        ? 'revoked'
        : now >= Date.parse(newest.expires_at)
          ? 'expired'
          : 'open';
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    email: row.email,
    phone: row.phone,
    language: row.language,
    detailsCorrectedAt: row.details_corrected_at,
    excluded: row.excluded_at !== null,
    exclusionReason:
      row.exclusion_reason_encrypted === '' ? '' : await deps.fieldCrypto.decrypt(encryptedFieldRef('parent_children', 'exclusion_reason_encrypted', [row.id, row.pupil_id]), row.exclusion_reason_encrypted),
    link: {
      state,
      channel: (newest?.channel as ParentLinkChannel | undefined) ?? null,
      sentAt: newest?.created_at ?? null,
      expiresAt: newest?.expires_at ?? null,
      usedAt: newest?.used_at ?? null,
    },
    newLinkRequestedAt: links.map((link) => link.new_link_requested_at).filter((at): at is string => at !== null).sort().at(-1) ?? null,
  };
}

/** A questionnaire sent to a parent, with every item and the parent's answer in words. */
export async function sentQuestionnaireOf(deps: Deps, row: { id: string; parent_id: string; instrument_id: string; sent_at: string; consent_at: string | null; answers_encrypted: string; note_encrypted: string; answered: number; is_complete: number }, instrument: Instrument): Promise<SentQuestionnaire> {
  const answers = await openAnswers(deps, row.id, row.answers_encrypted);
  const note = row.note_encrypted === '' ? '' : await deps.fieldCrypto.decrypt(encryptedFieldRef('parent_questionnaires', 'note_encrypted', [row.id]), row.note_encrypted);
  return {
    id: row.id,
    parentId: row.parent_id,
    instrumentId: row.instrument_id,
    name: instrument.name,
    sentAt: row.sent_at,
    answered: row.answered,
    items: instrument.items.length,
    isComplete: row.is_complete === 1,
    needsConsent: needsParentConsent(row.instrument_id),
    consentAt: row.consent_at,
    careTeamOnly: isCareTeamOnlyInstrument(row.instrument_id),
    answers: instrument.items.map((item) => {
      const value = answers[item.id];
      const option = value === undefined ? undefined : instrument.responseScales.find((scale) => scale.id === item.responseScale)?.options.find((candidate) => candidate.value === value);
      return { itemId: item.id, text: item.text, answer: option?.label ?? null };
    }),
    note,
  };
}

/** A parent questionnaire's stored answers, opened: { item id: value }. */
export async function openAnswers(deps: Deps, questionnaireId: string, sealed: string): Promise<Record<string, number>> {
  return JSON.parse(await deps.fieldCrypto.decrypt(encryptedFieldRef('parent_questionnaires', 'answers_encrypted', [questionnaireId]), sealed)) as Record<string, number>;
}

/** Adds a parent or carer to the pupil. */
export async function addParent(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, fields: ParentFields): Promise<{ id: string }> {
  await requireParentsAccess(deps, caller, schoolId, pupilId);
  await requireLanguage(deps.db.kysely, schoolId, fields.language);
  const id = newId();
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertParent(trx, { id, school_id: schoolId, ...fields, details_corrected_at: null, created_by: caller.userId, created_at: now, updated_at: now });
    await repository.insertParentChild(trx, { parent_id: id, pupil_id: pupilId, school_id: schoolId, excluded_at: null, exclusion_reason_encrypted: '', excluded_by: null, created_at: now });
    await audit(trx, deps, caller, schoolId, 'parents.parent_added', 'parent', id, { pupilId });
  });
  return { id };
}

/** Changes a parent's details (the same parent for every child at the school). */
export async function changeParent(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string, fields: ParentFields): Promise<void> {
  const parent = await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  await requireLanguage(deps.db.kysely, schoolId, fields.language);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateParent(trx, parentId, { ...fields, updated_at: isoInstant(deps.clock.now()) });
    const changed = (Object.keys(fields) as (keyof ParentFields)[]).filter((key) => fields[key] !== parent[key]).sort();
    await audit(trx, deps, caller, schoolId, 'parents.parent_changed', 'parent', parentId, { pupilId, changed });
  });
}

/** Removes a parent from the pupil (with what they answered about this child); a parent left without children is removed. */
export async function removeParent(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string): Promise<void> {
  await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const childrenLeft = await repository.deleteParentChild(trx, parentId, pupilId);
    if (childrenLeft === 0) await repository.deleteParent(trx, parentId);
    await audit(trx, deps, caller, schoolId, 'parents.parent_removed', 'parent', parentId, { pupilId, parentRemoved: childrenLeft === 0 });
  });
}

/**
 * Shields the child from this parent (a court-ordered restriction) or lifts that. While excluded the parent sees
 * nothing of this child on the parent page, no link can be sent, and open links and sessions end.
 */
export async function setExclusion(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string, body: { excluded: boolean; reason?: string | undefined }): Promise<void> {
  await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  const reason = body.reason?.trim() ?? '';
  if (body.excluded && reason === '') throw new AppError('validation_failed', { fields: { 'body.reason': ['required'] } });
  const now = isoInstant(deps.clock.now());
  const sealed = body.excluded ? await deps.fieldCrypto.encrypt(encryptedFieldRef('parent_children', 'exclusion_reason_encrypted', [parentId, pupilId]), reason) : '';
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateParentChild(trx, parentId, pupilId, { excluded_at: body.excluded ? now : null, exclusion_reason_encrypted: sealed, excluded_by: body.excluded ? caller.userId : null });
    if (body.excluded) {
      await repository.revokeOpenLinks(trx, parentId, now);
      await repository.deleteSessionsOf(trx, parentId);
    }
    await audit(trx, deps, caller, schoolId, 'parents.exclusion_changed', 'parent', parentId, { pupilId, excluded: body.excluded });
  });
}

async function requireLanguage(db: Kysely<Database>, schoolId: string, code: string): Promise<void> {
  if (code === 'nl' || code === 'en') return;
  if (!(await repository.findLanguage(db, schoolId, code))) throw new AppError('validation_failed', { fields: { 'body.language': ['unknown_language'] } });
}

// ---------- questionnaires and requests ----------

/** Sends a parent of the pupil a questionnaire about this child (one open of each kind per parent and child). */
export async function sendQuestionnaire(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string, instrumentId: string): Promise<{ id: string }> {
  const parent = await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  if (isCareTeamOnlyInstrument(instrumentId) && !isCareTeamOf(caller.actor, schoolId)) throw new AppError('forbidden', { detail: 'this questionnaire is for the care team only' });
  if (parent.excluded_at !== null) throw new AppError('parent_excluded');
  const db = deps.db.kysely;
  const existing = await repository.listQuestionnairesOfPupil(db, schoolId, pupilId);
  if (existing.some((row) => row.parent_id === parentId && row.instrument_id === instrumentId && row.is_complete === 0)) throw new AppError('parent_questionnaire_open');
  const instrument = currentParentInstruments().find((candidate) => candidate.id === instrumentId);
  if (!instrument) throw new AppError('not_found');
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const answers = await deps.fieldCrypto.encrypt(encryptedFieldRef('parent_questionnaires', 'answers_encrypted', [id]), '{}');
  await db.transaction().execute(async (trx) => {
    await repository.insertQuestionnaire(trx, {
      id,
      school_id: schoolId,
      parent_id: parentId,
      pupil_id: pupilId,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      sent_by: caller.userId,
      sent_at: now,
      consent_at: null,
      answers_encrypted: answers,
      note_encrypted: '',
      answered: 0,
      is_complete: 0,
      updated_at: now,
    });
    await audit(trx, deps, caller, schoolId, 'parents.questionnaire_sent', 'parent', parentId, { pupilId, instrumentId: instrument.id, questionnaireId: id });
  });
  return { id };
}

/** Withdraws a questionnaire sent to a parent of the pupil, with what was answered. */
export async function withdrawQuestionnaire(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, questionnaireId: string): Promise<void> {
  await requireParentsAccess(deps, caller, schoolId, pupilId);
  const row = (await repository.listQuestionnairesOfPupil(deps.db.kysely, schoolId, pupilId)).find((candidate) => candidate.id === questionnaireId);
  if (!row || (isCareTeamOnlyInstrument(row.instrument_id) && !isCareTeamOf(caller.actor, schoolId))) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteQuestionnaire(trx, schoolId, pupilId, questionnaireId);
    await audit(trx, deps, caller, schoolId, 'parents.questionnaire_withdrawn', 'parent', row.parent_id, { pupilId, instrumentId: row.instrument_id, questionnaireId });
  });
}

/** Marks a parent's conversation request about the pupil handled. */
export async function handleRequest(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, requestId: string): Promise<void> {
  await requireParentsAccess(deps, caller, schoolId, pupilId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.markRequestHandled(trx, schoolId, pupilId, requestId, caller.userId, isoInstant(deps.clock.now())))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, 'parents.request_handled', 'pupil', pupilId, { requestId });
  });
}

// ---------- what the school shows parents ----------

/** The school's TSO page for parents and its added languages. */
export async function getParentSettings(deps: Deps, schoolId: string): Promise<ParentSettings> {
  const db = deps.db.kysely;
  const page = await repository.findSchoolPage(db, schoolId);
  const languages = await repository.listLanguages(db, schoolId);
  return {
    tsoPage: page ? { nl: page.text_nl, en: page.text_en, isDefault: false, updatedAt: page.updated_at } : { ...DEFAULT_TSO_PAGE, isDefault: true, updatedAt: null },
    languages: languages.map((row) => {
      const file = JSON.parse(row.texts) as { texts: Record<string, string> };
      return { code: row.code, name: row.name, direction: row.direction as TextDirection, translated: Object.keys(file.texts).length, keys: PARENT_TEXT_KEYS.length, updatedAt: row.updated_at };
    }),
  };
}

/** Saves the school's own TSO page for parents, or (null) goes back to the project's default. */
export async function saveParentPage(deps: Deps, caller: StaffCaller, schoolId: string, text: { nl: string; en: string } | null): Promise<ParentSettings> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (text === null) await repository.deleteSchoolPage(trx, schoolId);
    else await repository.saveSchoolPage(trx, { school_id: schoolId, text_nl: text.nl, text_en: text.en, updated_by: caller.userId, updated_at: isoInstant(deps.clock.now()) });
    await audit(trx, deps, caller, schoolId, 'parents.page_changed', 'school', schoolId, { isDefault: text === null });
  });
  return getParentSettings(deps, schoolId);
}

/** Adds or replaces a language from a translation file; every key must be one of the parent page's. */
export async function saveLanguage(deps: Deps, caller: StaffCaller, schoolId: string, code: string, file: TranslationFile): Promise<ParentSettings> {
  const fields: Record<string, string[]> = {};
  if (file.code !== code) fields['body.code'] = ['must match the address'];
  if (code === 'nl' || code === 'en') fields['body.code'] = ['Dutch and English are built in'];
  const known = new Set<string>(PARENT_TEXT_KEYS);
  for (const key of Object.keys(file.texts)) if (!known.has(key)) fields[`body.texts.${key}`] = ['not a text of the parent page'];
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.saveLanguage(trx, {
      school_id: schoolId,
      code,
      name: file.name,
      direction: file.direction,
      texts: JSON.stringify({ texts: file.texts, tsoPage: file.tsoPage ?? null }),
      updated_by: caller.userId,
      updated_at: isoInstant(deps.clock.now()),
    });
    await audit(trx, deps, caller, schoolId, 'parents.language_saved', 'school', schoolId, { code, translated: Object.keys(file.texts).length });
  });
  return getParentSettings(deps, schoolId);
}

/** Removes an added language (its parents read Dutch again). */
export async function removeLanguage(deps: Deps, caller: StaffCaller, schoolId: string, code: string): Promise<ParentSettings> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteLanguage(trx, schoolId, code))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, 'parents.language_removed', 'school', schoolId, { code });
  });
  return getParentSettings(deps, schoolId);
}

/** A translation file to fill in: every key with the Dutch text (and English beside it), for a new or an added language. */
export async function translationTemplate(deps: Deps, schoolId: string, code: string) {
  const existing = await repository.findLanguage(deps.db.kysely, schoolId, code);
  const stored = existing ? (JSON.parse(existing.texts) as { texts: Record<string, string>; tsoPage: string | null }) : null;
  const settings = await getParentSettings(deps, schoolId);
  return {
    code,
    name: existing?.name ?? '',
    direction: (existing?.direction as TextDirection | undefined) ?? 'ltr',
    texts: Object.fromEntries(PARENT_TEXT_KEYS.map((key) => [key, stored?.texts[key] ?? PARENT_TEXTS_NL[key]])),
    english: { ...PARENT_TEXTS_EN },
    tsoPage: stored?.tsoPage ?? settings.tsoPage.nl,
  };
}
