import type { ErrorCode } from '../../shared/error-codes';
import { AppError } from '../errors';

/** True when a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** What a unique-constraint violation means to the person: its own error code, and the field to point at. */
export interface DuplicateMeaning {
  code: ErrorCode;
  /** The body field that holds the duplicate value, e.g. `body.name`. */
  field?: string;
}

/**
 * Runs database work and turns a unique-constraint violation into an AppError: `duplicate` names what was
 * already there (a location's name, a class's name), else it is a plain `conflict` (changed in the meantime).
 */
export async function withConflictCheck<T>(work: () => Promise<T>, duplicate: DuplicateMeaning = { code: 'conflict' }): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(duplicate.code, { cause: error, ...(duplicate.field ? { fields: { [duplicate.field]: ['duplicate'] } } : {}) });
    }
    throw error;
  }
}
