import { describe, expect, it } from 'vitest';
import { readTextFile } from './read-text-file';

describe('readTextFile', () => {
  it('reads UTF-8 (with or without a byte order mark)', async () => {
    const text = 'Leerlingnummer;Roepnaam\n1;Zoë\n';
    expect(await readTextFile(new Blob([text]))).toBe(text);
    expect(await readTextFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text]))).toBe(text);
  });

  it('falls back to Windows-1252 for exports from older tools', async () => {
    // "Zoë" with ë as the single byte 0xEB, as Windows-1252 writes it.
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb]);
    expect(await readTextFile(new Blob([bytes]))).toBe('Zoë');
  });
});
