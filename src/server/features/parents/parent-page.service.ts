import { type AceAnswer } from '../../../shared/aces';
import { DEFAULT_TSO_PAGE, PARENT_TEXTS_EN, PARENT_TEXTS_NL, type ParentTexts } from '../../../shared/parent-wording';
import { isCareTeamOnlyInstrument, needsParentConsent, PARENT_ACE_ANSWER_OF_VALUE, PARENT_INSTRUMENTS, PARENT_LIMITS, type TextDirection } from '../../../shared/parents';
import { answerProblems, type Instrument } from '../../../shared/questionnaire-instrument';
import { recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { recordParentAces } from '../care/care.service';
import * as researchRepository from '../research/research.repository';
import { findSchool } from '../tenancy/tenancy.repository';
import type { ParentCaller } from './parent-access.service';
import type { ParentHome, ParentQuestionnaire } from './parent-page.schemas';
import { parentInstrumentOf } from './parent-instruments';
import { openAnswers } from './parents.service';
import * as repository from './parents.repository';

// What a parent does on their parent page (issue 16): read the school's TSO page, answer the questionnaires sent to
// them, see and correct their contact details, say whether their child takes part in research, ask for a
// conversation. Every query is about the session's parent and the children they may see (linked, not excluded, still
// at the school): anything else answers 404, whoever's id is in the path.

/** The parent's children they may see, by id. */
async function visibleChildrenOf(deps: Deps, parent: ParentCaller) {
  return repository.listVisibleChildren(deps.db.kysely, parent.parentId);
}

async function requireChild(deps: Deps, parent: ParentCaller, pupilId: string) {
  const child = (await visibleChildrenOf(deps, parent)).find((candidate) => candidate.id === pupilId);
  if (!child) throw new AppError('not_found');
  return child;
}

async function requireParentRow(deps: Deps, parent: ParentCaller) {
  const row = await repository.findParent(deps.db.kysely, parent.parentId);
  if (!row || row.school_id !== parent.schoolId) throw new AppError('not_authenticated');
  return row;
}

/** The page's words in a language: Dutch, English, or a school's translation over Dutch (a missing key shows in Dutch). */
async function wordingOf(deps: Deps, schoolId: string, code: string): Promise<{ code: string; direction: TextDirection; texts: ParentTexts; tsoPage: string | null }> {
  if (code === 'nl') return { code, direction: 'ltr', texts: PARENT_TEXTS_NL, tsoPage: null };
  if (code === 'en') return { code, direction: 'ltr', texts: PARENT_TEXTS_EN, tsoPage: null };
  const language = await repository.findLanguage(deps.db.kysely, schoolId, code);
  if (!language) return { code: 'nl', direction: 'ltr', texts: PARENT_TEXTS_NL, tsoPage: null };
  const file = JSON.parse(language.texts) as { texts: Partial<ParentTexts>; tsoPage: string | null };
  return { code, direction: language.direction as TextDirection, texts: { ...PARENT_TEXTS_NL, ...file.texts }, tsoPage: file.tsoPage };
}

/** Everything the parent page shows, in the parent's language. */
export async function getParentHome(deps: Deps, parent: ParentCaller): Promise<ParentHome> {
  const db = deps.db.kysely;
  const row = await requireParentRow(deps, parent);
  const school = await findSchool(db, parent.schoolId);
  if (!school) throw new AppError('not_authenticated');
  const wording = await wordingOf(deps, parent.schoolId, row.language);
  const children = await visibleChildrenOf(deps, parent);
  const objecting = await researchRepository.listObjectingPupilIds(db, parent.schoolId);
  const openRequests = await repository.listOpenRequestsOfParent(db, parent.parentId);
  const page = await repository.findSchoolPage(db, parent.schoolId);
  const tsoPage = wording.tsoPage ?? (wording.code === 'en' ? (page?.text_en ?? DEFAULT_TSO_PAGE.en) : (page?.text_nl ?? DEFAULT_TSO_PAGE.nl));
  const textLocale = wording.code === 'en' ? 'en' : 'nl';
  const questionnaires = await Promise.all(
    (await repository.listQuestionnairesOfParent(db, parent.parentId, children.map((child) => child.id))).map(async (questionnaire): Promise<ParentQuestionnaire> => {
      const instrument = parentInstrumentOf(questionnaire.instrument_id, questionnaire.instrument_version);
      return {
        id: questionnaire.id,
        childId: questionnaire.pupil_id,
        childFirstName: children.find((child) => child.id === questionnaire.pupil_id)?.first_name ?? '',
        name: instrument.name[textLocale],
        description: instrument.description[textLocale],
        careTeamOnly: isCareTeamOnlyInstrument(instrument.id),
        needsConsent: needsParentConsent(instrument.id),
        consentGiven: questionnaire.consent_at !== null,
        items: instrument.items.map((item) => ({
          id: item.id,
          text: item.text[textLocale],
          options: (instrument.responseScales.find((scale) => scale.id === item.responseScale)?.options ?? []).map((option) => ({ value: option.value, label: option.label[textLocale] })),
        })),
        myAnswers: await openAnswers(deps, questionnaire.id, questionnaire.answers_encrypted),
        note: questionnaire.note_encrypted === '' ? '' : await deps.fieldCrypto.decrypt(encryptedFieldRef('parent_questionnaires', 'note_encrypted', [questionnaire.id]), questionnaire.note_encrypted),
        isComplete: questionnaire.is_complete === 1,
      };
    }),
  );
  const languages = [{ code: 'nl', name: 'Nederlands' }, { code: 'en', name: 'English' }, ...(await repository.listLanguages(db, parent.schoolId)).map((language) => ({ code: language.code, name: language.name }))];
  return {
    csrfToken: parent.csrfToken,
    language: wording.code,
    direction: wording.direction,
    texts: wording.texts,
    languages,
    school: { name: school.name },
    parent: { name: row.name, email: row.email, phone: row.phone },
    children: children.map((child) => ({
      id: child.id,
      firstName: child.first_name,
      takesPartInResearch: !objecting.has(child.id),
      openRequestSince: openRequests.find((request) => request.pupil_id === child.id)?.created_at ?? null,
    })),
    tsoPage,
    questionnaires,
  };
}

/** The parent chooses the language of their page (nl, en or one the school added). */
export async function chooseLanguage(deps: Deps, parent: ParentCaller, code: string): Promise<void> {
  if (code !== 'nl' && code !== 'en' && !(await repository.findLanguage(deps.db.kysely, parent.schoolId, code))) {
    throw new AppError('validation_failed', { fields: { 'body.code': ['unknown_language'] } });
  }
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateParent(trx, parent.parentId, { language: code, updated_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.language_chosen', targetType: 'parent', targetId: parent.parentId, schoolId: parent.schoolId, detail: { code } });
  });
}

/** The parent corrects the contact details the school holds; the staff page shows that they did. */
export async function correctDetails(deps: Deps, parent: ParentCaller, details: { email: string | null; phone: string | null }): Promise<void> {
  const row = await requireParentRow(deps, parent);
  const changed = (['email', 'phone'] as const).filter((key) => details[key] !== row[key]);
  if (changed.length === 0) return;
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateParent(trx, parent.parentId, { ...details, details_corrected_at: now, updated_at: now });
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.details_corrected', targetType: 'parent', targetId: parent.parentId, schoolId: parent.schoolId, detail: { changed } });
  });
}

