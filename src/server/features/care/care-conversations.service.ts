import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { closedPeriodsOf } from '../checkin/checkin-teacher.service';
import { firstSchoolDayFrom } from '../checkin/signals';
import * as repository from './care-conversations.repository';
import type { CareConversationsTable } from './care-conversations.tables';
import type { ChangeConversationBody, Conversation, ConversationFields, Conversations } from './care-conversations.schemas';
import { auditRead, auditWrite, careAccessOf, requirePupil } from './care.service';

// Pupil conversations (kindgesprekken, issue 14). A teacher plans and holds conversations with the pupils of their
// classes, the care team with any pupil; a break-glass opening never reaches them (it reads the plan only).
//
// Who reads what of a conversation:
// - everyone who may see the pupil's conversations sees every one of them: its dates, its author and whether
//   something of it was shared with the care team;
// - the note is its author's own: nobody else reads it — not the pupil's other teachers, not the care team;
// - the part the pupil agreed to share ("for the care team") is read by the author and, once the conversation is
//   marked shared, by the care team; never by the pupil's other teachers.
// Only the author changes or removes a conversation (403 `not_own_conversation`): the note is theirs.

/** The first day of the months of the three conversations a year: October, February, June (month, in which half). */
const YEAR_CONVERSATION_MONTHS = [
  { month: '10', inSecondYear: false },
  { month: '02', inSecondYear: true },
  { month: '06', inSecondYear: true },
] as const;

type ConversationRow = NonNullable<Awaited<ReturnType<typeof repository.findConversation>>>;

/** The pupil's conversations, each as the caller may read it (see the rule above). */
export async function listConversations(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<Conversations> {
  const via = await requireConversationAccess(deps, caller, schoolId, pupilId);
  const rows = await repository.listConversations(deps.db.kysely, schoolId, pupilId);
  const conversations = await Promise.all(rows.map((row) => conversationOf(deps, caller, via, row)));
  await auditRead(deps, caller, schoolId, pupilId, 'care.conversations_read', { via, conversations: conversations.length });
  return conversations;
}

/** Plans (or records) one conversation with the pupil; the caller is its author. */
export async function addConversation(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, fields: ConversationFields): Promise<Conversation> {
  const via = await requireConversationAccess(deps, caller, schoolId, pupilId);
  refuseInvalid(deps, fields);
  const row = await sealedRow(deps, caller, schoolId, pupilId, fields);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertConversations(trx, [row]);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.conversation_planned', { conversationId: row.id, held: fields.heldOn !== null });
  });
  return conversationOf(deps, caller, via, { ...row, teacher_name: caller.user.name });
}

/**
 * Plans the default three conversations of the current school year — on the first school day of October, February
 * and June — when none is planned for the pupil this school year yet (409 `conversations_already_planned` else).
 * A date already behind us stays as it is: the conversation is then simply due.
 */
export async function planConversationYear(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<Conversations> {
  const via = await requireConversationAccess(deps, caller, schoolId, pupilId);
  const schoolYear = schoolYearAt(deps.clock.now());
  const closedDays = await closedPeriodsOf(deps, schoolId);
  const [startYear, endYear] = schoolYear.split('-') as [string, string];
  const dates = YEAR_CONVERSATION_MONTHS.map(({ month, inSecondYear }) => firstSchoolDayFrom(`${inSecondYear ? endYear : startYear}-${month}-01`, closedDays));
  const rows = await Promise.all(
    dates.map((plannedOn) => sealedRow(deps, caller, schoolId, pupilId, { plannedOn, heldOn: null, note: '', sharedWithCareTeam: false, forCareTeam: '' })),
  );
  await deps.db.kysely.transaction().execute(async (trx) => {
    const planned = await repository.countConversationsPlannedBetween(trx, schoolId, pupilId, firstDayOfSchoolYear(schoolYear), lastDayOfSchoolYear(schoolYear));
    if (planned > 0) throw new AppError('conversations_already_planned');
    await repository.insertConversations(trx, rows);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.conversations_year_planned', { schoolYear, conversationIds: rows.map((row) => row.id) });
  });
  return Promise.all(rows.map((row) => conversationOf(deps, caller, via, { ...row, teacher_name: caller.user.name })));
}

/** Changes the caller's own conversation: its dates, note, and what is shared with the care team. */
export async function changeConversation(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  pupilId: string,
  conversationId: string,
  body: ChangeConversationBody,
): Promise<Conversation> {
  const via = await requireConversationAccess(deps, caller, schoolId, pupilId);
  const row = await requireOwnConversation(deps, caller, schoolId, pupilId, conversationId);
  const open = (column: 'note_encrypted' | 'for_care_team_encrypted', sealed: string) => deps.fieldCrypto.decrypt(encryptedFieldRef('care_conversations', column, [row.id]), sealed);
  const fields = {
    plannedOn: body.plannedOn ?? row.planned_on,
    heldOn: body.heldOn === undefined ? row.held_on : body.heldOn,
    note: body.note ?? (await open('note_encrypted', row.note_encrypted)),
    sharedWithCareTeam: body.sharedWithCareTeam ?? row.shared_with_care_team === 1,
    forCareTeam: body.forCareTeam ?? (await open('for_care_team_encrypted', row.for_care_team_encrypted)),
  };
  refuseInvalid(deps, fields);
  const changed = await sealedRow(deps, caller, schoolId, pupilId, fields, row.id);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateConversation(trx, schoolId, pupilId, row.id, {
      planned_on: changed.planned_on,
      held_on: changed.held_on,
      note_encrypted: changed.note_encrypted,
      shared_with_care_team: changed.shared_with_care_team,
      for_care_team_encrypted: changed.for_care_team_encrypted,
      updated_at: changed.updated_at,
    });
    // The detail names what changed, never the texts themselves.
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.conversation_changed', { conversationId: row.id, changed: Object.keys(body).sort(), held: fields.heldOn !== null, shared: fields.sharedWithCareTeam });
  });
  return conversationOf(deps, caller, via, { ...changed, created_at: row.created_at, teacher_name: row.teacher_name });
}

