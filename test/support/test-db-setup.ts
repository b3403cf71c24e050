import { createTestDatabaseTemplates } from './test-db';

/**
 * Vitest global setup of the integration tests: migrates the run's template databases once (see test-db.ts)
 * and names them to the test workers, which inherit the environment; removes them after the run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const templates = await createTestDatabaseTemplates();
  process.env.TEST_SQLITE_TEMPLATE = templates.sqlitePath;
  if (templates.postgresName) process.env.TEST_DATABASE_TEMPLATE = templates.postgresName;
  return templates.drop;
}
