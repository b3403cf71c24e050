import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('defaults to SQLite in ./data, 0.0.0.0:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: 'sqlite:./data/groeiwijzer.db', host: '0.0.0.0', port: 3000, smtpUrl: undefined });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' })).toMatchObject({ port: 3000, smtpUrl: undefined });
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
