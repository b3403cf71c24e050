import type { Selectable } from 'kysely';

/** Where a staged import stands: its rows are still being written, or it can be read and imported. */
export type StagedImportStatus = 'staging' | 'ready';

/**
 * An uploaded pupil file, read and checked once, kept until `expires_at` so the import can run in
 * batches without the file. `headers` and `mapping` are JSON; the counts are those of the whole file.
 */
export interface PupilImportsTable {
  id: string;
  school_id: string;
  created_by: string;
  status: StagedImportStatus;
  headers: string;
  mapping: string;
  total_rows: number;
  valid_count: number;
  error_row_count: number;
  created_at: string;
  expires_at: string;
}

/** A valid row of a staged import; `position` numbers the valid rows from 0 in file order. */
export interface PupilImportRecordsTable {
  import_id: string;
  position: number;
  line: number;
  pupil_number: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  class_name: string | null;
}

/** One problem of the error report of a staged import, in report order. */
export interface PupilImportErrorsTable {
  import_id: string;
  position: number;
  line: number;
  field: string;
  code: string;
}

/** A staged import as stored. */
export type PupilImportRow = Selectable<PupilImportsTable>;
/** A staged valid row as stored. */
export type PupilImportRecordRow = Selectable<PupilImportRecordsTable>;
/** A staged problem as stored. */
export type PupilImportErrorRow = Selectable<PupilImportErrorsTable>;
