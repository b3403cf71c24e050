import type { Kysely } from 'kysely';

// Several servers on one database (issue 18): what each process kept in memory moves into the database.
// rate_limits: the counters of the throttled routes (login, reset, pupil and parent sign-in), so a limit holds
// across every server behind the load balancer; a row lives one window (http/rate-limit-store.ts).
// job_leases: one row per background job, claimed before each run, so a job runs once per period across the
// servers (background-job.ts).

/** Adds the rate-limit counters and the job leases. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window_ends_idx').on('rate_limits').column('window_ends_at').execute();
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
  await db.schema.dropTable('rate_limits').execute();
}
