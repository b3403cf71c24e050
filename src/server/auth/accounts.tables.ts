import type { Selectable } from 'kysely';

/** A staff account. Pupils never have one. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  /** Switched off for every school by an admin of the home board. */
  disabled_at: string | null;
  created_at: string;
  /** The board the account belongs to: its admins alone may switch it off, and mail about it is filed there. */
  home_board_id: string | null;
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

/** A school's own hold on one person's membership: blocked there, or signed out there from a moment on. */
export interface SchoolStaffStatusTable {
  school_id: string;
  user_id: string;
  blocked_at: string | null;
  sessions_ended_at: string | null;
  updated_at: string;
}

/** An invitation to join a school: for a new address it comes with a link to choose a password; an existing account answers it signed in. */
export interface StaffInvitationsTable {
  id: string;
  school_id: string;
  user_id: string;
  name: string;
  email: string;
  /** JSON array of school roles (roles that need a second person wait in role_grants). */
  roles: string;
  /** JSON array of class ids (teachers). */
  class_ids: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  token_hash: string | null;
  answered_at: string | null;
  answer: 'accepted' | 'declined' | 'withdrawn' | null;
  /** The day the person starts at the school (YYYY-MM-DD), set when they join; null: from the day they accept. */
  started_on: string | null;
}

/** A role that reads special-category data, waiting for (or decided by) a second person. */
export interface RoleGrantsTable {
  id: string;
  school_id: string;
  user_id: string;
  role: string;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision: 'approved' | 'rejected' | 'withdrawn' | null;
  applied_at: string | null;
}

/** A user as stored. */
export type UserRow = Selectable<UsersTable>;
/** A school membership as stored. */
export type SchoolMembershipRow = Selectable<SchoolMembershipsTable>;
/** An invitation as stored. */
export type StaffInvitationRow = Selectable<StaffInvitationsTable>;
/** A role grant as stored. */
export type RoleGrantRow = Selectable<RoleGrantsTable>;
