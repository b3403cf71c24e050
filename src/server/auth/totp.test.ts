import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, hotp, matchTotpStep, newTotpSecret, otpauthUri, totpForStep, totpStepAt } from './totp';

// The shared secret of the RFC 4226 and RFC 6238 test vectors: ASCII "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226 appendix D)', () => {
  it('gives the published code for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(RFC_KEY, counter))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the published 8-digit code at T=%i', (seconds, code) => {
    const secret = encodeBase32(RFC_KEY);
    expect(totpForStep(secret, totpStepAt(new Date(seconds * 1000)), 8)).toBe(code);
  });
});

describe('base32', () => {
  it('round-trips bytes and reads the RFC 4648 examples', () => {
    expect(encodeBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(decodeBase32('mzxw6ytboi======').toString()).toBe('foobar');
    expect(decodeBase32('MZXW 6YTB-OI').toString()).toBe('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => decodeBase32('MZXW1')).toThrow('not base32');
  });

  it('makes 160-bit secrets that differ each time', () => {
    const secret = newTotpSecret();
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe('matching a typed code', () => {
  const secret = encodeBase32(RFC_KEY);
  const now = new Date(1_111_111_111_000);
  const step = totpStepAt(now);

  it('accepts the current step and one step either side, and says which step matched', () => {
    expect(matchTotpStep(secret, totpForStep(secret, step), now)).toBe(step);
    expect(matchTotpStep(secret, totpForStep(secret, step - 1), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpForStep(secret, step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, wrong codes and codes that are not six digits', () => {
    expect(matchTotpStep(secret, totpForStep(secret, step - 2), now)).toBeNull();
    expect(matchTotpStep(secret, totpForStep(secret, step + 2), now)).toBeNull();
    const wrong = String((Number(totpForStep(secret, step)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotpStep(secret, wrong, now)).toBeNull();
    expect(matchTotpStep(secret, '12345', now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
  });
});

describe('otpauth URI', () => {
  it('names issuer and account and carries the secret and parameters', () => {
    const uri = otpauthUri({ issuer: 'Groeiwijzer', account: 'ib@voorbeeld.test', secret: 'JBSWY3DPEHPK3PXP' });
    expect(uri).toBe('otpauth://totp/Groeiwijzer:ib%40voorbeeld.test?secret=JBSWY3DPEHPK3PXP&issuer=Groeiwijzer&algorithm=SHA1&digits=6&period=30');
  });
});
