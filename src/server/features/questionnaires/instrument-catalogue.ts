import { fileURLToPath } from 'node:url';
import { type Instrument, instrumentSchema } from '../../../shared/questionnaire-instrument';
import { localizedTextChecker, parseImportedDefinition, readDefinitionDirectory } from '../../definition-files';

const SHIPPED_INSTRUMENTS_DIRECTORY = fileURLToPath(new URL('./instruments/', import.meta.url));

// Read once per process: the shipped files only change with a new release.
let shippedInstruments: readonly Instrument[] | undefined;

/** The questionnaire instruments Groeiwijzer ships, validated once and frozen. */
export function loadShippedInstruments(): Instrument[] {
  shippedInstruments ??= readInstrumentDirectory(SHIPPED_INSTRUMENTS_DIRECTORY);
  return [...shippedInstruments];
}

/** The shipped instrument with this id and version; throws when there is none (a wave's version is always shipped). */
export function shippedInstrumentOf(id: string, version: string): Instrument {
  const instrument = loadShippedInstruments().find((candidate) => candidate.id === id && candidate.version === version);
  if (!instrument) throw new Error(`instrument ${id}@${version} is not shipped`);
  return instrument;
}

/** Per instrument id, the newest shipped version (by semantic version): what a new wave asks. */
export function currentShippedInstruments(): Instrument[] {
  const newest = new Map<string, Instrument>();
  for (const instrument of loadShippedInstruments()) {
    const earlier = newest.get(instrument.id);
    if (!earlier || compareVersions(instrument.version, earlier.version) > 0) newest.set(instrument.id, instrument);
  }
  return [...newest.values()];
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let index = 0; index < 3; index++) if (pa[index] !== pb[index]) return pa[index]! - pb[index]!;
  return 0;
}

/** Reads and validates every `*.json` instrument in a folder (one per id and version), in file-name order. */
export function readInstrumentDirectory(directory: string): Instrument[] {
  return readDefinitionDirectory(directory, { what: 'instrument', schema: instrumentSchema, keyOf: (instrument) => `${instrument.id}@${instrument.version}` });
}

/**
 * Validates an instrument a school imports (e.g. a licensed class-climate scale it bought); throws
 * AppError('validation_failed') with one entry per field path, each prefixed with `fieldPrefix`.
 */
export function parseInstrumentDefinition(json: unknown, options: { fieldPrefix?: string } = {}): Instrument {
  return parseImportedDefinition(json, importedInstrumentSchema, 'instrument', options.fieldPrefix);
}

// Names, items and answer labels stand on one line (a pupil sees them one per screen, read aloud);
// descriptions, source and licence may hold paragraphs. Checked on import only.
const importedInstrumentSchema = instrumentSchema.superRefine((instrument, context) => {
  const check = localizedTextChecker(context);
  check(instrument.name, ['name'], 'line');
  check(instrument.description, ['description'], 'paragraphs');
  check(instrument.source, ['source'], 'paragraphs');
  check(instrument.licence, ['licence'], 'paragraphs');
  instrument.responseScales.forEach((scale, scaleIndex) =>
    scale.options.forEach((option, optionIndex) => check(option.label, ['responseScales', scaleIndex, 'options', optionIndex, 'label'], 'line')),
  );
  instrument.items.forEach((item, index) => check(item.text, ['items', index, 'text'], 'line'));
  instrument.scales.forEach((scale, index) => {
    check(scale.name, ['scales', index, 'name'], 'line');
    check(scale.description, ['scales', index, 'description'], 'paragraphs');
  });
});
