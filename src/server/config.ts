import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

// `10.0.0.5`, `::1`, or a range such as `10.0.0.0/8` or `fd00::/8`.
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const addressListFromEnv = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(z.string().refine(isAddressOrRange, 'must be IP addresses or ranges (CIDR), separated by commas')));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'DATABASE_URL must start with sqlite: or postgres://')
    .default('sqlite:./data/groeiwijzer.db'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http:// or https:// address' }).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Groeiwijzer <no-reply@groeiwijzer.local>'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  PUPIL_SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  MFA_REQUIRED: booleanFromEnv.default(true),
  GROEIWIJZER_KEY_FILE: z.string().min(1).optional(),
  GROEIWIJZER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'GROEIWIJZER_KEY must be 32 random bytes in base64 (44 characters, e.g. from `groeiwijzer keys generate`)')
    .optional(),
  CHECKIN_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  CHECKIN_BATCH_SIZE: z.coerce.number().int().min(1).max(2_000).default(500),
  CHECKIN_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  CHECKIN_RETENTION_EXTRA_YEARS: z.coerce.number().int().min(0).max(20).default(1),
  DIGEST_ENABLED: booleanFromEnv.default(true),
  JOB_FIRST_DELAY_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).optional(),
  METRICS_ALLOW: addressListFromEnv.default(['127.0.0.1', '::1']),
});

/** Runtime configuration, parsed once from the environment. */
export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  /** The address links in mails and answers start with (see installation/link-base.ts); also turns on HSTS when https. */
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  loginRateLimitPerMinute: number;
  /** Pupil sign-ins (class code + personal code) per minute per address: a whole school may share one address. */
  pupilSignInRateLimitPerMinute: number;
  /** Whether staff whose roles reach special-category data or exports must use two-step verification. */
  mfaRequired: boolean;
  /** Path of the file holding the key-encryption key (base64, 32 bytes); see src/server/crypto/kek.ts. */
  keyFile: string | undefined;
  /** The key-encryption key itself (base64, 32 bytes), when not in a file. */
  key: string | undefined;
  /** Check-ins waiting for their commit above which new ones are refused with 503 + Retry-After. */
  checkinQueueLimit: number;
  /** The most check-ins the write queue commits in one transaction. */
  checkinBatchSize: number;
  /** How long the write queue waits for more check-ins before a commit (0: only those that arrived meanwhile). */
  checkinBatchWaitMs: number;
  /** Raw check-ins are kept for the current school year plus this many before it (then only class counts remain). */
  checkinRetentionExtraYears: number;
  /** Whether `serve` sends the weekly plan digest (Mondays from 07:00, Europe/Amsterdam). */
  digestEnabled: boolean;
  /**
   * When set, every background job (retention, reminders, digest, purges) first runs this many seconds after start
   * instead of its own delay of minutes: to see a new setup's jobs run, and for the several-servers test.
   */
  jobFirstDelaySeconds: number | undefined;
  /** Addresses and ranges (CIDR) that may read /metrics, checked against the connection's own address; empty: off. */
  metricsAllow: readonly string[];
  /**
   * Set only by `groeiwijzer demo`, never from the environment: a demo installation lets anyone load
   * the demo on first run, any other installation only from the server itself.
   */
  isDemo: boolean;
}

/** Parses the environment into a typed Config; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    pupilSignInRateLimitPerMinute: e.PUPIL_SIGN_IN_RATE_LIMIT_PER_MINUTE,
    mfaRequired: e.MFA_REQUIRED,
    keyFile: e.GROEIWIJZER_KEY_FILE,
    key: e.GROEIWIJZER_KEY,
    checkinQueueLimit: e.CHECKIN_QUEUE_LIMIT,
    checkinBatchSize: e.CHECKIN_BATCH_SIZE,
    checkinBatchWaitMs: e.CHECKIN_BATCH_WAIT_MS,
    checkinRetentionExtraYears: e.CHECKIN_RETENTION_EXTRA_YEARS,
    digestEnabled: e.DIGEST_ENABLED,
    jobFirstDelaySeconds: e.JOB_FIRST_DELAY_SECONDS,
    // Set but empty turns /metrics off (unset keeps the default: this machine only).
    metricsAllow: env.METRICS_ALLOW === '' ? [] : e.METRICS_ALLOW,
    isDemo: false,
  };
}

/** A database URL fit for printing: the PostgreSQL password is masked. */
export function describeDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/, '$1***@');
}

// An empty variable (FOO=) means "not set", so defaults still apply.
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result;
}
