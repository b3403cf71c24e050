// A small JSON client over node:http for the durability harness: it must see exactly which requests
// were answered, and survive a server that disappears mid-request.
import { randomBytes } from 'node:crypto';
import { type Agent, request } from 'node:http';
import { z } from 'zod';

/** A signed-in administrator: the cookie and CSRF token to send, and the school the setup created. */
export interface Administrator {
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  schoolId: string;
}

/** One answered request: status, parsed JSON body and the Set-Cookie headers. */
export interface JsonResponse {
  status: number;
  body: unknown;
  setCookies: string[];
}

/** Options for one request. */
export interface JsonRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  as?: Pick<Administrator, 'cookie' | 'csrfToken'>;
  agent?: Agent;
}

/** Sends one JSON request; rejects when the connection fails before the whole answer arrived. */
export function sendJson(baseUrl: string, options: JsonRequest): Promise<JsonResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.as) {
    headers.cookie = options.as.cookie;
    headers['x-csrf-token'] = options.as.csrfToken;
  }
  return new Promise((resolveResponse, reject) => {
    const outgoing = request(`${baseUrl}${options.path}`, { method: options.method, headers, agent: options.agent ?? false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('aborted', () => reject(new Error('response aborted')));
      incoming.on('end', () => {
        // An answer cut off by a killed server is not an answer.
        if (!incoming.complete) return reject(new Error('response incomplete'));
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolveResponse({ status: incoming.statusCode ?? 0, body: text ? JSON.parse(text) : null, setCookies: incoming.headers['set-cookie'] ?? [] });
        } catch (error) {
          reject(error);
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** The `name=value` part of the session cookie among Set-Cookie headers. */
export function sessionCookieFrom(setCookies: readonly string[]): string {
  const cookie = setCookies.find((header) => header.startsWith('__Host-gw_session='));
  if (!cookie) throw new Error('no session cookie in the answer');
  return cookie.split(';')[0] ?? '';
}

const sessionSchema = z.object({
  csrfToken: z.string(),
  schools: z.array(z.object({ id: z.string() })).min(1),
});

/** Completes the first-run setup (board, school, administrator) through POST /api/setup and returns the signed-in administrator. */
export async function setUpFirstSchool(baseUrl: string): Promise<Administrator> {
  const email = 'beheer@durability.test';
  const password = `dur-${randomBytes(12).toString('hex')}`;
  const response = await sendJson(baseUrl, {
    method: 'POST',
    path: '/api/setup',
    body: { boardName: 'Stichting Duurzaam', schoolName: 'De Proefschool', schoolKind: 'primary', adminName: 'Beheer Duurzaam', adminEmail: email, adminPassword: password, linkOrigin: baseUrl },
  });
  if (response.status !== 201) throw new Error(`setup answered ${response.status}: ${JSON.stringify(response.body)}`);
  const session = sessionSchema.parse(response.body);
  const school = session.schools[0];
  if (!school) throw new Error('setup created no school');
  return { email, password, cookie: sessionCookieFrom(response.setCookies), csrfToken: session.csrfToken, schoolId: school.id };
}
