import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isLargeEnough } from '../../../shared/anonymity';
import {
  type ConversationStage,
  DEFAULT_GUIDE_SECTIONS,
  DEFAULT_ONBOARDING_TEXTS,
  DEFAULT_RAMP_ITEMS,
  type GuideSectionKind,
  isEvaluationOpen,
  ONBOARDING_LIMITS,
  RAMP_WEEKS,
  rampWeekOn,
  trainByDateOf,
} from '../../../shared/onboarding';
import { FULL_TRAINING_KINDS, type TrainingKind } from '../../../shared/plan';
import { answerProblems, responseScaleOf } from '../../../shared/questionnaire-instrument';
import { isAllowed } from '../../../shared/permissions';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import * as trainingRepository from '../plan/training.repository';
import { scaleResults } from '../questionnaires/scale-results';
import { listStaffChoices } from '../staff/staff.repository';
import { findLocation, listLocations, minGroupSizeOfSchool } from '../tenancy/tenancy.repository';
import * as repository from './onboarding.repository';
import type {
  ConversationFields,
  DraftSection,
  Evaluation,
  EvaluationResults,
  GuideSection,
  GuideView,
  OnboardingHome,
  OnboardingPerson,
  OnboardingSettings,
  PairDetail,
  PairSummary,
  RampItemFields,
  SectionFields,
} from './onboarding.schemas';
import { currentTeamInstrument, teamInstrumentOf } from './team-instruments';

// Onboarding per location (issue 17, seed 004). Need-to-know decides every pair: the newcomer and the buddy see all
// of it (conversation notes too); the chef-buddy of the pair's location and leadership (`school.team.overview`) see
// its progress and that conversations were planned or held, never a note; anyone else gets 404, as if the pair did
// not exist. Guide, ramp template and role texts are the school's content (not personal): every staff member reads
// the published guide; `school.team.manage` edits. Appointing a chef-buddy, pairing and publishing are audited.
// A school's onboarding starts with our default guide draft and ramp the first time anyone opens it.

const collator = new Intl.Collator('nl', { sensitivity: 'base' });
const byName = <T extends { name: string }>(left: T, right: T) => collator.compare(left.name, right.name);

type PairRow = NonNullable<Awaited<ReturnType<typeof repository.findPair>>>;
type SectionRow = Awaited<ReturnType<typeof repository.listSections>>[number];
type Relation = PairDetail['relation'];

/** What the caller is in the school's onboarding. */
interface CallerContext {
  userId: string;
  isLeadership: boolean;
  canManage: boolean;
  canSeeFigures: boolean;
  chefBuddyOf: Set<string>;
}

// ---------- reading ----------

/** Everything the caller sees of the school's onboarding: the guide, their own ramp, the pairs they follow. */
export async function getHome(deps: Deps, caller: StaffCaller, schoolId: string): Promise<OnboardingHome> {
  const db = deps.db.kysely;
  const context = await contextOf(deps, caller, schoolId);
  const [locations, chefBuddies, texts, versions, pairs] = await Promise.all([
    listLocations(db, schoolId),
    repository.listChefBuddies(db, schoolId),
    textsOf(db, schoolId),
    repository.listVersions(db, schoolId),
    repository.listPairs(db, schoolId),
  ]);
  const names = await repository.namesOf(db, [...chefBuddies.map((chef) => chef.user_id), ...pairs.flatMap((pair) => [pair.newcomer_user_id, pair.buddy_user_id])]);
  const own = pairs.find((pair) => pair.newcomer_user_id === caller.userId) ?? null;
  const current = versions[0];
  const guide = current ? await guideViewOf(deps, schoolId, current, true, caller.userId, own?.location_id ?? null) : null;
  const buddyOf = pairs.filter((pair) => pair.buddy_user_id === caller.userId);
  const followed = pairs.filter((pair) => relationOf(context, pair) === 'chef_buddy' || relationOf(context, pair) === 'leadership');
  // Only a chef-buddy pairs, so only a chef-buddy gets the list of colleagues to choose from.
  const isPairing = context.chefBuddyOf.size > 0;
  return {
    canManage: context.canManage,
    canSeeFigures: context.canSeeFigures,
    isLeadership: context.isLeadership,
    chefBuddyOf: [...context.chefBuddyOf],
    locations: locations.map((location) => ({ id: location.id, name: location.name })).sort(byName),
    chefBuddies: chefBuddies.map((chef) => ({ locationId: chef.location_id, user: { id: chef.user_id, name: names.get(chef.user_id) ?? '' } })),
    texts,
    guide,
    olderVersions: versions.slice(1).map((version) => ({ version: version.number, publishedAt: version.published_at })),
    ownPair: own ? await pairDetailOf(deps, schoolId, own, 'newcomer', names) : null,
    buddyPairs: await Promise.all(buddyOf.map((pair) => pairDetailOf(deps, schoolId, pair, 'buddy', names))),
    followedPairs: (await pairSummariesOf(deps, schoolId, followed, names)).sort((left, right) => right.startedOn.localeCompare(left.startedOn) || byName(left.newcomer, right.newcomer)),
    colleagues: isPairing ? (await listStaffChoices(db, schoolId)).map((row) => ({ id: row.id, name: row.name })).sort(byName) : [],
  };
}

