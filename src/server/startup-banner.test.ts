import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, logDestinationFor } from './http/logging';
import { startupBanner } from './startup-banner';

describe('the start banner', () => {
  it('names the address, the SQLite file and its key file as full paths, and says to back the key up', () => {
    const banner = startupBanner({
      address: 'http://localhost:3000',
      publicUrl: undefined,
      dialect: 'sqlite',
      databaseLocation: '/srv/groeiwijzer/data/groeiwijzer.db',
      keySource: { kind: 'file', path: '/srv/groeiwijzer/data/groeiwijzer.key', isDefault: true },
      mailsExternally: false,
    });
    expect(banner).toContain('Address:   http://localhost:3000\n');
    expect(banner).toContain('Database:  SQLite, /srv/groeiwijzer/data/groeiwijzer.db\n');
    expect(banner).toContain('Key file:  /srv/groeiwijzer/data/groeiwijzer.key\n');
    expect(banner).toMatch(/Back it up, apart from the database backups/);
    expect(banner).toContain('kept in the outbox page');
    expect(banner.split('\n').length).toBeLessThanOrEqual(12);
  });

  it('never prints the PostgreSQL password, and names a key given in the environment and the public address', () => {
    const banner = startupBanner({
      address: 'http://localhost:8080',
      publicUrl: 'https://groeiwijzer.school.nl',
      dialect: 'postgres',
      databaseLocation: 'postgres://groeiwijzer:geheim-wachtwoord@db.school.nl:5432/groeiwijzer',
      keySource: { kind: 'env', key: 'x'.repeat(43) + '=' },
      mailsExternally: true,
    });
    expect(banner).not.toContain('geheim-wachtwoord');
    expect(banner).not.toContain('x'.repeat(43));
    expect(banner).toContain('Database:  PostgreSQL, postgres://groeiwijzer:***@db.school.nl:5432/groeiwijzer');
    expect(banner).toContain('Key:       from GROEIWIJZER_KEY');
    expect(banner).toContain('(links in mail: https://groeiwijzer.school.nl)');
    expect(banner).toContain('Mail:      sent over SMTP');
  });
});

describe('the log on a terminal and elsewhere', () => {
  function capture(isTTY: boolean) {
    const lines: string[] = [];
    const logger = createLogger('info', logDestinationFor({ isTTY, write: (text: string) => lines.push(text) }));
    return { logger, lines };
  }

  it('stays one JSON record per line when the output is not a terminal (tests, CI, log shippers)', () => {
    const { logger, lines } = capture(false);
    logger.info({ req: { method: 'GET', route: '/api/health' }, res: { statusCode: 200 }, responseTime: 3.2 }, 'request completed');
    logger.warn('No SMTP_URL set');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, msg: 'No SMTP_URL set' });
  });

  it('writes a human line per record on a terminal: time, level, request, status, duration, message', () => {
    const { logger, lines } = capture(true);
    // As Fastify logs a request: the request object goes through serializeRequest (route pattern only).
    logger.info({ req: { method: 'GET', routeOptions: { url: '/api/schools/:schoolId/pupils' } }, res: { statusCode: 200 }, responseTime: 12.4 }, 'request completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} {2}INFO {3}GET \/api\/schools\/:schoolId\/pupils {2}200 {2}12 ms {2}request completed\n$/);
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it('keeps a record on its own line on a terminal too: a line break inside a value is escaped', () => {
    const line = formatLogLine(JSON.stringify({ level: 30, time: Date.now(), msg: 'first\nFAKE ERROR line', extra: 'a\u2028b' }));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('first\\u000aFAKE ERROR line');
    expect(line).toContain('extra=a\\u2028b');
  });

  it("shows an error's type and message, and its stack indented below", () => {
    const error = new TypeError('boom');
    const line = formatLogLine(JSON.stringify({ level: 50, time: Date.now(), msg: 'failed', err: { type: 'TypeError', message: 'boom', stack: error.stack } }));
    const [first, ...stack] = line.split('\n');
    expect(first).toMatch(/ERROR {2}failed {2}— TypeError: boom$/);
    expect(stack.length).toBeGreaterThan(0);
    for (const frame of stack) expect(frame).toMatch(/^ {4}at /);
  });
});