/** The parent says whether their child takes part in research (no: the child's answers stay out of every study). */
export async function setResearchConsent(deps: Deps, parent: ParentCaller, pupilId: string, takesPart: boolean): Promise<void> {
  await requireChild(deps, parent, pupilId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const changed = takesPart
      ? await researchRepository.deleteObjection(trx, pupilId)
      : await researchRepository.insertObjection(trx, { pupil_id: pupilId, school_id: parent.schoolId, recorded_by: null, created_at: isoInstant(deps.clock.now()) });
    if (changed) {
      await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.research_consent_changed', targetType: 'pupil', targetId: pupilId, schoolId: parent.schoolId, detail: { parentId: parent.parentId, takesPart } });
    }
  });
}

/** The parent asks for a conversation about one child; a few open requests at most. */
export async function requestConversation(deps: Deps, parent: ParentCaller, pupilId: string, message: string): Promise<void> {
  await requireChild(deps, parent, pupilId);
  if (message.trim() === '') throw new AppError('validation_failed', { fields: { 'body.message': ['required'] } });
  const db = deps.db.kysely;
  if ((await repository.listOpenRequestsOfParent(db, parent.parentId)).length >= PARENT_LIMITS.openConversationRequestsMax) throw new AppError('parent_requests_limit');
  const id = newId();
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('parent_conversation_requests', 'message_encrypted', [id]), message.trim());
  await db.transaction().execute(async (trx) => {
    await repository.insertConversationRequest(trx, { id, school_id: parent.schoolId, parent_id: parent.parentId, pupil_id: pupilId, message_encrypted: sealed, created_at: isoInstant(deps.clock.now()), handled_at: null, handled_by: null });
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.conversation_requested', targetType: 'pupil', targetId: pupilId, schoolId: parent.schoolId, detail: { parentId: parent.parentId, requestId: id } });
  });
}

