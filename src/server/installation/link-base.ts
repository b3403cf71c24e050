import { z } from 'zod';
import type { Clock, Deps } from '../deps';
import { isoInstant } from '../deps';
import { AppError } from '../errors';
import { findInstallationSetting, saveInstallationSetting } from './installation.repository';
import type { Database } from '../db/database';
import type { Kysely } from 'kysely';

/**
 * THE address every link Groeiwijzer hands out starts with (reset and invitation mails, self-scan
 * invitations, the weekly digest, calendar feeds, pupils' login cards): PUBLIC_URL when set, otherwise
 * the origin pinned at first run or by `groeiwijzer demo`. Never the request's own address: a caller
 * writes its Host and X-Forwarded-Host headers itself, and a link built from them could send a colleague's
 * reset token to the caller's server. Without either it refuses (`link_base_missing`) instead of guessing.
 */
export async function linkBaseOf(deps: Pick<Deps, 'config' | 'db'>): Promise<string> {
  const base = deps.config.publicUrl ?? (await findInstallationSetting(deps.db.kysely, 'link_origin'));
  if (!base) throw new AppError('link_base_missing', { detail: 'links need an address: set PUBLIC_URL (or pin one on the first-run page)' });
  return base.replace(/\/+$/, '');
}

/** Pins the origin links point to while PUBLIC_URL is not set (PUBLIC_URL always wins). */
export async function pinLinkOrigin(db: Kysely<Database>, clock: Clock, origin: string): Promise<void> {
  await saveInstallationSetting(db, 'link_origin', linkOriginSchema.parse(origin), isoInstant(clock.now()));
}

// Only scheme, host and port: a path, query or credentials in the pinned address would end up in every link.
function isBareOrigin(value: string): boolean {
  // zod runs this refinement also when the value failed the URL check before it.
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
}

/** The address links point to as typed on the first-run page: http(s) with host and port only, stored as its origin. */
export const linkOriginSchema = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
  .max(200)
  .refine(isBareOrigin, 'only the address, e.g. https://groeiwijzer.school.nl, without a path')
  .transform((value) => new URL(value).origin);
