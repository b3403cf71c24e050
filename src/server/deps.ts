import { randomBytes, randomUUID, createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { FieldCrypto } from './crypto/field-crypto';
import type { Db } from './db/database';
import type { Mailer } from './mail/mailer';

/** Where "now" comes from; tests pass a fake one to move time. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Everything with a side effect that the app needs, injected so tests can replace the clock or mail. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** Encryption of special-category fields (fails closed without the key). */
  fieldCrypto: FieldCrypto;
  logger?: FastifyBaseLogger;
}

/** A new random record id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

/** A new unguessable token: 256 random bits, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, hex: what the database stores instead of the secret itself. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** An instant as ISO-8601 UTC text, the form every timestamp column holds. */
export function isoInstant(date: Date): string {
  return date.toISOString();
}
