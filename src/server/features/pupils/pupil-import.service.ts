import type { Kysely } from 'kysely';
import { IMPORT_PREVIEW_ROWS } from '../../../shared/limits';
import { schoolYearOf } from '../../../shared/school-year';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { withConflictCheck } from '../../db/db-errors';
import { type Clock, type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { insertClass } from '../tenancy/tenancy.repository';
import {
  type CsvTable,
  CsvUnreadableError,
  type ImportError,
  type ImportRecord,
  type Mapping,
  readCsv,
  suggestMapping,
  unknownMappingColumns,
  validateRows,
} from './pupil-import.parse';
import * as repository from './pupils.repository';
import type { PupilsTable } from './pupils.tables';

/** A mapping with every optional field spelled out (null when the file has no such column). */
export type FullMapping = Required<{ [Field in keyof Mapping]: Exclude<Mapping[Field], undefined> }>;

/** What importing a file would do, without writing anything. */
export interface ImportPreview {
  headers: string[];
  mapping: FullMapping | null;
  totalRows: number;
  validCount: number;
  errorCount: number;
  sample: ImportRecord[];
  errors: ImportError[];
}

/** The outcome of one import batch; created/updated/unchanged count the rows of this batch. */
export interface ImportBatchResult {
  total: number;
  processed: number;
  done: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

/** Reads a file and checks every row, with the given mapping or one suggested from the headers. */
export function previewImport(clock: Clock, input: { csv: string; mapping?: Mapping | undefined }): ImportPreview {
  const table = readCsvOrReject(input.csv);
  const headers = table.headers.filter((header) => header !== '');
  const mapping = input.mapping ? checkedMapping(table, input.mapping) : suggestMapping(table.headers);
  if (!mapping) {
    return { headers, mapping: null, totalRows: table.rows.length, validCount: 0, errorCount: 0, sample: [], errors: [] };
  }
  const result = validateRows(table, mapping, todayOf(clock));
  return {
    headers,
    mapping: fullMapping(mapping),
    totalRows: result.totalRows,
    validCount: result.records.length,
    errorCount: result.errorRowCount,
    sample: result.records.slice(0, IMPORT_PREVIEW_ROWS),
    errors: result.errors,
  };
}

/** Who imports into which school. */
export interface ImportTarget {
  actorUserId: string;
  schoolId: string;
  boardId: string | undefined;
}

/**
 * Imports the valid rows [offset, offset + limit) of a file in one transaction: pupils are matched
 * on pupil number (changed only where the file differs) and placed in the file's class for the
 * school year, moving them out of another class of that year. The whole file is checked on every
 * call; a file with errors imports nothing unless `onlyValidRows` is set.
 */
export async function importPupils(
  deps: Deps,
  target: ImportTarget,
  input: { csv: string; mapping: Mapping; schoolYear?: string | undefined; onlyValidRows: boolean; offset: number; limit: number },
): Promise<ImportBatchResult> {
  const table = readCsvOrReject(input.csv);
  const mapping = checkedMapping(table, input.mapping);
  const validation = validateRows(table, mapping, todayOf(deps.clock));
  if (validation.errorRowCount > 0 && !input.onlyValidRows) {
    throw new AppError('import_has_errors', { detail: `${validation.errorRowCount} rows have errors` });
  }
  const schoolYear = input.schoolYear ?? schoolYearOf(deps.clock.now());
  const total = validation.records.length;
  const start = Math.min(input.offset, total);
  const batch = validation.records.slice(start, start + input.limit);

  const counts = await withConflictCheck(() =>
    deps.db.kysely.transaction().execute(async (trx) => {
      const outcome = await upsertBatch(trx, deps.clock, target.schoolId, schoolYear, batch);
      await recordAudit(trx, deps.clock, {
        actorUserId: target.actorUserId,
        action: 'pupils.imported',
        targetType: 'school',
        targetId: target.schoolId,
        schoolId: target.schoolId,
        boardId: target.boardId ?? null,
        detail: {
          schoolYear,
          offset: start,
          rows: batch.length,
          total,
          skippedRows: validation.errorRowCount,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          classesCreated: outcome.classesCreated,
        },
      });
      return outcome;
    }),
  );
  const processed = start + batch.length;
  return { total, processed, done: processed >= total, created: counts.created, updated: counts.updated, unchanged: counts.unchanged };
}

async function upsertBatch(db: Kysely<Database>, clock: Clock, schoolId: string, schoolYear: string, batch: readonly ImportRecord[]) {
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

  const classes = await classFinder(db, schoolId, schoolYear, now);
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

// Classes are found by name within the school year (exact spelling first, then ignoring case),
// and created on first use with the file's spelling.
async function classFinder(db: Kysely<Database>, schoolId: string, schoolYear: string, now: string) {
  const rows = await repository.listClassNamesOfYear(db, schoolId, schoolYear);
  const exact = new Map(rows.map((row) => [row.name, row.id]));
  const loose = new Map<string, string>();
  for (const row of rows) if (!loose.has(row.name.toLowerCase())) loose.set(row.name.toLowerCase(), row.id);
  let createdCount = 0;
  return {
    async idOf(name: string): Promise<string> {
      const found = exact.get(name) ?? loose.get(name.toLowerCase());
      if (found) return found;
      const id = newId();
      await insertClass(db, { id, school_id: schoolId, location_id: null, school_year: schoolYear, name, created_at: now });
      exact.set(name, id);
      loose.set(name.toLowerCase(), id);
      createdCount += 1;
      return id;
    },
    createdCount: () => createdCount,
  };
}

function readCsvOrReject(csv: string): CsvTable {
  try {
    return readCsv(csv);
  } catch (error) {
    if (error instanceof CsvUnreadableError) throw new AppError('validation_failed', { fields: { 'body.csv': [error.reason] }, cause: error });
    throw error;
  }
}

function checkedMapping(table: CsvTable, mapping: Mapping): Mapping {
  const unknown = unknownMappingColumns(table.headers, mapping);
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

// Birth dates are checked against the calendar date in the Netherlands, not in UTC.
function todayOf(clock: Clock): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}
