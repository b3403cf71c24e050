import type { Selectable } from 'kysely';

/** A board (bestuur / stichting) running one or more schools. */
export interface BoardsTable {
  id: string;
  name: string;
  min_group_size: number;
  created_at: string;
}

/** A school of a board. */
export interface SchoolsTable {
  id: string;
  board_id: string;
  name: string;
  kind: string;
  created_at: string;
}

/** A physical location (vestiging) of a school. */
export interface LocationsTable {
  id: string;
  school_id: string;
  name: string;
  created_at: string;
}

/** A class (groep / klas) of a school in one school year. */
export interface ClassesTable {
  id: string;
  school_id: string;
  location_id: string | null;
  school_year: string;
  name: string;
  created_at: string;
}

export type BoardRow = Selectable<BoardsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type LocationRow = Selectable<LocationsTable>;
export type ClassRow = Selectable<ClassesTable>;
