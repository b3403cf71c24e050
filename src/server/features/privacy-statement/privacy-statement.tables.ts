import type { Selectable } from 'kysely';

/** The privacy statement a school adapted; a school without a row shows the default text. */
export interface PrivacyStatementsTable {
  school_id: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  updated_by: string | null;
  updated_at: string;
}

export type PrivacyStatementRow = Selectable<PrivacyStatementsTable>;