/** One pair as the caller may see it; 404 for anyone without a relation to it. */
export async function getPair(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string): Promise<PairDetail> {
  const { pair, relation } = await requirePairFor(deps, caller, schoolId, pairId);
  return pairDetailOf(deps, schoolId, pair, relation);
}

/** An older (or the current) published version of the guide, readable by every staff member. */
export async function getGuideVersion(deps: Deps, caller: StaffCaller, schoolId: string, number: number): Promise<GuideView> {
  const versions = await repository.listVersions(deps.db.kysely, schoolId);
  const version = versions.find((candidate) => candidate.number === number);
  if (!version) throw new AppError('not_found');
  return guideViewOf(deps, schoolId, version, version === versions[0], caller.userId, null);
}

/** The caller confirms that they read a section of the current version (as it last changed). */
export async function confirmSection(deps: Deps, caller: StaffCaller, schoolId: string, sectionId: string): Promise<GuideView> {
  const db = deps.db.kysely;
  const [current] = await repository.listVersions(db, schoolId);
  if (!current) throw new AppError('not_found');
  const section = (await repository.listSections(db, schoolId, current.id)).find((candidate) => candidate.id === sectionId);
  if (!section) throw new AppError('not_found');
  await repository.insertConfirmation(db, {
    school_id: schoolId,
    user_id: caller.userId,
    section_key: section.section_key,
    changed_in: section.changed_in ?? current.number,
    confirmed_at: isoInstant(deps.clock.now()),
  });
  const own = await repository.findPairOfNewcomer(db, schoolId, caller.userId);
  const ownLocation = own ? ((await repository.findPair(db, schoolId, own.id))?.location_id ?? null) : null;
  return guideViewOf(deps, schoolId, current, true, caller.userId, ownLocation);
}

/** The settings page: the guide draft, versions, ramp template, chef-buddies and role texts (school.team.manage). */
export async function getSettings(deps: Deps, schoolId: string): Promise<OnboardingSettings> {
  const db = deps.db.kysely;
  const [draft, versions, rampItems, chefBuddies, texts, staff, locations] = await Promise.all([
    draftSectionsOf(db, schoolId),
    repository.listVersions(db, schoolId),
    rampItemsOf(db, schoolId),
    repository.listChefBuddies(db, schoolId),
    textsOf(db, schoolId),
    listStaffChoices(db, schoolId),
    listLocations(db, schoolId),
  ]);
  const current = versions[0] ? await repository.listSections(db, schoolId, versions[0].id) : [];
  const currentByKey = new Map(current.map((section) => [section.section_key, section]));
  const draftKeys = new Set(draft.map((section) => section.section_key));
  const names = await repository.namesOf(db, [...versions.flatMap((version) => (version.published_by ? [version.published_by] : [])), ...chefBuddies.map((chef) => chef.user_id)]);
  const chefOf = new Map(chefBuddies.map((chef) => [chef.location_id, chef.user_id]));
  return {
    draft: draft.map((section): DraftSection => {
      const published = currentByKey.get(section.section_key);
      return {
        id: section.id,
        key: section.section_key,
        kind: section.kind as GuideSectionKind,
        title: section.title,
        body: section.body,
        locationId: section.location_id,
        position: section.position,
        isChanged: !published || !isSameText(published, section),
      };
    }),
    removedSinceCurrent: current.filter((section) => !draftKeys.has(section.section_key)).length,
    versions: versions.map((version) => ({ version: version.number, publishedAt: version.published_at, publishedBy: version.published_by ? (names.get(version.published_by) ?? null) : null })),
    rampItems: rampItems.map((item) => ({ id: item.id, week: item.week, text: item.text, position: item.position })),
    chefBuddies: locations
      .map((location) => {
        const userId = chefOf.get(location.id);
        return { locationId: location.id, locationName: location.name, user: userId ? { id: userId, name: names.get(userId) ?? '' } : null };
      })
      .sort((left, right) => collator.compare(left.locationName, right.locationName)),
    texts,
    staff: staff.map((row) => ({ id: row.id, name: row.name })).sort(byName),
    locations: locations.map((location) => ({ id: location.id, name: location.name })).sort(byName),
  };
}

// ---------- the guide (school.team.manage) ----------

/** Adds a section to the guide's draft. */
export async function addDraftSection(deps: Deps, schoolId: string, fields: SectionFields): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  await refuseUnknownLocation(deps, schoolId, fields.locationId);
  const draft = await draftSectionsOf(db, schoolId);
  if (draft.length >= ONBOARDING_LIMITS.sections) throw new AppError('validation_failed', { fields: { body: ['too_many_sections'] } });
  const position = Math.min(fields.position ?? draft.length + 1, draft.length + 1);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repository.insertSections(trx, [
      { id, school_id: schoolId, version_id: null, section_key: id, location_id: fields.locationId, kind: fields.kind, title: fields.title, body: fields.body, position: 0, changed_in: null, updated_at: isoInstant(deps.clock.now()) },
    ]);
    await renumberDraft(trx, deps, schoolId, id, position);
  });
  return getSettings(deps, schoolId);
}

