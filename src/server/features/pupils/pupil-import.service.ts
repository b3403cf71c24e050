import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { IMPORT_PREVIEW_ROWS } from '../../../shared/limits';
import { recordAudit } from '../../audit/audit.service';
import { type BackgroundJob, startBackgroundJob } from '../../background-job';
import type { Database } from '../../db/database';
import { withConflictCheck } from '../../db/db-errors';
import { type Clock, type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { insertClass } from '../tenancy/tenancy.repository';
import {
  createRowChecker,
  type CsvFile,
  CsvUnreadableError,
  type ImportError,
  type ImportRecord,
  type Mapping,
  openCsv,
  suggestMapping,
  unknownMappingColumns,
} from './pupil-import.parse';
import * as staging from './pupil-import.repository';
import type { ClassChoice, ImportBatchResult, ImportComparison, StagedImport } from './pupils.schemas';
import type { PupilImportErrorsTable, PupilImportRecordRow, PupilImportRecordsTable, PupilImportRow } from './pupil-import.tables';
import * as repository from './pupils.repository';
import type { PupilsTable } from './pupils.tables';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';

// An upload is read and checked once and kept as a staged import: the batches import from the
// staged rows by id and position, so no batch carries or parses the file again.

/** How long a staged import can be read and imported after its upload. */
export const STAGED_IMPORT_HOURS = 24;
// Valid rows, and problems, written to the staging tables per insert.
const STAGING_ROWS_PER_WRITE = 500;
// Rows deleted per statement: one statement for 200,000 rows holds SQLite (and the event loop) for over half a second.
const STAGING_ROWS_PER_DELETE = 5000;

/** A mapping with every optional field spelled out (null when the file has no such column). */
export type FullMapping = Required<{ [Field in keyof Mapping]: Exclude<Mapping[Field], undefined> }>;

/** Who imports into which school. */
export interface ImportTarget {
  actorUserId: string;
  schoolId: string;
  boardId: string | undefined;
}

/**
 * Reads an uploaded file once, streaming, and checks every row with the given mapping or one suggested
 * from the headers. With a mapping, the valid rows and the error report are kept as a staged import for
 * STAGED_IMPORT_HOURS; it then replaces this admin's earlier staged imports for the school (a new mapping
 * is a new upload: nothing of the file beyond the mapped fields is kept).
 */
export async function stageImport(deps: Deps, target: ImportTarget, input: { csv: string; mapping?: Mapping | undefined }): Promise<StagedImport> {
  const startedAt = deps.clock.now();
  const file = await rejectingUnreadable(() => openCsv(input.csv));
  const headers = file.headers.filter((header) => header !== '');
  const mapping = input.mapping ? checkedMapping(file.headers, input.mapping) : suggestMapping(file.headers);
  if (!mapping) {
    const totalRows = await rejectingUnreadable(() => countRows(file));
    return { id: null, expiresAt: null, headers, mapping: null, totalRows, validCount: 0, errorCount: 0, sample: [], errors: [] };
  }

  const db = deps.db.kysely;
  const id = newId();
  const createdAt = isoInstant(startedAt);
  const expiresAt = isoInstant(new Date(startedAt.getTime() + STAGED_IMPORT_HOURS * 3_600_000));
  // Written as 'staging' first and outside one transaction: a transaction would hold SQLite's only
  // connection, and so every other request, for as long as the file takes.
  await staging.insertStagedImport(db, {
    id,
    school_id: target.schoolId,
    created_by: target.actorUserId,
    status: 'staging',
    headers: JSON.stringify(headers),
    mapping: JSON.stringify(fullMapping(mapping)),
    total_rows: 0,
    valid_count: 0,
    error_row_count: 0,
    created_at: createdAt,
    expires_at: expiresAt,
  });
  let staged: Awaited<ReturnType<typeof stageRows>>;
  try {
    staged = await rejectingUnreadable(() => stageRows(db, id, file, mapping, schoolDateOf(deps.clock.now())));
    await staging.markStagedImportReady(db, id, { total_rows: staged.totalRows, valid_count: staged.validCount, error_row_count: staged.errorRowCount });
  } catch (error) {
    await deleteStagedImport(db, id);
    throw error;
  }
  // Only once the new one is whole, so a failed upload leaves the earlier one in place; an older upload
  // that finishes later leaves a newer one alone.
  const earlier = await staging.listEarlierImportIds(db, { schoolId: target.schoolId, createdBy: target.actorUserId, createdAt, exceptId: id });
  for (const earlierId of earlier) await deleteStagedImport(db, earlierId);
  await deleteExpiredImports(db, deps.clock);
  return {
    id,
    expiresAt,
    headers,
    mapping: fullMapping(mapping),
    totalRows: staged.totalRows,
    validCount: staged.validCount,
    errorCount: staged.errorRowCount,
    sample: staged.sample,
    errors: staged.errors,
  };
}

// Checks the rows in file order and writes them to the staging tables STAGING_ROWS_PER_WRITE at a time.
async function stageRows(db: Kysely<Database>, importId: string, file: CsvFile, mapping: Mapping, today: string) {
  const check = createRowChecker(file.headers, mapping, today);
  const sample: ImportRecord[] = [];
  const errors: ImportError[] = [];
  let records: PupilImportRecordsTable[] = [];
  let problems: PupilImportErrorsTable[] = [];
  let totalRows = 0;
  let validCount = 0;
  let errorRowCount = 0;
  for await (const row of file.rows) {
    totalRows += 1;
    const result = check(row);
    if (result.record) {
      if (sample.length < IMPORT_PREVIEW_ROWS) sample.push(result.record);
      records.push(recordRowOf(importId, validCount, result.record));
      validCount += 1;
    } else {
      for (const problem of result.errors) problems.push({ import_id: importId, position: errors.length + problems.length, ...problem });
      errorRowCount += 1;
    }
    if (records.length >= STAGING_ROWS_PER_WRITE) {
      await staging.insertStagedRecords(db, records);
      records = [];
    }
    if (problems.length >= STAGING_ROWS_PER_WRITE) {
      errors.push(...problems.map(importErrorOf));
      await staging.insertStagedErrors(db, problems);
      problems = [];
    }
  }
  await staging.insertStagedRecords(db, records);
  errors.push(...problems.map(importErrorOf));
  await staging.insertStagedErrors(db, problems);
  return { totalRows, validCount, errorRowCount, sample, errors };
}

async function countRows(file: CsvFile): Promise<number> {
  let count = 0;
  for await (const _row of file.rows) count += 1;
  return count;
}

/** A staged import of the school as its upload answered it (sample and complete error report); not found once expired. */
export async function getStagedImport(deps: Deps, schoolId: string, importId: string): Promise<StagedImport> {
  const staged = await findStagedImport(deps, schoolId, importId);
  const sample = await staging.listStagedRecords(deps.db.kysely, importId, 0, IMPORT_PREVIEW_ROWS);
  const errors = await staging.listStagedErrors(deps.db.kysely, importId);
  return {
    id: staged.id,
    expiresAt: staged.expires_at,
    headers: JSON.parse(staged.headers) as string[],
    mapping: JSON.parse(staged.mapping) as FullMapping,
    totalRows: staged.total_rows,
    validCount: staged.valid_count,
    errorCount: staged.error_row_count,
    sample: sample.map(importRecordOf),
    errors: errors.map(importErrorOf),
  };
}

/**
 * What a staged import would meet in a school year (default: the current one): the file's class names that the
 * year does not have — each needs a choice (create it, or map it to an existing class) before anything is
 * imported — and the school's pupils whose number the file does not have (information only: nothing happens
 * to them). Reading their names is recorded like any read of the pupil list.
 */
export async function compareImport(deps: Deps, target: ImportTarget, importId: string, query: { schoolYear?: string | undefined }): Promise<ImportComparison> {
  const db = deps.db.kysely;
  await findStagedImport(deps, target.schoolId, importId);
  const schoolYear = query.schoolYear ?? schoolYearAt(deps.clock.now());
  const known = classMatcher(await repository.listClassNamesOfYear(db, target.schoolId, schoolYear));
  // Spellings that differ only in case become one class: one question, under the spelling most rows use.
  const unknownByKey = new Map<string, { name: string; rows: number; topRows: number }>();
  for (const entry of await staging.countStagedClassNames(db, importId)) {
    if (known.idOf(entry.name) !== undefined) continue;
    const key = entry.name.toLowerCase();
    const seen = unknownByKey.get(key);
    if (!seen) unknownByKey.set(key, { ...entry, topRows: entry.rows });
    else unknownByKey.set(key, { name: entry.rows > seen.topRows ? entry.name : seen.name, rows: seen.rows + entry.rows, topRows: Math.max(seen.topRows, entry.rows) });
  }
  const unknownClasses = [...unknownByKey.values()].map(({ name, rows }) => ({ name, rows })).sort((left, right) => collator.compare(left.name, right.name));
  const pupilsNotInFile = (await repository.listPupilsNotInImport(db, target.schoolId, importId, schoolYear))
    .map((row) => ({ id: row.id, pupilNumber: row.pupil_number, firstName: row.first_name, lastName: row.last_name, className: row.class_name ?? null }))
    .sort((left, right) => collator.compare(left.className ?? '\uffff', right.className ?? '\uffff') || collator.compare(left.lastName, right.lastName) || collator.compare(left.firstName, right.firstName));
  await recordAudit(db, deps.clock, {
    actorUserId: target.actorUserId,
    action: 'pupils.read',
    targetType: 'school',
    targetId: target.schoolId,
    schoolId: target.schoolId,
    boardId: target.boardId ?? null,
    detail: { schoolYear, count: pupilsNotInFile.length, importId },
  });
  return { schoolYear, unknownClasses, pupilsNotInFile };
}

/**
 * Imports the valid rows [offset, offset + limit) of a staged import in one transaction: pupils are
 * matched on pupil number (changed only where the file differs) and placed in the file's class for the
 * school year, moving them out of another class of that year. Sending a batch again changes nothing
 * more. A file with errors imports nothing unless `onlyValidRows` is set. A class name the school year
 * does not have is never created silently: each needs a choice in `classChoices` (create, or map to an
 * existing class of the year); the first batch checks every class name of the file, later ones their own.
 */
export async function importBatch(
  deps: Deps,
  target: ImportTarget,
  importId: string,
  input: { schoolYear?: string | undefined; classChoices: readonly ClassChoice[]; onlyValidRows: boolean; offset: number; limit: number },
): Promise<ImportBatchResult> {
  const staged = await findStagedImport(deps, target.schoolId, importId);
  if (staged.error_row_count > 0 && !input.onlyValidRows) {
    throw new AppError('import_has_errors', { detail: `${staged.error_row_count} rows have errors` });
  }
  const schoolYear = input.schoolYear ?? schoolYearAt(deps.clock.now());
  const total = staged.valid_count;
  const start = Math.min(input.offset, total);
  const batch = (await staging.listStagedRecords(deps.db.kysely, importId, start, input.limit)).map(importRecordOf);
  const namesToCheck = start === 0 ? (await staging.countStagedClassNames(deps.db.kysely, importId)).map((entry) => entry.name) : batch.map((record) => record.className);
  const classes = await resolveClasses(deps.db.kysely, target.schoolId, schoolYear, input.classChoices, namesToCheck);

  const counts = await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      const outcome = await upsertBatch(trx, deps.clock, target.schoolId, schoolYear, batch, classes);
      await recordAudit(trx, deps.clock, {
        actorUserId: target.actorUserId,
        action: 'pupils.imported',
        targetType: 'school',
        targetId: target.schoolId,
        schoolId: target.schoolId,
        boardId: target.boardId ?? null,
        detail: {
          importId,
          schoolYear,
          offset: start,
          rows: batch.length,
          total,
          skippedRows: staged.error_row_count,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          classesCreated: outcome.classesCreated,
          classesMapped: classes.mappedCount,
        },
      });
      return outcome;
    }),
  );
  const processed = start + batch.length;
  return { total, processed, done: processed >= total, created: counts.created, updated: counts.updated, unchanged: counts.unchanged };
}

