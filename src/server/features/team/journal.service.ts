import type { Kysely } from 'kysely';
import { JOURNAL_LIMITS, reflectionPromptOf } from '../../../shared/reflection-prompts';
import type { Locale } from '../../../shared/roles';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { formatInstant } from '../../i18n/dates';
import * as repository from './journal.repository';
import type { Journal, JournalEntry, JournalEntryFields, JournalExport } from './journal.schemas';

// The private reflection journal (issue 17): readable by nobody but its author. Every function takes the caller and
// reaches only the caller's own entries (the repository keys every query to their user id), so another person's
// entry answers 404 as if it did not exist; no route, export or board view names anyone else's journal. Writing
// is not audited (the author's own notebook); exporting and deleting are, with counts only, never a text.

type EntryRow = Awaited<ReturnType<typeof repository.listEntries>>[number];

/** The caller's entries in this school, newest first. */
export async function getJournal(deps: Deps, caller: StaffCaller, schoolId: string): Promise<Journal> {
  const rows = await repository.listEntries(deps.db.kysely, schoolId, caller.userId);
  return { entries: await Promise.all(rows.map((row) => entryOf(deps, row))) };
}

/** Writes a new entry in the caller's journal. */
export async function addEntry(deps: Deps, caller: StaffCaller, schoolId: string, fields: JournalEntryFields): Promise<JournalEntry> {
  if ((await repository.countEntries(deps.db.kysely, schoolId, caller.userId)) >= JOURNAL_LIMITS.entries) {
    throw new AppError('validation_failed', { fields: { 'body.body': ['too_many_entries'] } });
  }
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row = { id, school_id: schoolId, user_id: caller.userId, prompt_id: fields.promptId, body_encrypted: await seal(deps, id, fields.body), created_at: now, updated_at: now };
  await repository.insertEntry(deps.db.kysely, row);
  return { id, promptId: row.prompt_id, body: fields.body, createdAt: now, updatedAt: now };
}

/** Changes one of the caller's entries. */
export async function changeEntry(deps: Deps, caller: StaffCaller, schoolId: string, entryId: string, fields: JournalEntryFields): Promise<JournalEntry> {
  const row = await requireOwnEntry(deps, caller, schoolId, entryId);
  const changes = { prompt_id: fields.promptId, body_encrypted: await seal(deps, row.id, fields.body), updated_at: isoInstant(deps.clock.now()) };
  await repository.updateEntry(deps.db.kysely, schoolId, caller.userId, row.id, changes);
  return { id: row.id, promptId: changes.prompt_id, body: fields.body, createdAt: row.created_at, updatedAt: changes.updated_at };
}

/** Deletes one of the caller's entries (the page asks first). */
export async function removeEntry(deps: Deps, caller: StaffCaller, schoolId: string, entryId: string): Promise<void> {
  const row = await requireOwnEntry(deps, caller, schoolId, entryId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteEntry(trx, schoolId, caller.userId, row.id);
    await audit(trx, deps, caller, schoolId, 'team.journal_entry_deleted', { entries: 1 });
  });
}

/** Deletes the caller's whole journal in this school (the page asks first). */
export async function removeJournal(deps: Deps, caller: StaffCaller, schoolId: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const entries = await repository.deleteAllEntries(trx, schoolId, caller.userId);
    await audit(trx, deps, caller, schoolId, 'team.journal_deleted', { entries });
  });
}

/** The caller's journal as a download (JSON), with each prompt's question in the caller's language. */
export async function exportJournal(deps: Deps, caller: StaffCaller, schoolId: string, format: 'json' | 'text', locale: Locale): Promise<JournalExport> {
  const { entries } = await getJournal(deps, caller, schoolId);
  await audit(deps.db.kysely, deps, caller, schoolId, 'team.journal_exported', { format, entries: entries.length });
  return {
    exportedAt: isoInstant(deps.clock.now()),
    entries: entries.map((entry) => ({ ...entry, prompt: entry.promptId ? (reflectionPromptOf(entry.promptId)?.question[locale] ?? null) : null })),
  };
}

const TEXT_WORDS: Record<Locale, { title: string; exported: string; written: string; changed: string; empty: string }> = {
  nl: { title: 'Mijn reflectie', exported: 'Gedownload op', written: 'Geschreven op', changed: 'gewijzigd op', empty: 'Er staan geen stukjes in je reflectie.' },
  en: { title: 'My reflection', exported: 'Downloaded on', written: 'Written on', changed: 'changed on', empty: 'Your reflection holds no entries.' },
};

/** The export as readable plain text: one block per entry, newest first. */
export function journalAsText(data: JournalExport, locale: Locale): string {
  const words = TEXT_WORDS[locale];
  const lines = [words.title, `${words.exported} ${formatInstant(new Date(data.exportedAt), locale)}`, ''];
  if (data.entries.length === 0) lines.push(words.empty);
  for (const entry of data.entries) {
    const changed = entry.updatedAt !== entry.createdAt ? ` (${words.changed} ${formatInstant(new Date(entry.updatedAt), locale)})` : '';
    lines.push('----------------------------------------', `${words.written} ${formatInstant(new Date(entry.createdAt), locale)}${changed}`);
    if (entry.prompt) lines.push(entry.prompt);
    lines.push('', entry.body, '');
  }
  return `${lines.join('\n')}\n`;
}

// ---------- rules and shapes ----------

async function requireOwnEntry(deps: Deps, caller: StaffCaller, schoolId: string, entryId: string): Promise<EntryRow> {
  const row = await repository.findEntry(deps.db.kysely, schoolId, caller.userId, entryId);
  if (!row) throw new AppError('not_found');
  return row;
}

async function entryOf(deps: Deps, row: EntryRow): Promise<JournalEntry> {
  return {
    id: row.id,
    promptId: row.prompt_id,
    body: await deps.fieldCrypto.decrypt(encryptedFieldRef('team_journal_entries', 'body_encrypted', [row.id]), row.body_encrypted),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function seal(deps: Deps, id: string, body: string): Promise<string> {
  return deps.fieldCrypto.encrypt(encryptedFieldRef('team_journal_entries', 'body_encrypted', [id]), body);
}

// One audit event about the caller's own journal: counts only, never a text.
async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(db, deps.clock, { actorUserId: caller.userId, action, targetType: 'team_journal', targetId: caller.userId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