/** Changes a section of the guide's draft. */
export async function changeDraftSection(deps: Deps, schoolId: string, sectionId: string, fields: SectionFields): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  const section = await repository.findDraftSection(db, schoolId, sectionId);
  if (!section) throw new AppError('not_found');
  await refuseUnknownLocation(deps, schoolId, fields.locationId);
  await db.transaction().execute(async (trx) => {
    await repository.updateDraftSection(trx, schoolId, section.id, {
      location_id: fields.locationId,
      kind: fields.kind,
      title: fields.title,
      body: fields.body,
      position: section.position,
      updated_at: isoInstant(deps.clock.now()),
    });
    if (fields.position !== undefined) await renumberDraft(trx, deps, schoolId, section.id, fields.position);
  });
  return getSettings(deps, schoolId);
}

/** Removes a section from the draft (published versions keep it; publishing takes it out of the new one). */
export async function removeDraftSection(deps: Deps, schoolId: string, sectionId: string): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  const section = await repository.findDraftSection(db, schoolId, sectionId);
  if (!section) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    await repository.deleteDraftSection(trx, schoolId, section.id);
    await renumberDraft(trx, deps, schoolId, null, 0);
  });
  return getSettings(deps, schoolId);
}

/**
 * Publishes the draft as a new version. A section keeps the version its text last changed in when it is the same
 * as in the current version; a new or changed section gets the new number, so newcomers confirm it (again).
 */
export async function publishGuide(deps: Deps, caller: StaffCaller, schoolId: string): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  await db.transaction().execute(async (trx) => {
    const draft = await repository.listSections(trx, schoolId, null);
    if (draft.length === 0) throw new AppError('validation_failed', { fields: { body: ['guide_empty'] } });
    const [current] = await repository.listVersions(trx, schoolId);
    const previous = current ? new Map((await repository.listSections(trx, schoolId, current.id)).map((section) => [section.section_key, section])) : new Map<string, SectionRow>();
    const number = (current?.number ?? 0) + 1;
    const version = { id: newId(), school_id: schoolId, number, published_by: caller.userId, published_at: isoInstant(deps.clock.now()) };
    await repository.insertVersion(trx, version);
    let changed = 0;
    await repository.insertSections(
      trx,
      draft.map((section) => {
        const before = previous.get(section.section_key);
        const changedIn = before && isSameText(before, section) ? (before.changed_in ?? number) : number;
        if (changedIn === number) changed += 1;
        return { ...section, id: newId(), version_id: version.id, changed_in: changedIn };
      }),
    );
    await audit(trx, deps, caller, schoolId, 'school', schoolId, 'onboarding.guide_published', { version: number, sections: draft.length, changedSections: changed });
  });
  return getSettings(deps, schoolId);
}

// ---------- chef-buddies, ramp template, texts (school.team.manage) ----------

/** Appoints the chef-buddy of a location (a staff member of the school), or (userId null) ends the appointment. */
export async function setChefBuddy(deps: Deps, caller: StaffCaller, schoolId: string, locationId: string, userId: string | null): Promise<OnboardingSettings> {
  const db = deps.db.kysely;
  if (!(await findLocation(db, schoolId, locationId))) throw new AppError('not_found');
  if (userId !== null) await refuseNonStaff(deps, schoolId, userId, 'body.userId');
  const previous = (await repository.listChefBuddies(db, schoolId)).find((chef) => chef.location_id === locationId);
  if ((previous?.user_id ?? null) !== userId) {
    await db.transaction().execute(async (trx) => {
      if (userId === null) await repository.deleteChefBuddy(trx, schoolId, locationId);
      else await repository.upsertChefBuddy(trx, { location_id: locationId, school_id: schoolId, user_id: userId, appointed_by: caller.userId, appointed_at: isoInstant(deps.clock.now()) });
      await audit(trx, deps, caller, schoolId, 'location', locationId, userId === null ? 'onboarding.chef_buddy_removed' : 'onboarding.chef_buddy_appointed', {
        ...(userId ? { userId } : {}),
        ...(previous ? { previousUserId: previous.user_id } : {}),
      });
    });
  }
  return getSettings(deps, schoolId);
}

/** Adds an item to the ramp template. */
export async function addRampItem(deps: Deps, schoolId: string, fields: RampItemFields): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  const items = await rampItemsOf(db, schoolId);
  if (items.length >= ONBOARDING_LIMITS.rampItems) throw new AppError('validation_failed', { fields: { body: ['too_many_items'] } });
  const inWeek = items.filter((item) => item.week === fields.week).length;
  await repository.insertRampItems(db, [{ id: newId(), school_id: schoolId, week: fields.week, position: Math.min(fields.position ?? inWeek + 1, inWeek + 1), text: fields.text, updated_at: isoInstant(deps.clock.now()) }]);
  return getSettings(deps, schoolId);
}

/** Changes an item of the ramp template (its ticks stay). */
export async function changeRampItem(deps: Deps, schoolId: string, itemId: string, fields: RampItemFields): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  const item = await repository.findRampItem(db, schoolId, itemId);
  if (!item) throw new AppError('not_found');
  await repository.updateRampItem(db, schoolId, item.id, { week: fields.week, text: fields.text, position: fields.position ?? item.position, updated_at: isoInstant(deps.clock.now()) });
  return getSettings(deps, schoolId);
}

