import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS_REFUSED } from '../../shared/plain-text';
import { multiLineTextSchema, nameSchema, singleLineTextSchema } from './common.schemas';

// Each character a person cannot see or should not put into a line of text, by name.
const REFUSED_EVERYWHERE = {
  NUL: '\u0000',
  BEL: '\u0007',
  VT: '\u000B',
  FF: '\u000C',
  CR: '\r',
  ESC: '\u001B',
  DEL: '\u007F',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009B',
  'LINE SEPARATOR': '\u2028',
  'PARAGRAPH SEPARATOR': '\u2029',
  'ARABIC LETTER MARK': '\u061C',
  LRM: '\u200E',
  RLM: '\u200F',
  LRE: '\u202A',
  RLE: '\u202B',
  PDF: '\u202C',
  LRO: '\u202D',
  RLO: '\u202E',
  LRI: '\u2066',
  RLI: '\u2067',
  FSI: '\u2068',
  PDI: '\u2069',
};

function refusalOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message);
}

describe('single-line text', () => {
  it.each(Object.entries({ ...REFUSED_EVERYWHERE, LF: '\n', TAB: '\t', 'CR LF': '\r\n' }))('refuses %s inside a text', (_name, character) => {
    expect(refusalOf(singleLineTextSchema.safeParse(`Ronde${character}najaar`))).toEqual([CONTROL_CHARACTERS_REFUSED]);
  });

  it('trims, and keeps letters, accents, emoji (with joiners) and right-to-left script as typed', () => {
    for (const text of ['Zelfscan najaar', 'Çağla Öztürk-Nuñez', "van 't Hof", '👩‍🏫 Groep 5', 'مدرسة', '«Groei» ‘wijzer’ – 2026']) {
      expect(singleLineTextSchema.parse(`  ${text} `)).toBe(text);
    }
  });

  it('refuses a forged paragraph in a name, also when the line breaks sit at its ends', () => {
    // A trailing line break is trimmed away as whitespace; one inside the text is not.
    expect(nameSchema.parse('Najaar\n')).toBe('Najaar');
    expect(nameSchema.safeParse('Najaar\n\nKlik hier: https://example.test/').success).toBe(false);
    expect(nameSchema.safeParse('Najaar \u202Egnp.exe').success).toBe(false);
  });

  it('keeps the length rules of the field it is used for', () => {
    expect(nameSchema.safeParse('   ').success).toBe(false);
    expect(nameSchema.safeParse('x'.repeat(121)).success).toBe(false);
    expect(nameSchema.parse(`${'x'.repeat(120)}  `)).toHaveLength(120);
  });
});

describe('multi-line text', () => {
  it.each(Object.entries(REFUSED_EVERYWHERE))('refuses %s', (_name, character) => {
    expect(refusalOf(multiLineTextSchema.safeParse(`Eerste regel${character}tweede`))).toEqual([CONTROL_CHARACTERS_REFUSED]);
  });

  it('keeps line feeds and tabs, and turns CR LF into a line feed', () => {
    expect(multiLineTextSchema.parse('Eerste regel\n\tingesprongen\n\nAlinea')).toBe('Eerste regel\n\tingesprongen\n\nAlinea');
    expect(multiLineTextSchema.parse('Eerste regel\r\nTweede regel\r\n')).toBe('Eerste regel\nTweede regel\n');
  });

  it('counts the length after normalising, and trims only where the field asks for it', () => {
    expect(multiLineTextSchema.max(3).parse('a\r\nb')).toBe('a\nb');
    expect(multiLineTextSchema.parse('  inspringen  ')).toBe('  inspringen  ');
    expect(multiLineTextSchema.trim().parse('  \r\nnotitie\r\n  ')).toBe('notitie');
  });
});