// Another school's staged import, an expired one and one still being written are all simply not found.
async function findStagedImport(deps: Deps, schoolId: string, importId: string): Promise<PupilImportRow> {
  const staged = await staging.findReadyImport(deps.db.kysely, schoolId, importId, isoInstant(deps.clock.now()));
  if (!staged) throw new AppError('not_found');
  return staged;
}

/** Deletes every staged import (of any school) that has expired; returns how many. */
export async function deleteExpiredImports(db: Kysely<Database>, clock: Clock): Promise<number> {
  const expired = await staging.listExpiredImportIds(db, isoInstant(clock.now()));
  for (const id of expired) await deleteStagedImport(db, id);
  return expired.length;
}

// In slices by position (positions run from 0 without gaps), with a turn of the event loop after each.
async function deleteStagedImport(db: Kysely<Database>, importId: string): Promise<void> {
  for (let below = STAGING_ROWS_PER_DELETE; ; below += STAGING_ROWS_PER_DELETE) {
    const deleted = await staging.deleteStagedRowsBelow(db, importId, below);
    await nextTurn();
    if (deleted === 0) break;
  }
  await staging.deleteStagedImport(db, importId);
}

/** Deletes expired staged imports hourly, also for schools that do not import again. */
export function startStagedImportPurgeJob(deps: Deps): BackgroundJob {
  return startBackgroundJob({
    name: 'pupil-import-purge',
    deps,
    firstDelayMs: 60_000,
    intervalMs: 3_600_000,
    run: async () => {
      const deleted = await deleteExpiredImports(deps.db.kysely, deps.clock);
      if (deleted > 0) deps.logger?.info({ deleted }, 'expired staged pupil imports deleted');
    },
    onError: (error) => deps.logger?.error({ err: error }, 'deleting expired staged pupil imports failed; it runs again in an hour'),
  });
}

