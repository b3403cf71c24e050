import type { Selectable } from 'kysely';

/**
 * One preparation of a school's next school year (the August rollover), with everything it added, so undoing
 * it removes exactly that. Id lists are JSON arrays; placements and teacher links are `[classId, id]` pairs.
 */
export interface SchoolYearPreparationsTable {
  id: string;
  school_id: string;
  school_year: string;
  from_school_year: string;
  prepared_by: string | null;
  prepared_at: string;
  left_on: string;
  created_class_ids: string;
  added_placements: string;
  added_teacher_links: string;
  created_pupil_ids: string;
  left_pupil_ids: string;
  departures_applied_at: string | null;
}

/** A school year preparation as stored. */
export type SchoolYearPreparationRow = Selectable<SchoolYearPreparationsTable>;
