import { describe, expect, it } from 'vitest';
import { nameFromEmail } from './name-from-email';

describe('a name suggested from an e-mail address', () => {
  it.each([
    ['jan.de.vries@school.nl', 'Jan de Vries'],
    ['anouk_van_der_berg@school.nl', 'Anouk van der Berg'],
    ['j.jansen@school.nl', 'J. Jansen'],
    ['FATIMA.EL-AMRANI@school.nl', 'Fatima El Amrani'],
    ['pieter2@school.nl', 'Pieter'],
    ['info@school.nl', ''],
    ['12345@school.nl', ''],
    ['', ''],
  ])('%s → "%s"', (email, name) => {
    expect(nameFromEmail(email)).toBe(name);
  });
});