function recordRowOf(importId: string, position: number, record: ImportRecord): PupilImportRecordsTable {
  return {
    import_id: importId,
    position,
    line: record.line,
    pupil_number: record.pupilNumber,
    first_name: record.firstName,
    last_name: record.lastName,
    birth_date: record.birthDate,
    class_name: record.className,
  };
}

function importRecordOf(row: PupilImportRecordRow): ImportRecord {
  return {
    line: row.line,
    pupilNumber: row.pupil_number,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    className: row.class_name,
  };
}

function importErrorOf(row: Pick<PupilImportErrorsTable, 'line' | 'field' | 'code'>): ImportError {
  return { line: row.line, field: row.field as ImportError['field'], code: row.code as ImportError['code'] };
}

async function upsertBatch(db: Kysely<Database>, clock: Clock, schoolId: string, schoolYear: string, batch: readonly ImportRecord[], resolved: ResolvedClasses) {
  const now = isoInstant(clock.now());
  const existing = new Map(
    (await repository.findPupilsByNumbers(db, schoolId, batch.map((record) => record.pupilNumber))).map((row) => [row.pupil_number, row]),
  );
  const newPupils: PupilsTable[] = [];
  const pupilIdOf = new Map<string, string>();
  const changed = new Set<string>();
  for (const record of batch) {
    const known = existing.get(record.pupilNumber);
    if (!known) {
      const id = newId();
      pupilIdOf.set(record.pupilNumber, id);
      newPupils.push({
        id,
        school_id: schoolId,
        pupil_number: record.pupilNumber,
        first_name: record.firstName,
        last_name: record.lastName,
        birth_date: record.birthDate,
        left_on: null,
        created_at: now,
        updated_at: now,
      });
      continue;
    }
    pupilIdOf.set(record.pupilNumber, known.id);
    if (known.first_name !== record.firstName || known.last_name !== record.lastName || known.birth_date !== record.birthDate) {
      await repository.updatePupil(db, schoolId, known.id, {
        first_name: record.firstName,
        last_name: record.lastName,
        birth_date: record.birthDate,
        updated_at: now,
      });
      changed.add(known.id);
    }
  }
  await repository.insertPupils(db, newPupils);

  const classes = classCreator(db, schoolId, schoolYear, now, resolved);
  const placed = batch.filter((record) => record.className !== null);
  const placementsByPupil = new Map<string, string[]>();
  const placedIds = placed.map((record) => pupilIdOf.get(record.pupilNumber) ?? '');
  for (const row of await repository.findPlacements(db, schoolId, schoolYear, placedIds)) {
    placementsByPupil.set(row.pupil_id, [...(placementsByPupil.get(row.pupil_id) ?? []), row.class_id]);
  }
  const newPlacements: { class_id: string; pupil_id: string; created_at: string }[] = [];
  for (const record of placed) {
    const pupilId = pupilIdOf.get(record.pupilNumber) ?? '';
    const classId = await classes.idOf(record.className ?? '');
    const current = placementsByPupil.get(pupilId) ?? [];
    const elsewhere = current.filter((id) => id !== classId);
    if (elsewhere.length > 0) {
      await repository.deletePlacements(db, pupilId, elsewhere);
      changed.add(pupilId);
    }
    if (!current.includes(classId)) {
      newPlacements.push({ class_id: classId, pupil_id: pupilId, created_at: now });
      changed.add(pupilId);
    }
  }
  await repository.insertPlacements(db, newPlacements);

  const created = newPupils.length;
  const updated = [...existing.values()].filter((row) => changed.has(row.id)).length;
  return { created, updated, unchanged: batch.length - created - updated, classesCreated: classes.createdCount() };
}

