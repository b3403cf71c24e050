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

  it('requires two-step verification unless MFA_REQUIRED says false', () => {
    expect(loadConfig({}).mfaRequired).toBe(true);
    expect(loadConfig({ MFA_REQUIRED: 'false' }).mfaRequired).toBe(false);
    expect(loadConfig({ MFA_REQUIRED: '0' }).mfaRequired).toBe(false);
    expect(loadConfig({ MFA_REQUIRED: 'true' }).mfaRequired).toBe(true);
    expect(() => loadConfig({ MFA_REQUIRED: 'off' })).toThrow(/MFA_REQUIRED/);
  });

  it('takes the field-encryption key from GROEIWIJZER_KEY (32 bytes of base64) or GROEIWIJZER_KEY_FILE', () => {
    expect(loadConfig({})).toMatchObject({ key: undefined, keyFile: undefined });
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ GROEIWIJZER_KEY: key, GROEIWIJZER_KEY_FILE: '/etc/groeiwijzer/key' })).toMatchObject({ key, keyFile: '/etc/groeiwijzer/key' });
    expect(() => loadConfig({ GROEIWIJZER_KEY: Buffer.alloc(16, 7).toString('base64') })).toThrow(/GROEIWIJZER_KEY/);
    expect(() => loadConfig({ GROEIWIJZER_KEY: 'geheim' })).toThrow(/32 random bytes/);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
