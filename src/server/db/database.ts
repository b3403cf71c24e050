import type { Kysely } from 'kysely';
import type { AuditEventsTable } from '../audit/audit.tables';
import type { SessionsTable, UserTokensTable } from '../auth/auth.tables';
import type { ClassPupilsTable, PupilsTable } from '../features/pupils/pupils.tables';
import type {
  BoardMembershipsTable,
  ClassTeachersTable,
  SchoolMembershipsTable,
  UsersTable,
} from '../features/staff/staff.tables';
import type { BoardsTable, ClassesTable, LocationsTable, SchoolsTable } from '../features/tenancy/tenancy.tables';
import type { OutboxMessagesTable } from '../mail/mail.tables';

/** Every table of Groeiwijzer, as Kysely sees it. */
export interface Database {
  boards: BoardsTable;
  schools: SchoolsTable;
  locations: LocationsTable;
  classes: ClassesTable;
  users: UsersTable;
  board_memberships: BoardMembershipsTable;
  school_memberships: SchoolMembershipsTable;
  class_teachers: ClassTeachersTable;
  pupils: PupilsTable;
  class_pupils: ClassPupilsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  outbox_messages: OutboxMessagesTable;
  audit_events: AuditEventsTable;
}

/** The two database engines Groeiwijzer runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** A connected database: the Kysely handle plus what kind it is. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives: a file path for SQLite, the connection URL for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}
