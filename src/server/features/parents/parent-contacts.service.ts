import { pupilFiguresPerClass } from '../../../shared/anonymity';
import { type ParentContactKind, RECENT_CONTACT_MONTHS } from '../../../shared/parent-contacts';
import { addMonths, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { pupilScopeOf } from '../../access/record-scope';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { auditRead, auditWrite, requirePupil } from '../care/care.service';
import { listPupilsWithClass } from '../pupils/pupils.repository';
import { findSchool, minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import * as repository from './parent-contacts.repository';
import { parentsAccessOf } from './parents.service';
import type {
  ChangeParentContactBody,
  ParentContact,
  ParentContactAccess,
  ParentContactCoverage,
  ParentContactFields,
  ParentContactFollowUpBody,
  ParentContactLog,
  ParentContactsOverview,
} from './parent-contacts.schemas';
import type { ParentContactsTable } from './parent-contacts.tables';

// The contact log with a pupil's parents and carers (issue 16), from enrolment on. Need-to-know, the one rule for a
// pupil's parents (`parentsAccessOf`, parents.service.ts): the care team sees every pupil of the school; a teacher the
// pupils placed in the classes they teach this school year; anyone else who passed the route policy gets 404.
//
// Who reads and writes what:
// - everyone who may see the pupil's log sees every contact: day, kind, with whom, topic, the short note, the
//   follow-up and who recorded it;
// - the care team's notes (e.g. the life course told at the enrolment conversation) are the care team's alone: never
//   returned to a teacher, and a teacher cannot write or overwrite them;
// - a teacher changes and removes the contacts they recorded; the care team any (403 `not_own_contact` else);
//   marking a follow-up done is for everyone who sees the log.
// Every read of the log and every write is one audit event; its detail never holds a text.

type ContactRow = NonNullable<Awaited<ReturnType<typeof repository.findContact>>>;
type SealedColumn = 'note_encrypted' | 'care_notes_encrypted';

/** The pupil's log as the caller may read it. */
export async function getContactLog(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<ParentContactLog> {
  const pupil = await requirePupil(deps, schoolId, pupilId);
  const access = await parentsAccessOf(deps, caller, schoolId, pupilId);
  const rows = await repository.listContacts(deps.db.kysely, schoolId, pupilId);
  const contacts = await Promise.all(rows.map((row) => contactOf(deps, caller, access, row)));
  await auditRead(deps, caller, schoolId, pupilId, 'parents.contacts_read', { via: access, contacts: contacts.length });
  return {
    pupil: { id: pupil.id, firstName: pupil.first_name, lastName: pupil.last_name, className: pupil.class_name ?? null },
    access,
    contacts,
  };
}

/** Records a contact with the pupil's parents; the caller is its author. */
export async function addContact(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, fields: ParentContactFields): Promise<ParentContact> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await parentsAccessOf(deps, caller, schoolId, pupilId);
  refuseInvalid(deps, access, { heldOn: fields.heldOn, followUpOn: fields.followUpOn, writesCareNotes: fields.careNotes !== '' });
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row: ParentContactsTable = {
    id,
    school_id: schoolId,
    pupil_id: pupilId,
    held_on: fields.heldOn,
    kind: fields.kind,
    with_whom: fields.withWhom,
    topic: fields.topic,
    is_enrolment: fields.isEnrolment ? 1 : 0,
    note_encrypted: await seal(deps, id, 'note_encrypted', fields.note),
    care_notes_encrypted: await seal(deps, id, 'care_notes_encrypted', fields.careNotes),
    follow_up_on: fields.followUpOn,
    follow_up_done_at: null,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertContact(trx, row);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'parents.contact_added', {
      contactId: id,
      via: access,
      kind: fields.kind,
      isEnrolment: fields.isEnrolment,
      hasFollowUp: fields.followUpOn !== null,
    });
  });
  return contactOf(deps, caller, access, { ...row, created_by_name: caller.user.name });
}

