import type { Selectable } from 'kysely';

/**
 * A pupil of a school, identified within the school by the administration's pupil number. `left_on` is the
 * school date the pupil left the school (a former pupil, oud-leerling); null while they are at the school.
 */
export interface PupilsTable {
  id: string;
  school_id: string;
  pupil_number: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A pupil's placement in a class (which belongs to one school year). */
export interface ClassPupilsTable {
  class_id: string;
  pupil_id: string;
  created_at: string;
}

/** A pupil as stored. */
export type PupilRow = Selectable<PupilsTable>;
