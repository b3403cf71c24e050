import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { testDialects } from '../../../../test/support/test-db';
import { PERMISSIONS } from '../../../shared/permissions';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns';
import type { Db } from '../../db/database';
import { buildRegister, DEFAULT_CARE_TERMS, registerProblems, rolesReading } from './privacy-register';
import { TABLE_ENTRIES } from './register-tables';

// The register is kept true by this test: it reads the real tables and columns of a migrated database and fails
// when a table has no entry, an entry names a table that is not there, or an encrypted column is not described.

/** The tables and their columns of a migrated database, as the database itself lists them. */
async function tablesAndColumns(db: Db): Promise<Map<string, Set<string>>> {
  const rows =
    db.dialect === 'sqlite'
      ? await sql<{ table: string; column: string }>`
          select m.name as "table", c.name as "column" from sqlite_master m join pragma_table_info(m.name) c
          where m.type = 'table' and m.name not like 'sqlite_%'`.execute(db.kysely)
      : await sql<{ table: string; column: string }>`
          select c.table_name as "table", c.column_name as "column" from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db.kysely);
  const tables = new Map<string, Set<string>>();
  for (const { table, column } of rows.rows) {
    // Kysely's own bookkeeping of migrations holds no data of the school.
    if (table.startsWith('kysely_migration')) continue;
    tables.set(table, (tables.get(table) ?? new Set()).add(column));
  }
  return tables;
}

describe.each(testDialects())('the processing register on %s', (dialect) => {
  let test: TestApp;
  let columns: Map<string, Set<string>>;
  const check = (entries: typeof TABLE_ENTRIES, encryptedColumns = ENCRYPTED_COLUMNS) =>
    registerProblems({ entries, tablesInDatabase: [...columns.keys()], columnsInDatabase: columns, encryptedColumns });
  // What a changed register reports beyond the real one: the proofs below hold even while the real one is incomplete.
  const newProblems = (entries: typeof TABLE_ENTRIES, encryptedColumns = ENCRYPTED_COLUMNS) => {
    const known = new Set(check(TABLE_ENTRIES));
    return check(entries, encryptedColumns).filter((problem) => !known.has(problem));
  };

  beforeAll(async () => {
    test = await createTestApp(dialect);
    columns = await tablesAndColumns(test.deps.db);
  });
  afterAll(async () => test.close());

  it('describes every table of the migrated database, names no other, and covers every encrypted column', () => {
    expect(columns.size).toBeGreaterThan(100);
    expect(check(TABLE_ENTRIES)).toEqual([]);
  });

  it('reports a table without an entry, and its encrypted columns as not described', () => {
    const { care_referrals: _left, ...withoutOne } = TABLE_ENTRIES;
    expect(newProblems(withoutOne)).toEqual([
      'table care_referrals has no entry in the processing register',
      'encrypted column care_referrals.to_whom_encrypted is not described: its table has no register entry',
      'encrypted column care_referrals.reason_encrypted is not described: its table has no register entry',
    ]);
  });

  it('reports an entry for a table that does not exist, and an encrypted column the database lacks', () => {
    const invented = { ...TABLE_ENTRIES, pupil_addresses: { ...TABLE_ENTRIES.pupils! } };
    expect(newProblems(invented as typeof TABLE_ENTRIES)).toEqual(['the processing register describes pupil_addresses, which is not a table of the database']);
    expect(newProblems(TABLE_ENTRIES, [...ENCRYPTED_COLUMNS, { table: 'pupils', column: 'address_encrypted', keyColumns: ['id'] }])).toEqual([
      'encrypted column pupils.address_encrypted is not a column of the database',
    ]);
  });
});

describe('the register as it is built', () => {
  const context = { config: { checkinRetentionExtraYears: 1, sessionIdleMinutes: 30, sessionAbsoluteHours: 12 }, careTerms: DEFAULT_CARE_TERMS, isSchool: false };

  it('computes the roles from the permission table, not from a list of its own', () => {
    expect(rolesReading(['school.care.sensitive'])).toEqual({ schoolRoles: ['care_team'], boardRoles: [], workingGroup: false });
    // A permission's roles change → the register's readers change with them.
    const readersOfAces = buildRegister(context, 'nl')
      .flatMap((category) => category.tables)
      .find((table) => table.table === 'care_ace_answers');
    expect(readersOfAces?.readers).toEqual(PERMISSIONS['school.care.sensitive'].schoolRoles.map(() => 'Zorgteam'));
    expect(rolesReading(['school.training.read']).workingGroup).toBe(true);
  });

  it('lists each encrypted column with its table and puts care data in the special category', () => {
    const tables = buildRegister(context, 'en').flatMap((category) => category.tables.map((table) => ({ ...table, category: category.category })));
    for (const { table, column } of ENCRYPTED_COLUMNS) expect(tables.find((entry) => entry.table === table)?.encryptedColumns, table).toContain(column);
    for (const table of tables.filter((entry) => entry.table.startsWith('care_') && entry.encryptedColumns.length > 0)) expect(table.category, table.table).toBe('special_care');
  });

  it('writes the real retention figures: the configured check-in years and a school’s own care term', () => {
    const categories = buildRegister({ ...context, config: { ...context.config, checkinRetentionExtraYears: 3 }, careTerms: new Map([['aces', { months: 60, isDefault: false }]]), isSchool: true }, 'nl');
    const table = (name: string) => categories.flatMap((category) => category.tables).find((entry) => entry.table === name);
    expect(table('checkins')?.retention).toContain('en 3 schooljaren daarvoor');
    expect(table('care_ace_answers')?.retention).toContain('60 maanden');
    expect(table('care_ace_answers')?.retention).toContain('eigen termijn');
  });
});