async function requireQuestionnaire(deps: Deps, parent: ParentCaller, questionnaireId: string) {
  const row = await repository.findQuestionnaireOfParent(deps.db.kysely, parent.parentId, questionnaireId);
  if (!row) throw new AppError('not_found');
  await requireChild(deps, parent, row.pupil_id);
  return row;
}

/** The parent says yes to a questionnaire about themselves, after reading who sees the answers. */
export async function giveConsent(deps: Deps, parent: ParentCaller, questionnaireId: string): Promise<void> {
  const row = await requireQuestionnaire(deps, parent, questionnaireId);
  if (!needsParentConsent(row.instrument_id) || row.consent_at !== null) return;
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateQuestionnaire(trx, row.id, { consent_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.consent_given', targetType: 'parent', targetId: parent.parentId, schoolId: parent.schoolId, detail: { questionnaireId, instrumentId: row.instrument_id } });
  });
}

/**
 * Saves the parent's answers so far (any question may stay unanswered; partial answers are kept), replacing what
 * they saved before. ACE answers also land in the care team's ACE view as the `parent` informant — the ones that
 * changed, so the view's history shows when a parent changed their mind.
 */
export async function saveParentAnswers(deps: Deps, parent: ParentCaller, questionnaireId: string, body: { answers: Record<string, number | null>; note?: string | undefined }) {
  const row = await requireQuestionnaire(deps, parent, questionnaireId);
  if (needsParentConsent(row.instrument_id) && row.consent_at === null) throw new AppError('parent_consent_needed');
  const instrument: Instrument = parentInstrumentOf(row.instrument_id, row.instrument_version);
  const given = new Map(Object.entries(body.answers).flatMap(([itemId, value]) => (value === null ? [] : [[itemId, value] as const])));
  const problems = answerProblems(instrument, given);
  for (const itemId of Object.keys(body.answers)) if (!instrument.items.some((item) => item.id === itemId)) problems[itemId] = 'not an item of this instrument';
  if (Object.keys(problems).length > 0) {
    throw new AppError('validation_failed', { fields: Object.fromEntries(Object.entries(problems).map(([itemId, problem]) => [`body.answers.${itemId}`, [problem]])) });
  }
  const before = await openAnswers(deps, row.id, row.answers_encrypted);
  const stored = Object.fromEntries(instrument.items.flatMap((item) => (given.has(item.id) ? [[item.id, given.get(item.id)!]] : [])));
  const isComplete = given.size === instrument.items.length;
  const note = body.note?.trim();
  const sealedAnswers = await deps.fieldCrypto.encrypt(encryptedFieldRef('parent_questionnaires', 'answers_encrypted', [row.id]), JSON.stringify(stored));
  const sealedNote = note === undefined ? row.note_encrypted : note === '' ? '' : await deps.fieldCrypto.encrypt(encryptedFieldRef('parent_questionnaires', 'note_encrypted', [row.id]), note);
  const aceChanges: { category: string; answer: AceAnswer }[] =
    row.instrument_id === PARENT_INSTRUMENTS.aces
      ? instrument.items.flatMap((item) => {
          const [now, then] = [stored[item.id], before[item.id]];
          if (now === then) return [];
          return [{ category: item.id, answer: now === undefined ? 'unknown' : (PARENT_ACE_ANSWER_OF_VALUE[now] ?? 'unknown') }];
        })
      : [];
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateQuestionnaire(trx, row.id, { answers_encrypted: sealedAnswers, note_encrypted: sealedNote, answered: given.size, is_complete: isComplete ? 1 : 0, updated_at: isoInstant(deps.clock.now()) });
    const acesRecorded = aceChanges.length > 0 ? await recordParentAces(trx, deps, { schoolId: parent.schoolId, pupilId: row.pupil_id }, aceChanges) : 0;
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'parent.questionnaire_answered',
      targetType: 'pupil',
      targetId: row.pupil_id,
      schoolId: parent.schoolId,
      detail: { parentId: parent.parentId, questionnaireId: row.id, instrumentId: row.instrument_id, answered: given.size, acesRecorded },
    });
  });
  return { answered: given.size, items: instrument.items.length, isComplete };
}