/** Changes a contact: its author, or anyone of the care team. A new follow-up date opens the follow-up again. */
export async function changeContact(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, contactId: string, body: ChangeParentContactBody): Promise<ParentContact> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await parentsAccessOf(deps, caller, schoolId, pupilId);
  const row = await requireChangeableContact(deps, caller, access, schoolId, pupilId, contactId);
  const heldOn = body.heldOn ?? row.held_on;
  const followUpOn = body.followUpOn === undefined ? row.follow_up_on : body.followUpOn;
  refuseInvalid(deps, access, { heldOn, followUpOn, writesCareNotes: body.careNotes !== undefined });
  const changes = {
    held_on: heldOn,
    kind: body.kind ?? row.kind,
    with_whom: body.withWhom ?? row.with_whom,
    topic: body.topic ?? row.topic,
    is_enrolment: body.isEnrolment === undefined ? row.is_enrolment : body.isEnrolment ? 1 : 0,
    note_encrypted: body.note === undefined ? row.note_encrypted : await seal(deps, row.id, 'note_encrypted', body.note),
    care_notes_encrypted: body.careNotes === undefined ? row.care_notes_encrypted : await seal(deps, row.id, 'care_notes_encrypted', body.careNotes),
    follow_up_on: followUpOn,
    follow_up_done_at: followUpOn === row.follow_up_on ? row.follow_up_done_at : null,
    updated_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateContact(trx, schoolId, pupilId, row.id, changes);
    // The detail names what changed, never the texts themselves.
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'parents.contact_changed', { contactId: row.id, via: access, changed: Object.keys(body).sort() });
  });
  return contactOf(deps, caller, access, { ...row, ...changes });
}

/** Marks the contact's follow-up done (or open again): for everyone who sees the log. */
export async function markFollowUp(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, contactId: string, body: ParentContactFollowUpBody): Promise<ParentContact> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await parentsAccessOf(deps, caller, schoolId, pupilId);
  const row = await repository.findContact(deps.db.kysely, schoolId, pupilId, contactId);
  if (!row) throw new AppError('not_found');
  if (row.follow_up_on === null) throw new AppError('validation_failed', { fields: { 'body.done': ['no_follow_up'] } });
  const now = isoInstant(deps.clock.now());
  const changes = { follow_up_done_at: body.done ? (row.follow_up_done_at ?? now) : null, updated_at: now };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateContact(trx, schoolId, pupilId, row.id, changes);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'parents.contact_follow_up_marked', { contactId: row.id, via: access, done: body.done });
  });
  return contactOf(deps, caller, access, { ...row, ...changes });
}

/** Removes a contact: its author, or anyone of the care team. */
export async function removeContact(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, contactId: string): Promise<void> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await parentsAccessOf(deps, caller, schoolId, pupilId);
  const row = await requireChangeableContact(deps, caller, access, schoolId, pupilId, contactId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteContact(trx, schoolId, pupilId, row.id);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'parents.contact_removed', { contactId: row.id, via: access, isEnrolment: row.is_enrolment === 1 });
  });
}

/**
 * The "Ouders" list: the pupils still at school the caller may see (a teacher: the classes they teach this school
 * year; the care team: everyone), with the day of the last contact, whether an enrolment conversation was recorded
 * and the next open follow-up. Dates only, no texts; the read is audited like the pupil list.
 */
export async function getContactsOverview(deps: Deps, caller: StaffCaller, schoolId: string): Promise<ParentContactsOverview> {
  const db = deps.db.kysely;
  const today = schoolDateOf(deps.clock.now());
  const scope = pupilScopeOf(caller.actor, schoolId, 'care');
  const [pupils, summaries] = await Promise.all([
    listPupilsWithClass(db, schoolId, schoolYearAt(deps.clock.now()), { status: 'current', scope }),
    repository.summariseContactsPerPupil(db, schoolId),
  ]);
  const summaryOf = new Map(summaries.map((summary) => [summary.pupil_id, summary]));
  const listed = pupils
    .map((pupil) => {
      const summary = summaryOf.get(pupil.id);
      const nextFollowUpOn = summary?.next_follow_up_on ?? null;
      return {
        pupilId: pupil.id,
        firstName: pupil.first_name,
        lastName: pupil.last_name,
        className: pupil.class_name ?? null,
        lastContactOn: summary?.last_held_on ?? null,
        hasEnrolmentConversation: summary?.has_enrolment ?? false,
        nextFollowUpOn,
        isFollowUpDue: nextFollowUpOn !== null && nextFollowUpOn <= today,
      };
    })
    .sort((a, b) => (a.className ?? '').localeCompare(b.className ?? '', 'nl', { numeric: true }) || a.lastName.localeCompare(b.lastName, 'nl') || a.firstName.localeCompare(b.firstName, 'nl'));
  await auditRead(deps, caller, schoolId, null, 'parents.contacts_overview_read', { via: scope.wholeSchool ? 'care_team' : 'teacher', pupils: listed.length });
  return { today, pupils: listed };
}

