import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('defaults to SQLite in ./data, 0.0.0.0:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: 'sqlite:./data/groeiwijzer.db', host: '0.0.0.0', port: 3000, smtpUrl: undefined });
  });

  it('never takes the demo flag from the environment: only `groeiwijzer demo` sets it', () => {
    expect(loadConfig({ IS_DEMO: 'true', isDemo: 'true', DEMO: 'true', GROEIWIJZER_DEMO: 'true' }).isDemo).toBe(false);
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

  it('bounds the check-in write queue and keeps raw check-ins one extra school year by default', () => {
    expect(loadConfig({})).toMatchObject({ checkinQueueLimit: 2_000, checkinBatchSize: 500, checkinBatchWaitMs: 0, checkinRetentionExtraYears: 1 });
    expect(loadConfig({ CHECKIN_QUEUE_LIMIT: '50', CHECKIN_BATCH_SIZE: '20', CHECKIN_BATCH_WAIT_MS: '5', CHECKIN_RETENTION_EXTRA_YEARS: '0' })).toMatchObject({
      checkinQueueLimit: 50,
      checkinBatchSize: 20,
      checkinBatchWaitMs: 5,
      checkinRetentionExtraYears: 0,
    });
    expect(() => loadConfig({ CHECKIN_QUEUE_LIMIT: '0' })).toThrow(/CHECKIN_QUEUE_LIMIT/);
    expect(() => loadConfig({ CHECKIN_BATCH_SIZE: 'veel' })).toThrow(/CHECKIN_BATCH_SIZE/);
    expect(() => loadConfig({ CHECKIN_RETENTION_EXTRA_YEARS: '-1' })).toThrow(/CHECKIN_RETENTION_EXTRA_YEARS/);
  });

  it('allows 300 pupil sign-ins per minute per address by default (ten classes of 30 at once)', () => {
    expect(loadConfig({}).pupilSignInRateLimitPerMinute).toBe(300);
    expect(loadConfig({ PUPIL_SIGN_IN_RATE_LIMIT_PER_MINUTE: '120' }).pupilSignInRateLimitPerMinute).toBe(120);
    expect(() => loadConfig({ PUPIL_SIGN_IN_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/PUPIL_SIGN_IN_RATE_LIMIT_PER_MINUTE/);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
