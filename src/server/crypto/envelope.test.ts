import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldDecryptionError, newDataKey, openField, parseEnvelope, sealField, unwrapDataKey, wrapDataKey } from './envelope';
import { decodeKey, kekFingerprint, newKeyText } from './kek';

const dataKey = newDataKey('dek-1');
const keys = (id: string) => (id === dataKey.id ? dataKey.key : undefined);
const ref = { table: 'selfscan_ratings', column: 'note', rowId: 'response-1/aspect-1' };
const TEXT = 'Sam was vandaag erg onrustig na het weekend — we hebben even gepraat';

/** Flips one bit of one byte of a base64url part of the envelope. */
function flipByte(stored: string, part: 2 | 3, index: number): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('field envelopes (AES-256-GCM)', () => {
  it('round-trips text, with a fresh IV every time, in the gw1 format', () => {
    const first = sealField(dataKey, ref, TEXT);
    const second = sealField(dataKey, ref, TEXT);
    expect(first).toMatch(/^gw1:dek-1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('onrustig');
    expect(openField(keys, ref, first)).toBe(TEXT);
    expect(openField(keys, ref, second)).toBe(TEXT);
    expect(openField(keys, ref, sealField(dataKey, ref, ''))).toBe('');
  });

  it('refuses a flipped byte in the ciphertext, the tag or the IV', () => {
    const stored = sealField(dataKey, ref, TEXT);
    const sealedLength = parseEnvelope(stored).sealed.length;
    for (const tampered of [flipByte(stored, 3, 0), flipByte(stored, 3, sealedLength - 1), flipByte(stored, 2, 5)]) {
      expect(tampered).not.toBe(stored);
      expect(() => openField(keys, ref, tampered)).toThrow(FieldDecryptionError);
    }
  });

  it('refuses a value moved to another row, column or table', () => {
    const stored = sealField(dataKey, ref, TEXT);
    expect(() => openField(keys, { ...ref, rowId: 'response-2/aspect-1' }, stored)).toThrow(FieldDecryptionError);
    expect(() => openField(keys, { ...ref, column: 'rationale' }, stored)).toThrow(FieldDecryptionError);
    expect(() => openField(keys, { ...ref, table: 'user_mfa' }, stored)).toThrow(FieldDecryptionError);
  });

  it('refuses a value under another data key, an unknown key id and malformed text', () => {
    const stored = sealField(dataKey, ref, TEXT);
    const other = newDataKey('dek-1');
    expect(() => openField(() => other.key, ref, stored)).toThrow(FieldDecryptionError);
    expect(() => openField(() => undefined, ref, stored)).toThrow(/unknown data key/);
    for (const bad of ['plain text', 'gw1:dek-1:abc', 'gw2:dek-1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA', 'gw1::AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(() => openField(keys, ref, bad)).toThrow(FieldDecryptionError);
    }
  });

  it('wraps a data key so only the same KEK and the same key id unwrap it', () => {
    const kek = randomBytes(32);
    const wrapped = wrapDataKey(kek, dataKey);
    expect(unwrapDataKey(kek, dataKey.id, wrapped).key.equals(dataKey.key)).toBe(true);
    expect(() => unwrapDataKey(randomBytes(32), dataKey.id, wrapped)).toThrow(FieldDecryptionError);
    expect(() => unwrapDataKey(kek, 'dek-2', wrapped)).toThrow(FieldDecryptionError);
  });
});

describe('key-encryption keys', () => {
  it('accepts exactly 32 bytes of base64 and says what is wrong otherwise', () => {
    const text = newKeyText();
    expect(decodeKey(`${text}\n`)).toHaveLength(32);
    expect(() => decodeKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => decodeKey('not base64!')).toThrow(/base64/);
  });

  it('fingerprints a key without revealing it, differently per key', () => {
    const kek = randomBytes(32);
    expect(kekFingerprint(kek)).toMatch(/^[0-9a-f]{32}$/);
    expect(kekFingerprint(kek)).toBe(kekFingerprint(Buffer.from(kek)));
    expect(kekFingerprint(randomBytes(32))).not.toBe(kekFingerprint(kek));
    expect(kekFingerprint(kek)).not.toContain(kek.toString('hex').slice(0, 8));
  });
});