/**
 * Evidence for the self-scan aspect "relationships with parents": per class of this school year and for the school,
 * how many pupils there are, how many had a contact with their parents in the last three months and how many have an
 * enrolment conversation. Counts only, under THE k rule exactly as the care coverage applies it: a class under k
 * shows no figures, and one more is hidden when the hidden ones together would hold fewer than k pupils.
 */
export async function getContactCoverage(deps: Deps, schoolId: string): Promise<ParentContactCoverage> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const k = await minGroupSizeOfBoard(db, school.board_id);
  const schoolYear = schoolYearAt(deps.clock.now());
  const recentSince = addMonths(schoolDateOf(deps.clock.now()), -RECENT_CONTACT_MONTHS);
  const [placements, recent, enrolled] = await Promise.all([
    repository.listPlacements(db, schoolId, schoolYear),
    repository.pupilIdsWithContactSince(db, schoolId, recentSince),
    repository.pupilIdsWithEnrolment(db, schoolId),
  ]);
  const withRecent = new Set(recent);
  const withEnrolment = new Set(enrolled);
  const countsOf = (pupils: readonly string[]) => ({
    pupils: pupils.length,
    withRecentContact: pupils.filter((id) => withRecent.has(id)).length,
    withEnrolmentConversation: pupils.filter((id) => withEnrolment.has(id)).length,
  });
  return { minGroupSize: k, schoolYear, recentSince, ...pupilFiguresPerClass(placements, k, countsOf) };
}


async function requireChangeableContact(deps: Deps, caller: StaffCaller, access: ParentContactAccess, schoolId: string, pupilId: string, contactId: string): Promise<ContactRow> {
  const row = await repository.findContact(deps.db.kysely, schoolId, pupilId, contactId);
  if (!row) throw new AppError('not_found');
  if (access !== 'care_team' && row.created_by !== caller.userId) throw new AppError('not_own_contact');
  return row;
}

// A contact lies today or earlier; a follow-up not before the contact; the care notes are the care team's.
function refuseInvalid(deps: Deps, access: ParentContactAccess, fields: { heldOn: string; followUpOn: string | null; writesCareNotes: boolean }): void {
  const problems: Record<string, string[]> = {};
  if (fields.heldOn > schoolDateOf(deps.clock.now())) problems['body.heldOn'] = ['in_the_future'];
  if (fields.followUpOn !== null && fields.followUpOn < fields.heldOn) problems['body.followUpOn'] = ['before_held_on'];
  if (fields.writesCareNotes && access !== 'care_team') problems['body.careNotes'] = ['care_team_only'];
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', { fields: problems });
}

function seal(deps: Deps, id: string, column: SealedColumn, text: string): Promise<string> {
  return deps.fieldCrypto.encrypt(encryptedFieldRef('parent_contacts', column, [id]), text);
}

function open(deps: Deps, id: string, column: SealedColumn, sealed: string): Promise<string> {
  return deps.fieldCrypto.decrypt(encryptedFieldRef('parent_contacts', column, [id]), sealed);
}

// THE visibility rule of a contact's texts: the care notes are opened for the care team only.
async function contactOf(deps: Deps, caller: StaffCaller, access: ParentContactAccess, row: ContactRow): Promise<ParentContact> {
  const today = schoolDateOf(deps.clock.now());
  return {
    id: row.id,
    heldOn: row.held_on,
    kind: row.kind as ParentContactKind,
    withWhom: row.with_whom,
    topic: row.topic,
    isEnrolment: row.is_enrolment === 1,
    note: await open(deps, row.id, 'note_encrypted', row.note_encrypted),
    careNotes: access === 'care_team' ? await open(deps, row.id, 'care_notes_encrypted', row.care_notes_encrypted) : null,
    followUpOn: row.follow_up_on,
    followUpDoneAt: row.follow_up_done_at,
    isFollowUpDue: row.follow_up_on !== null && row.follow_up_done_at === null && row.follow_up_on <= today,
    createdByName: row.created_by_name,
    mayChange: access === 'care_team' || row.created_by === caller.userId,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