/** Removes an item of the ramp template, with its ticks (the page asks first). */
export async function removeRampItem(deps: Deps, schoolId: string, itemId: string): Promise<OnboardingSettings> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  const item = await repository.findRampItem(db, schoolId, itemId);
  if (!item) throw new AppError('not_found');
  await repository.deleteRampItem(db, schoolId, item.id);
  return getSettings(deps, schoolId);
}

/** Stores the school's own role texts. */
export async function setTexts(deps: Deps, caller: StaffCaller, schoolId: string, texts: { buddyRole: string; chefBuddyTasks: string }): Promise<OnboardingSettings> {
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.upsertText(trx, { school_id: schoolId, key: 'buddy_role', body: texts.buddyRole, updated_by: caller.userId, updated_at: now });
    await repository.upsertText(trx, { school_id: schoolId, key: 'chef_buddy_tasks', body: texts.chefBuddyTasks, updated_by: caller.userId, updated_at: now });
  });
  return getSettings(deps, schoolId);
}

// ---------- pairs (the chef-buddy of the location) ----------

/** The chef-buddy of a location pairs a new colleague with a buddy, from a start date. */
export async function addPair(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  fields: { locationId: string; newcomerUserId: string; buddyUserId: string; startedOn: string },
): Promise<PairDetail> {
  await ensureSetUp(deps, schoolId);
  const db = deps.db.kysely;
  if (!(await findLocation(db, schoolId, fields.locationId))) {
    throw new AppError('validation_failed', { fields: { 'body.locationId': ['unknown_location'] } });
  }
  const context = await contextOf(deps, caller, schoolId);
  if (!context.chefBuddyOf.has(fields.locationId)) throw new AppError('not_chef_buddy');
  await refuseNonStaff(deps, schoolId, fields.newcomerUserId, 'body.newcomerUserId');
  await refuseNonStaff(deps, schoolId, fields.buddyUserId, 'body.buddyUserId');
  if (fields.newcomerUserId === fields.buddyUserId) throw new AppError('validation_failed', { fields: { 'body.buddyUserId': ['same_as_newcomer'] } });
  if (await repository.findPairOfNewcomer(db, schoolId, fields.newcomerUserId)) throw new AppError('newcomer_already_paired');
  const now = isoInstant(deps.clock.now());
  const row = {
    id: newId(),
    school_id: schoolId,
    location_id: fields.locationId,
    newcomer_user_id: fields.newcomerUserId,
    buddy_user_id: fields.buddyUserId,
    started_on: fields.startedOn,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repository.insertPair(trx, row);
    await audit(trx, deps, caller, schoolId, 'onboarding_pair', row.id, 'onboarding.pair_added', {
      locationId: row.location_id,
      newcomerUserId: row.newcomer_user_id,
      buddyUserId: row.buddy_user_id,
      startedOn: row.started_on,
    });
  });
  return pairDetailOf(deps, schoolId, row, 'chef_buddy');
}

/** The chef-buddy gives a pair another buddy or start date. */
export async function changePair(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, fields: { buddyUserId: string; startedOn: string }): Promise<PairDetail> {
  const { pair } = await requirePairForChefBuddy(deps, caller, schoolId, pairId);
  await refuseNonStaff(deps, schoolId, fields.buddyUserId, 'body.buddyUserId');
  if (fields.buddyUserId === pair.newcomer_user_id) throw new AppError('validation_failed', { fields: { 'body.buddyUserId': ['same_as_newcomer'] } });
  const changes = { buddy_user_id: fields.buddyUserId, started_on: fields.startedOn, updated_at: isoInstant(deps.clock.now()) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updatePair(trx, schoolId, pair.id, changes);
    await audit(trx, deps, caller, schoolId, 'onboarding_pair', pair.id, 'onboarding.pair_changed', {
      buddyUserId: fields.buddyUserId,
      startedOn: fields.startedOn,
      ...(pair.buddy_user_id !== fields.buddyUserId ? { previousBuddyUserId: pair.buddy_user_id } : {}),
    });
  });
  return pairDetailOf(deps, schoolId, { ...pair, ...changes }, 'chef_buddy');
}

/** The chef-buddy ends a pair: its ticks, conversations and evaluation go with it (the page asks first). */
export async function removePair(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string): Promise<void> {
  const { pair } = await requirePairForChefBuddy(deps, caller, schoolId, pairId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deletePair(trx, schoolId, pair.id);
    await audit(trx, deps, caller, schoolId, 'onboarding_pair', pair.id, 'onboarding.pair_removed', { newcomerUserId: pair.newcomer_user_id, buddyUserId: pair.buddy_user_id });
  });
}

// ---------- the ramp and conversations (newcomer and buddy) ----------

/** The newcomer or the buddy ticks an item of the ramp, or takes the tick away. */
export async function setTick(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, itemId: string, isTicked: boolean): Promise<PairDetail> {
  await ensureSetUp(deps, schoolId);
  const { pair, relation } = await requirePairMember(deps, caller, schoolId, pairId);
  const item = await repository.findRampItem(deps.db.kysely, schoolId, itemId);
  if (!item) throw new AppError('not_found');
  if (isTicked) await repository.insertTick(deps.db.kysely, { pair_id: pair.id, item_id: item.id, ticked_by: caller.userId, ticked_at: isoInstant(deps.clock.now()) });
  else await repository.deleteTick(deps.db.kysely, pair.id, item.id);
  return pairDetailOf(deps, schoolId, pair, relation);
}

