import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type InstrumentFile, instrumentSchema, isFavourable, itemOf, scaleScore } from '../../../shared/questionnaire-instrument';
import { AppError } from '../../errors';
import { loadShippedInstruments, parseInstrumentDefinition, readInstrumentDirectory } from './instrument-catalogue';

const dir = mkdtempSync(join(tmpdir(), 'gw-instruments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (nl: string) => ({ nl, en: `${nl} (en)` });

/** A small valid instrument; tests break one thing at a time. */
function minimal(): InstrumentFile {
  return {
    id: 'school-climate',
    version: '1.0.0',
    name: text('Schoolklimaat'),
    description: text('Hoe is het op school?'),
    informant: 'pupil',
    ageRange: { from: 8, to: 12 },
    source: text('Eigen lijst'),
    licence: text('Vrij te gebruiken'),
    responseScales: [
      { id: 'true-4', favourableFrom: 3, options: [1, 2, 3, 4].map((value) => ({ value, label: text(`Antwoord ${value}`) })) },
    ],
    items: [
      { id: 'safe', text: text('Ik voel me veilig'), responseScale: 'true-4' },
      { id: 'friends', text: text('Ik heb vrienden'), responseScale: 'true-4' },
      { id: 'alone', text: text('Ik voel me alleen'), responseScale: 'true-4', reverse: true },
    ],
    scales: [{ id: 'belonging', name: text('Erbij horen'), items: ['safe', 'friends', 'alone'], scoring: 'mean', minAnswered: 2 }],
  };
}

/** The field paths an invalid instrument is refused on. */
function refusedFields(instrument: unknown): string[] {
  try {
    parseInstrumentDefinition(instrument);
  } catch (error) {
    if (error instanceof AppError) return Object.keys(error.fields ?? {});
    throw error;
  }
  return [];
}

describe('the shipped instruments', () => {
  const instruments = loadShippedInstruments();

  it('are valid and cover the teachers\' sense of competence, class climate for both informants and pupils\' wellbeing', () => {
    expect(instruments.map((instrument) => `${instrument.id}@${instrument.version}`).sort()).toEqual([
      'class-climate-pupil@1.0.0',
      'class-climate-teacher@1.0.0',
      'pupil-wellbeing-young@1.0.0',
      'pupil-wellbeing@1.0.0',
      'teacher-competence@1.0.0',
    ]);
    expect(instruments.find((instrument) => instrument.id === 'teacher-competence')!.scales.map((scale) => scale.id)).toEqual(['adapting-instruction', 'keeping-order', 'engaging-pupils']);
    for (const id of ['class-climate-teacher', 'class-climate-pupil']) {
      expect(instruments.find((instrument) => instrument.id === id)!.scales.map((scale) => scale.id)).toEqual(['atmosphere', 'peer-relations', 'teacher-pupil', 'order']);
    }
  });

  it('pass the import check a school\'s own instrument must pass, and give young children three faces', () => {
    for (const instrument of instruments) expect(parseInstrumentDefinition(JSON.parse(JSON.stringify(instrument)))).toEqual(instrument);
    const young = instruments.find((instrument) => instrument.id === 'pupil-wellbeing-young')!;
    expect(young.responseScales[0]!.options.map((option) => option.face)).toEqual(['sad', 'neutral', 'happy']);
    expect(young.ageRange).toEqual({ from: 4, to: 7 });
  });

  it('are frozen, so one caller cannot change another\'s', () => {
    expect(() => {
      (instruments[0]!.items[0]!.text as { nl: string }).nl = 'veranderd';
    }).toThrow(TypeError);
  });
});

describe('the instrument format', () => {
  it('round-trips: what it accepts, written back as JSON, reads as the same instrument', () => {
    const parsed = parseInstrumentDefinition(minimal());
    expect(parsed.items.map((item) => item.reverse)).toEqual([false, false, true]);
    expect(parseInstrumentDefinition(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it.each<[string, (instrument: InstrumentFile) => void, string[]]>([
    ['a repeated item id', (i) => i.items.push({ ...i.items[0]! }), ['items.3.id']],
    ['a scale naming an item that does not exist', (i) => i.scales[0]!.items.push('missing'), ['scales.0.items.3']],
    ['an item in no scale', (i) => i.items.push({ id: 'extra', text: text('Extra'), responseScale: 'true-4' }), ['items.3.id']],
    ['an item on an unknown response scale', (i) => (i.items[0]!.responseScale = 'faces-3'), ['items.0.responseScale']],
    ['more items required than the scale has', (i) => (i.scales[0]!.minAnswered = 4), ['scales.0.minAnswered']],
    ['answer values that do not rise', (i) => (i.responseScales[0]!.options[3]!.value = 3), ['responseScales.0.options.3.value']],
    ['a favourable threshold that is not an answer', (i) => (i.responseScales[0]!.favourableFrom = 7), ['responseScales.0.favourableFrom']],
    ['a favourable threshold at the lowest answer', (i) => (i.responseScales[0]!.favourableFrom = 1), ['responseScales.0.favourableFrom']],
    ['a text without English', (i) => (i.items[1]!.text = { nl: 'Alleen Nederlands' } as never), ['items.1.text.en']],
    ['a line break in an item', (i) => (i.items[1]!.text = text('Twee\nregels')), ['items.1.text.nl', 'items.1.text.en']],
    ['an age range on a teacher instrument', (i) => (i.informant = 'teacher'), ['ageRange']],
    ['an unknown field', (i) => Object.assign(i, { norms: [] }), ['norms']],
    ['an unknown informant', (i) => Object.assign(i, { informant: 'grandparent' }), ['informant']],
    ['a measurement scale without a favourable threshold', (i) => delete i.responseScales[0]!.favourableFrom, ['responseScales.0.favourableFrom']],
    ['points apart from the value on a measurement scale', (i) => (i.responseScales[0]!.options[1]!.score = 3), ['responseScales.0.options.1.score']],
    ['bands on a measurement scale', (i) => (i.scales[0]!.bands = bands(0, 6)), ['scales.0.bands']],
    [
      'a screening list with a favourable threshold, a reversed item, a mean, a prorated score and bands that fall',
      (i) => {
        i.purpose = 'screening';
        i.scales[0]!.bands = bands(0, 0);
      },
      ['responseScales.0.favourableFrom', 'items.2.reverse', 'scales.0.scoring', 'scales.0.minAnswered', 'scales.0.bands.1.from', 'purpose'],
    ],
  ])('refuses %s, at the field that is wrong', (_case, breakIt, fields) => {
    const instrument = minimal();
    breakIt(instrument);
    expect(refusedFields(instrument)).toEqual(fields);
  });

  it('refuses a screening list as a school\'s own wave instrument', () => {
    const instrument = minimal();
    instrument.purpose = 'screening';
    expect(refusedFields(instrument)).toContain('purpose');
  });

  it('refuses a scale whose items use different response scales', () => {
    const instrument = minimal();
    instrument.responseScales.push({ id: 'yes-no', favourableFrom: 1, options: [0, 1].map((value) => ({ value, label: text(`${value}`) })) });
    instrument.items[2]!.responseScale = 'yes-no';
    expect(refusedFields(instrument)).toEqual(['scales.0.items']);
  });

  it('names the file of a broken or repeated instrument in a folder', () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(minimal()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(minimal()));
    expect(() => readInstrumentDirectory(dir)).toThrow('instrument b.json: school-climate@1.0.0 is already defined in a.json');
    writeFileSync(join(dir, 'b.json'), '{ "id": ');
    expect(() => readInstrumentDirectory(dir)).toThrow(/instrument b\.json: not valid JSON/);
  });
});

function bands(first: number, second: number): NonNullable<InstrumentFile['scales'][number]['bands']> {
  return [
    { id: 'below', from: first, name: text('Onder') },
    { id: 'above', from: second, name: text('Boven'), proposesReferral: true },
  ];
}

describe('scoring', () => {
  const instrument = instrumentSchema.parse(minimal());
  const belonging = instrument.scales[0]!;

  it('turns reversed items round and takes the mean of the answered items', () => {
    // alone = 1 ("not true") scores as 4.
    expect(scaleScore(instrument, belonging, new Map([['safe', 3], ['friends', 2], ['alone', 1]]))).toBe(3);
    expect(scaleScore(instrument, belonging, new Map([['safe', 4], ['alone', 4]]))).toBe(2.5);
  });

  it('gives no score with fewer answered items than the scale requires', () => {
    expect(scaleScore(instrument, belonging, new Map([['safe', 4]]))).toBeNull();
    expect(scaleScore(instrument, belonging, new Map())).toBeNull();
  });

  it('sums with a missed item counted at the mean of the others, so a gap does not lower a sum', () => {
    const summed = { ...belonging, scoring: 'sum' as const };
    expect(scaleScore(instrument, summed, new Map([['safe', 3], ['friends', 2], ['alone', 1]]))).toBe(9);
    expect(scaleScore(instrument, summed, new Map([['safe', 4], ['friends', 2]]))).toBe(9);
  });

  it('counts an answer as favourable from the threshold, after turning a reversed item round', () => {
    expect(isFavourable(instrument, itemOf(instrument, 'safe'), 3)).toBe(true);
    expect(isFavourable(instrument, itemOf(instrument, 'safe'), 2)).toBe(false);
    expect(isFavourable(instrument, itemOf(instrument, 'alone'), 2)).toBe(true);
    expect(isFavourable(instrument, itemOf(instrument, 'alone'), 3)).toBe(false);
  });
});

describe('a refused definition file', () => {
  it('names a field called like an Object method as any other field (the fuzzer sent {"valueOf": []})', () => {
    expect(refusedFields({ valueOf: [] })).toContain('valueOf');
    expect(refusedFields({ constructor: 1, toString: 'x' })).toEqual(expect.arrayContaining(['constructor', 'toString']));
  });
});