// Dutch order for the lists of the comparison: "Groep 10" after "Groep 9".
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

// A class of the file is found by name within the school year: exact spelling first, then ignoring case.
function classMatcher(rows: readonly { id: string; name: string }[]) {
  const exact = new Map(rows.map((row) => [row.name, row.id]));
  const loose = new Map<string, string>();
  for (const row of rows) if (!loose.has(row.name.toLowerCase())) loose.set(row.name.toLowerCase(), row.id);
  return {
    idOf: (name: string): string | undefined => exact.get(name) ?? loose.get(name.toLowerCase()),
    add(name: string, id: string): void {
      exact.set(name, id);
      if (!loose.has(name.toLowerCase())) loose.set(name.toLowerCase(), id);
    },
  };
}

/** How each class name of a batch is placed: an existing class of the year, a chosen one, or one to create. */
interface ResolvedClasses {
  known: ReturnType<typeof classMatcher>;
  mapped: ReadonlyMap<string, string>;
  /** File spelling → the spelling to create the class under (the one the comparison showed). */
  toCreate: ReadonlyMap<string, string>;
  mappedCount: number;
}

// Checks the choices against the school year before anything is written: a class name with neither an
// existing class nor a choice refuses the batch, as does a choice that maps to a class outside the year.
async function resolveClasses(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  choices: readonly ClassChoice[],
  names: readonly (string | null)[],
): Promise<ResolvedClasses> {
  const rows = await repository.listClassNamesOfYear(db, schoolId, schoolYear);
  const known = classMatcher(rows);
  const classIdsOfYear = new Set(rows.map((row) => row.id));
  const choiceOf = new Map(choices.map((choice) => [choice.name, choice]));
  // The comparison asks once for spellings that differ only in case.
  const looseChoiceOf = new Map(choices.map((choice) => [choice.name.toLowerCase(), choice]));
  const mapped = new Map<string, string>();
  const toCreate = new Map<string, string>();
  const unresolved = new Set<string>();
  for (const name of names) {
    if (name === null || known.idOf(name) !== undefined) continue;
    const choice = choiceOf.get(name) ?? looseChoiceOf.get(name.toLowerCase());
    if (!choice) unresolved.add(name);
    else if (choice.action === 'create') toCreate.set(name, choice.name);
    else if (classIdsOfYear.has(choice.classId)) mapped.set(name, choice.classId);
    else throw new AppError('validation_failed', { fields: { 'body.classChoices': ['the chosen class is not a class of this school year'] } });
  }
  if (unresolved.size > 0) throw new AppError('import_classes_unresolved', { detail: `${unresolved.size} class names without a choice` });
  return { known, mapped, toCreate, mappedCount: mapped.size };
}