/** The newcomer or the buddy plans a conversation (perhaps already held, with a short note). */
export async function addConversation(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, fields: ConversationFields): Promise<PairDetail> {
  const { pair, relation } = await requirePairMember(deps, caller, schoolId, pairId);
  if ((await repository.listConversations(deps.db.kysely, [pair.id])).length >= ONBOARDING_LIMITS.conversations) {
    throw new AppError('validation_failed', { fields: { body: ['too_many_conversations'] } });
  }
  const id = newId();
  const now = isoInstant(deps.clock.now());
  await repository.insertConversation(deps.db.kysely, {
    id,
    school_id: schoolId,
    pair_id: pair.id,
    planned_on: fields.plannedOn,
    held_on: fields.heldOn,
    stage: fields.stage,
    note_encrypted: await sealNote(deps, id, fields.note),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  });
  return pairDetailOf(deps, schoolId, pair, relation);
}

/** The newcomer or the buddy changes a conversation: its dates, its 4D step, its note. */
export async function changeConversation(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, conversationId: string, fields: ConversationFields): Promise<PairDetail> {
  const { pair, relation } = await requirePairMember(deps, caller, schoolId, pairId);
  const conversation = await repository.findConversation(deps.db.kysely, pair.id, conversationId);
  if (!conversation) throw new AppError('not_found');
  await repository.updateConversation(deps.db.kysely, pair.id, conversation.id, {
    planned_on: fields.plannedOn,
    held_on: fields.heldOn,
    stage: fields.stage,
    note_encrypted: await sealNote(deps, conversation.id, fields.note),
    updated_at: isoInstant(deps.clock.now()),
  });
  return pairDetailOf(deps, schoolId, pair, relation);
}

/** The newcomer or the buddy removes a conversation. */
export async function removeConversation(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, conversationId: string): Promise<void> {
  const { pair } = await requirePairMember(deps, caller, schoolId, pairId);
  const conversation = await repository.findConversation(deps.db.kysely, pair.id, conversationId);
  if (!conversation) throw new AppError('not_found');
  await repository.deleteConversation(deps.db.kysely, pair.id, conversation.id);
}

// ---------- the newcomer's evaluation ----------

/** The newcomer's evaluation of the onboarding: the questions, their answers so far, whether it is handed in. */
export async function getEvaluation(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string): Promise<Evaluation> {
  const pair = await requireOwnPair(deps, caller, schoolId, pairId);
  return evaluationOf(deps, pair, await repository.findEvaluation(deps.db.kysely, pair.id));
}

/** Saves the newcomer's answers; `submit` hands them in (every item answered), after which nothing changes. */
export async function saveEvaluation(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string, body: { answers: Record<string, number>; submit: boolean }): Promise<Evaluation> {
  const pair = await requireOwnPair(deps, caller, schoolId, pairId);
  if (!isEvaluationOpen(pair.started_on, schoolDateOf(deps.clock.now()))) throw new AppError('evaluation_not_open');
  const stored = await repository.findEvaluation(deps.db.kysely, pair.id);
  if (stored?.submitted_at) throw new AppError('evaluation_submitted');
  const instrument = stored ? teamInstrumentOf(stored.instrument_id, stored.instrument_version) : currentTeamInstrument('onboarding-evaluation');
  const answers = new Map(Object.entries(body.answers));
  const problems = answerProblems(instrument, answers);
  if (body.submit) for (const item of instrument.items) if (!answers.has(item.id)) problems[item.id] ??= 'not_answered';
  if (Object.keys(problems).length > 0) {
    throw new AppError('validation_failed', { fields: Object.fromEntries(Object.entries(problems).map(([itemId, problem]) => [`body.answers.${itemId}`, [problem]])) });
  }
  const now = isoInstant(deps.clock.now());
  const row = {
    pair_id: pair.id,
    school_id: schoolId,
    instrument_id: instrument.id,
    instrument_version: instrument.version,
    answers_json: JSON.stringify(Object.fromEntries(answers)),
    submitted_at: body.submit ? now : null,
    updated_at: now,
  };
  await repository.upsertEvaluation(deps.db.kysely, row);
  return evaluationOf(deps, pair, row);
}

/** The evaluations' figures per scale for the school, under THE k rule (scaleResults of the engine). */
export async function getEvaluationResults(deps: Deps, schoolId: string): Promise<EvaluationResults> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfSchool(db, schoolId);
  const instrument = currentTeamInstrument('onboarding-evaluation');
  // Every version keeps its item ids, so answers given on an older version count on the current one's scales.
  const submitted = await repository.listSubmittedEvaluations(db, schoolId);
  const responses = submitted.map((row, index) => ({
    respondent: String(index),
    group: 'school',
    answers: new Map(Object.entries(JSON.parse(row.answers_json) as Record<string, number>)),
  }));
  const results = isLargeEnough(responses.length, k) ? scaleResults(instrument, responses, k) : instrument.scales.map((scale) => ({ scale: scale.id, whole: { hidden: true as const } }));
  return {
    k,
    submitted: responses.length,
    scales: results.map((result) => {
      const scale = instrument.scales.find((candidate) => candidate.id === result.scale)!;
      return { id: scale.id, name: scale.name, figures: result.whole };
    }),
  };
}

// ---------- need-to-know ----------

