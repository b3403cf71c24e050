import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatSigned } from './format';

describe('formatDate', () => {
  it('writes a calendar date out in the interface language', () => {
    expect(formatDate('2016-03-09', 'nl')).toBe('9 maart 2016');
    expect(formatDate('2016-03-09', 'en')).toBe('9 March 2016');
  });

  it('never shifts a birth date by a day, whatever the time zone', () => {
    expect(formatDate('2015-01-01', 'nl')).toBe('1 januari 2015');
    expect(formatDate('2015-12-31', 'en')).toBe('31 December 2015');
  });

  it('shows text that is not a date as it is, and nothing for no date', () => {
    expect(formatDate('onbekend', 'nl')).toBe('onbekend');
    expect(formatDate(null, 'nl')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('includes the year and the time', () => {
    const text = formatDateTime('2026-11-21T14:05:00.000Z', 'nl');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows an unreadable instant as it is', () => {
    expect(formatDateTime('gisteren', 'en')).toBe('gisteren');
  });
});

describe('formatNumber', () => {
  it('groups thousands the Dutch or the English way', () => {
    expect(formatNumber(1234567, 'nl')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});

describe('formatSigned', () => {
  it('writes a change with its sign and a decimal comma in Dutch', () => {
    expect(formatSigned(0.254, 'nl')).toBe('+0,25');
    expect(formatSigned(-0.1, 'en')).toBe('-0.1');
    expect(formatSigned(0, 'nl')).toBe('0');
  });
});
