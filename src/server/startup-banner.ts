import { resolve } from 'node:path';
import { describeDatabaseUrl } from './config';
import type { KekSource } from './crypto/kek';
import type { Dialect } from './db/database';

/** What the start banner says: where the server answers, where the data and its key are, how mail goes. */
export interface BannerFacts {
  address: string;
  publicUrl: string | undefined;
  dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL (its password is left out of the banner). */
  databaseLocation: string;
  keySource: KekSource;
  mailsExternally: boolean;
}

/** The PostgreSQL URL without its password, or the SQLite file as a full path. */
export function describeDatabase(dialect: Dialect, location: string): string {
  if (dialect === 'sqlite') return `SQLite, ${resolve(location)}`;
  return `PostgreSQL, ${describeDatabaseUrl(location)}`;
}

function describeKey(source: KekSource): string[] {
  const backUp = 'Back it up, apart from the database backups: without it the encrypted data cannot be read.';
  if (source.kind === 'file') return [`Key file:  ${resolve(source.path)}`, `           ${backUp}`];
  if (source.kind === 'env') return ['Key:       from GROEIWIJZER_KEY', '           Keep a copy apart from the database backups: without it the encrypted data cannot be read.'];
  return [`Key:       none (${source.reason}): encrypted fields cannot be stored`];
}

/** The short banner `serve` prints on a terminal when it starts (plain text, a few lines). */
export function startupBanner(facts: BannerFacts): string {
  const lines = [
    'Groeiwijzer is running',
    `Address:   ${facts.address}${facts.publicUrl && facts.publicUrl !== facts.address ? `  (links in mail: ${facts.publicUrl})` : ''}`,
    `Database:  ${describeDatabase(facts.dialect, facts.databaseLocation)}`,
    ...describeKey(facts.keySource),
    `Mail:      ${facts.mailsExternally ? 'sent over SMTP' : 'kept in the outbox page for administrators (no SMTP_URL set)'}`,
    'Stop with Ctrl+C.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(Math.min(width, 100));
  return `\n${rule}\n${lines.join('\n')}\n${rule}\n`;
}