async function contextOf(deps: Deps, caller: StaffCaller, schoolId: string): Promise<CallerContext> {
  const target = { schoolId, schoolBoardId: caller.schoolBoardId };
  const chefBuddies = await repository.listChefBuddies(deps.db.kysely, schoolId);
  return {
    userId: caller.userId,
    isLeadership: isAllowed(caller.actor, 'school.team.overview', target),
    canManage: isAllowed(caller.actor, 'school.team.manage', target),
    canSeeFigures: isAllowed(caller.actor, 'school.team.figures', target),
    chefBuddyOf: new Set(chefBuddies.filter((chef) => chef.user_id === caller.userId).map((chef) => chef.location_id)),
  };
}

// The closest relation wins: one's own ramp before being its buddy, before following it.
function relationOf(context: CallerContext, pair: PairRow): Relation | null {
  if (pair.newcomer_user_id === context.userId) return 'newcomer';
  if (pair.buddy_user_id === context.userId) return 'buddy';
  if (pair.location_id !== null && context.chefBuddyOf.has(pair.location_id)) return 'chef_buddy';
  if (context.isLeadership) return 'leadership';
  return null;
}

async function requirePairFor(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string): Promise<{ pair: PairRow; relation: Relation }> {
  const pair = await repository.findPair(deps.db.kysely, schoolId, pairId);
  const relation = pair ? relationOf(await contextOf(deps, caller, schoolId), pair) : null;
  if (!pair || !relation) throw new AppError('not_found');
  return { pair, relation };
}

async function requirePairMember(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string) {
  const found = await requirePairFor(deps, caller, schoolId, pairId);
  if (found.relation !== 'newcomer' && found.relation !== 'buddy') throw new AppError('not_in_pair');
  return found;
}

// Pairing is the chef-buddy's task; the newcomer and buddy of a pair are not its chef-buddy unless also appointed.
async function requirePairForChefBuddy(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string) {
  const found = await requirePairFor(deps, caller, schoolId, pairId);
  const context = await contextOf(deps, caller, schoolId);
  if (found.pair.location_id === null || !context.chefBuddyOf.has(found.pair.location_id)) throw new AppError('not_chef_buddy');
  return found;
}

// The evaluation is the newcomer's own: anyone else (the buddy too) gets 404.
async function requireOwnPair(deps: Deps, caller: StaffCaller, schoolId: string, pairId: string): Promise<PairRow> {
  const pair = await repository.findPair(deps.db.kysely, schoolId, pairId);
  if (!pair || pair.newcomer_user_id !== caller.userId) throw new AppError('not_found');
  return pair;
}

// ---------- building answers ----------

async function pairSummariesOf(deps: Deps, schoolId: string, pairs: readonly PairRow[], names?: Map<string, string>): Promise<PairSummary[]> {
  if (pairs.length === 0) return [];
  const db = deps.db.kysely;
  const ids = pairs.map((pair) => pair.id);
  const [items, ticks, conversations, versions, known] = await Promise.all([
    rampItemsOf(db, schoolId),
    repository.listTicks(db, ids),
    repository.listConversations(db, ids),
    repository.listVersions(db, schoolId),
    names ? Promise.resolve(names) : repository.namesOf(db, pairs.flatMap((pair) => [pair.newcomer_user_id, pair.buddy_user_id])),
  ]);
  const current = versions[0] ? await repository.listSections(db, schoolId, versions[0].id) : [];
  const today = schoolDateOf(deps.clock.now());
  return Promise.all(
    pairs.map(async (pair) => {
      const pairTicks = new Set(ticks.filter((tick) => tick.pair_id === pair.id).map((tick) => tick.item_id));
      const pairConversations = conversations.filter((conversation) => conversation.pair_id === pair.id);
      const sections = sectionsFor(current, pair.location_id);
      const confirmations = await repository.listConfirmations(db, schoolId, pair.newcomer_user_id);
      const evaluation = await repository.findEvaluation(db, pair.id);
      return {
        id: pair.id,
        locationId: pair.location_id,
        newcomer: { id: pair.newcomer_user_id, name: known.get(pair.newcomer_user_id) ?? '' },
        buddy: { id: pair.buddy_user_id, name: known.get(pair.buddy_user_id) ?? '' },
        startedOn: pair.started_on,
        week: rampWeekOn(pair.started_on, today),
        progress: RAMP_WEEKS.map((week) => {
          const inWeek = items.filter((item) => item.week === week);
          return { week, ticked: inWeek.filter((item) => pairTicks.has(item.id)).length, total: inWeek.length };
        }),
        conversationsPlanned: pairConversations.length,
        conversationsHeld: pairConversations.filter((conversation) => conversation.held_on !== null).length,
        guideConfirmed: sections.filter((section) => confirmations.some((confirmation) => isConfirmation(confirmation, section, versions[0]?.number ?? 0))).length,
        guideSections: sections.length,
        evaluationSubmitted: Boolean(evaluation?.submitted_at),
      };
    }),
  );
}