// Places records by class name: found, mapped, or created on first use under the spelling the admin was
// asked about (only the names the admin chose to create reach this far).
function classCreator(db: Kysely<Database>, schoolId: string, schoolYear: string, now: string, resolved: ResolvedClasses) {
  let createdCount = 0;
  return {
    async idOf(name: string): Promise<string> {
      const found = resolved.known.idOf(name) ?? resolved.mapped.get(name);
      if (found) return found;
      const spelling = resolved.toCreate.get(name);
      if (spelling === undefined) throw new AppError('import_classes_unresolved');
      const id = newId();
      await insertClass(db, { id, school_id: schoolId, location_id: null, school_year: schoolYear, name: spelling, created_at: now });
      resolved.known.add(spelling, id);
      createdCount += 1;
      return id;
    },
    createdCount: () => createdCount,
  };
}

// A file that cannot be read as CSV is the admin's to fix: a 400 naming the reason.
async function rejectingUnreadable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CsvUnreadableError) throw new AppError('validation_failed', { fields: { 'body.csv': [error.reason] }, cause: error });
    throw error;
  }
}

function checkedMapping(headers: readonly string[], mapping: Mapping): Mapping {
  const unknown = unknownMappingColumns(headers, mapping);
  if (unknown.length > 0) {
    const fields = Object.fromEntries(unknown.map((field) => [`body.mapping.${field}`, ['the file has no column with this name']]));
    throw new AppError('validation_failed', { fields });
  }
  return mapping;
}

function fullMapping(mapping: Mapping): FullMapping {
  return {
    pupilNumber: mapping.pupilNumber,
    firstName: mapping.firstName,
    lastName: mapping.lastName,
    prefix: mapping.prefix ?? null,
    birthDate: mapping.birthDate ?? null,
    className: mapping.className ?? null,
  };
}
