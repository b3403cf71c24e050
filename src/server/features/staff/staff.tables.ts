import type { Selectable } from 'kysely';

/** A staff account. Pupils never have one. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  disabled_at: string | null;
  created_at: string;
}

/** A role a user holds for a whole board. */
export interface BoardMembershipsTable {
  board_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** A role a user holds within one school. */
export interface SchoolMembershipsTable {
  school_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** A teacher's assignment to a class. */
export interface ClassTeachersTable {
  class_id: string;
  user_id: string;
  created_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type SchoolMembershipRow = Selectable<SchoolMembershipsTable>;