async function pairDetailOf(deps: Deps, schoolId: string, pair: PairRow, relation: Relation, names?: Map<string, string>): Promise<PairDetail> {
  const db = deps.db.kysely;
  const [[summary], items, ticks, conversations, training] = await Promise.all([
    pairSummariesOf(deps, schoolId, [pair], names),
    rampItemsOf(db, schoolId),
    repository.listTicks(db, [pair.id]),
    repository.listConversations(db, [pair.id]),
    trainingOf(db, schoolId, pair),
  ]);
  const ticked = new Set(ticks.map((tick) => tick.item_id));
  const mayReadNotes = relation === 'newcomer' || relation === 'buddy';
  return {
    ...summary!,
    relation,
    ramp: RAMP_WEEKS.map((week) => ({
      week,
      items: items.filter((item) => item.week === week).map((item) => ({ id: item.id, text: item.text, isTicked: ticked.has(item.id) })),
    })),
    conversations: await Promise.all(
      conversations.map(async (conversation) => ({
        id: conversation.id,
        plannedOn: conversation.planned_on,
        heldOn: conversation.held_on,
        stage: conversation.stage as ConversationStage,
        note: mayReadNotes ? await openNote(deps, conversation.id, conversation.note_encrypted) : null,
      })),
    ),
    training,
  };
}

/**
 * The newcomer's new-staff TSO training from the training register: one they took part in (done), else the first
 * new-staff training on or after their start date (planned), else due by the start date + TRAIN_BY_WEEKS.
 */
async function trainingOf(db: Kysely<Database>, schoolId: string, pair: PairRow): Promise<PairDetail['training']> {
  const [trainings, participants] = await Promise.all([trainingRepository.listTrainings(db, [schoolId]), trainingRepository.listParticipants(db, [schoolId])]);
  const joined = new Set(participants.filter((participant) => participant.user_id === pair.newcomer_user_id).map((participant) => participant.training_id));
  const full = trainings.filter((training) => FULL_TRAINING_KINDS.includes(training.kind as TrainingKind));
  const done = full.filter((training) => joined.has(training.id)).at(-1);
  if (done) return { status: 'done', date: done.held_on, title: done.title };
  const planned = trainings.find((training) => training.kind === 'new_staff' && training.held_on >= pair.started_on);
  if (planned) return { status: 'planned', date: planned.held_on, title: planned.title };
  return { status: 'due', date: trainByDateOf(pair.started_on), title: null };
}

async function guideViewOf(
  deps: Deps,
  schoolId: string,
  version: { id: string; number: number; published_at: string },
  isCurrent: boolean,
  userId: string,
  ownLocationId: string | null,
): Promise<GuideView> {
  const db = deps.db.kysely;
  const [rows, confirmations] = await Promise.all([repository.listSections(db, schoolId, version.id), repository.listConfirmations(db, schoolId, userId)]);
  // A newcomer with a pair reads the whole school's sections and their own location's; everyone else reads all.
  const shown = ownLocationId === null ? rows : sectionsFor(rows, ownLocationId);
  return {
    version: version.number,
    publishedAt: version.published_at,
    isCurrent,
    sections: shown.map((row): GuideSection => {
      const changedIn = row.changed_in ?? version.number;
      const mine = confirmations.filter((confirmation) => confirmation.section_key === row.section_key);
      const isConfirmed = mine.some((confirmation) => confirmation.changed_in === changedIn);
      return {
        id: row.id,
        key: row.section_key,
        kind: row.kind as GuideSectionKind,
        title: row.title,
        body: row.body,
        locationId: row.location_id,
        changedIn,
        isConfirmed,
        hasChangedSinceConfirmed: !isConfirmed && mine.some((confirmation) => confirmation.changed_in < changedIn),
      };
    }),
  };
}

async function evaluationOf(deps: Deps, pair: PairRow, stored: { instrument_id: string; instrument_version: string; answers_json: string; submitted_at: string | null } | undefined): Promise<Evaluation> {
  const instrument = stored ? teamInstrumentOf(stored.instrument_id, stored.instrument_version) : currentTeamInstrument('onboarding-evaluation');
  const scale = responseScaleOf(instrument, instrument.items[0]!);
  return {
    instrument: {
      id: instrument.id,
      version: instrument.version,
      name: instrument.name,
      description: instrument.description,
      items: instrument.items.map((item) => ({ id: item.id, text: item.text })),
      options: scale.options.map((option) => ({ value: option.value, label: option.label })),
    },
    isOpen: isEvaluationOpen(pair.started_on, schoolDateOf(deps.clock.now())),
    answers: stored ? (JSON.parse(stored.answers_json) as Record<string, number>) : {},
    submittedAt: stored?.submitted_at ?? null,
  };
}

// ---------- helpers ----------

function sectionsFor<T extends { location_id: string | null }>(sections: readonly T[], locationId: string | null): T[] {
  return sections.filter((section) => section.location_id === null || section.location_id === locationId);
}

function isConfirmation(confirmation: { section_key: string; changed_in: number }, section: SectionRow, currentNumber: number): boolean {
  return confirmation.section_key === section.section_key && confirmation.changed_in === (section.changed_in ?? currentNumber);
}

function isSameText(left: Pick<SectionRow, 'kind' | 'title' | 'body' | 'location_id'>, right: Pick<SectionRow, 'kind' | 'title' | 'body' | 'location_id'>): boolean {
  return left.kind === right.kind && left.title === right.title && left.body === right.body && left.location_id === right.location_id;
}