/** Removes the caller's own conversation while it was not held (a held one is kept: 409 `conversation_already_held`). */
export async function removeConversation(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, conversationId: string): Promise<void> {
  await requireConversationAccess(deps, caller, schoolId, pupilId);
  await requireOwnConversation(deps, caller, schoolId, pupilId, conversationId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deletePlannedConversation(trx, schoolId, pupilId, conversationId))) throw new AppError('conversation_already_held');
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.conversation_removed', { conversationId });
  });
}

// Conversations are the pupil's teachers' and the care team's; a break-glass opening reads the plan only, so here it
// answers 404 like no right at all.
async function requireConversationAccess(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<'care_team' | 'teacher'> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await careAccessOf(deps, caller, schoolId, pupilId);
  if (access.via === 'break_glass') throw new AppError('not_found');
  return access.via;
}

async function requireOwnConversation(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, conversationId: string): Promise<ConversationRow> {
  const row = await repository.findConversation(deps.db.kysely, schoolId, pupilId, conversationId);
  if (!row) throw new AppError('not_found');
  if (row.created_by !== caller.userId) throw new AppError('not_own_conversation');
  return row;
}

// A conversation is held today or earlier; what the pupil wants shared is only known once it was held.
function refuseInvalid(deps: Deps, fields: Pick<ConversationFields, 'heldOn' | 'sharedWithCareTeam'>): void {
  const problems: Record<string, string[]> = {};
  if (fields.heldOn !== null && fields.heldOn > schoolDateOf(deps.clock.now())) problems['body.heldOn'] = ['in_the_future'];
  if (fields.sharedWithCareTeam && fields.heldOn === null) problems['body.sharedWithCareTeam'] = ['not_held'];
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', { fields: problems });
}

async function sealedRow(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, fields: ConversationFields, id = newId()): Promise<CareConversationsTable> {
  const now = isoInstant(deps.clock.now());
  const seal = (column: 'note_encrypted' | 'for_care_team_encrypted', text: string) => deps.fieldCrypto.encrypt(encryptedFieldRef('care_conversations', column, [id]), text);
  return {
    id,
    school_id: schoolId,
    pupil_id: pupilId,
    planned_on: fields.plannedOn,
    held_on: fields.heldOn,
    note_encrypted: await seal('note_encrypted', fields.note),
    shared_with_care_team: fields.sharedWithCareTeam ? 1 : 0,
    for_care_team_encrypted: await seal('for_care_team_encrypted', fields.forCareTeam),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
}

// THE visibility rule of a conversation's texts (see the top of this file).
async function conversationOf(
  deps: Deps,
  caller: StaffCaller,
  via: 'care_team' | 'teacher',
  row: Pick<ConversationRow, 'id' | 'planned_on' | 'held_on' | 'note_encrypted' | 'shared_with_care_team' | 'for_care_team_encrypted' | 'created_by' | 'created_at' | 'teacher_name'>,
): Promise<Conversation> {
  const isOwn = row.created_by === caller.userId;
  const isShared = row.shared_with_care_team === 1;
  const open = (column: 'note_encrypted' | 'for_care_team_encrypted', sealed: string) => deps.fieldCrypto.decrypt(encryptedFieldRef('care_conversations', column, [row.id]), sealed);
  return {
    id: row.id,
    plannedOn: row.planned_on,
    heldOn: row.held_on,
    teacherName: row.teacher_name,
    isOwn,
    sharedWithCareTeam: isShared,
    note: isOwn ? await open('note_encrypted', row.note_encrypted) : null,
    forCareTeam: isOwn || (isShared && via === 'care_team') ? await open('for_care_team_encrypted', row.for_care_team_encrypted) : null,
    createdAt: row.created_at,
  };
}