async function textsOf(db: Kysely<Database>, schoolId: string): Promise<OnboardingHome['texts']> {
  const own = new Map((await repository.listTexts(db, schoolId)).map((row) => [row.key, row.body]));
  return {
    buddyRole: own.get('buddy_role') ?? DEFAULT_ONBOARDING_TEXTS.buddy_role,
    chefBuddyTasks: own.get('chef_buddy_tasks') ?? DEFAULT_ONBOARDING_TEXTS.chef_buddy_tasks,
  };
}

// A school starts with our default guide draft and ramp template. Reading never writes (a GET changes nothing):
// until the school first changes its onboarding, the reads show the defaults under ids derived from the school, and
// the first change stores exactly those rows (same ids), so a default section or ramp item the page showed can be
// changed, removed or ticked at once. The setup row makes sure they are stored once.

/** The default draft and ramp template of a school, with the ids they get when they are stored. */
function defaultRowsOf(schoolId: string, now: string) {
  const sections = DEFAULT_GUIDE_SECTIONS.map((section, index) => {
    const id = defaultIdOf(schoolId, `guide-section-${index + 1}`);
    return { id, school_id: schoolId, version_id: null, section_key: id, location_id: null, kind: section.kind, title: section.title, body: section.body, position: index + 1, changed_in: null, updated_at: now };
  });
  const positions = new Map<number, number>();
  const rampItems = DEFAULT_RAMP_ITEMS.map((item, index) => {
    const position = (positions.get(item.week) ?? 0) + 1;
    positions.set(item.week, position);
    return { id: defaultIdOf(schoolId, `ramp-item-${index + 1}`), school_id: schoolId, week: item.week, position, text: item.text, updated_at: now };
  });
  return { sections, rampItems };
}

/** A UUID (version 5 layout) derived from the school and a name: the same default row gets the same id every time. */
function defaultIdOf(schoolId: string, name: string): string {
  const hex = createHash('sha256').update(`groeiwijzer:onboarding:${schoolId}:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The guide's draft sections: the stored ones, or the defaults while the school has not changed its onboarding. */
async function draftSectionsOf(db: Kysely<Database>, schoolId: string) {
  if (await repository.isSetUp(db, schoolId)) return repository.listSections(db, schoolId, null);
  return defaultRowsOf(schoolId, '').sections;
}

/** The ramp template: the stored items, or the defaults while the school has not changed its onboarding. */
async function rampItemsOf(db: Kysely<Database>, schoolId: string) {
  if (await repository.isSetUp(db, schoolId)) return repository.listRampItems(db, schoolId);
  return defaultRowsOf(schoolId, '').rampItems;
}

// Stores the defaults (under the ids the reads showed) before the school's first change.
async function ensureSetUp(deps: Deps, schoolId: string): Promise<void> {
  if (await repository.isSetUp(deps.db.kysely, schoolId)) return;
  const { sections, rampItems } = defaultRowsOf(schoolId, isoInstant(deps.clock.now()));
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.claimSetup(trx, schoolId, sections[0]!.updated_at))) return;
    await repository.insertSections(trx, sections);
    await repository.insertRampItems(trx, rampItems);
  });
}

// Puts `movedId` at `position` (1-based) and numbers the draft 1…n without gaps.
async function renumberDraft(trx: Kysely<Database>, deps: Deps, schoolId: string, movedId: string | null, position: number): Promise<void> {
  const draft = await repository.listSections(trx, schoolId, null);
  const moved = draft.find((section) => section.id === movedId);
  const others = draft.filter((section) => section.id !== movedId);
  if (moved) others.splice(Math.max(0, Math.min(position - 1, others.length)), 0, moved);
  const now = isoInstant(deps.clock.now());
  for (const [index, section] of others.entries()) {
    if (section.position !== index + 1) {
      await repository.updateDraftSection(trx, schoolId, section.id, { location_id: section.location_id, kind: section.kind, title: section.title, body: section.body, position: index + 1, updated_at: now });
    }
  }
}

async function refuseUnknownLocation(deps: Deps, schoolId: string, locationId: string | null): Promise<void> {
  if (locationId === null) return;
  if (!(await findLocation(deps.db.kysely, schoolId, locationId))) {
    throw new AppError('validation_failed', { fields: { 'body.locationId': ['unknown_location'] } });
  }
}

async function refuseNonStaff(deps: Deps, schoolId: string, userId: string, field: string): Promise<void> {
  if (!(await listStaffChoices(deps.db.kysely, schoolId)).some((member: OnboardingPerson) => member.id === userId)) {
    throw new AppError('validation_failed', { fields: { [field]: ['not_staff'] } });
  }
}

async function sealNote(deps: Deps, conversationId: string, note: string): Promise<string> {
  // An empty note holds nothing to protect and is stored as it is.
  return note === '' ? '' : deps.fieldCrypto.encrypt(encryptedFieldRef('team_buddy_conversations', 'note_encrypted', [conversationId]), note);
}

async function openNote(deps: Deps, conversationId: string, stored: string): Promise<string> {
  return stored === '' ? '' : deps.fieldCrypto.decrypt(encryptedFieldRef('team_buddy_conversations', 'note_encrypted', [conversationId]), stored);
}

// One audit event inside the write's transaction: ids and dates in the detail, never a text.
async function audit(trx: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, targetType: string, targetId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, { actorUserId: caller.userId, action, targetType, targetId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
