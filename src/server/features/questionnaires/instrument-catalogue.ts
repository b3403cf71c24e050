import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { type Instrument, instrumentSchema } from '../../../shared/questionnaire-instrument';
import type { Database } from '../../db/database';
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
  return newestOfEach(loadShippedInstruments());
}

/** The newest version among versions of one instrument (by semantic version); they must not be none. */
export function newestVersionOf(versions: readonly Instrument[]): Instrument {
  const newest = versions.reduce<Instrument | undefined>((best, candidate) => (!best || compareVersions(candidate.version, best.version) > 0 ? candidate : best), undefined);
  if (!newest) throw new Error('no version to choose the newest from');
  return newest;
}

/** Per instrument id, the newest version among these. */
function newestOfEach(instruments: readonly Instrument[]): Instrument[] {
  const newest = new Map<string, Instrument>();
  for (const instrument of instruments) {
    const earlier = newest.get(instrument.id);
    if (!earlier || compareVersions(instrument.version, earlier.version) > 0) newest.set(instrument.id, instrument);
  }
  return [...newest.values()];
}

/** The instruments one school can use: the shipped ones and the ones it imported. */
export interface InstrumentCatalogue {
  /** The instrument with this id and version; throws when there is none (a wave's version always exists). */
  of(id: string, version: string): Instrument;
  /** Per id the newest version: what a new wave asks. */
  current(): Instrument[];
  /** Whether the school imported this instrument (it is not shipped). */
  isOwn(id: string): boolean;
}

/** The catalogue of a school: loaded once per request, the shipped instruments plus the school's own. */
export async function instrumentCatalogueOf(db: Kysely<Database>, schoolId: string): Promise<InstrumentCatalogue> {
  const rows = await db.selectFrom('school_instruments').select('definition').where('school_id', '=', schoolId).execute();
  // Stored only after the import's validation: parsed again here with the plain schema, so a row changed by hand fails loudly.
  const own = rows.map((row) => instrumentSchema.parse(JSON.parse(row.definition)));
  const ownIds = new Set(own.map((instrument) => instrument.id));
  const all = [...loadShippedInstruments(), ...own];
  return {
    of(id, version) {
      const instrument = all.find((candidate) => candidate.id === id && candidate.version === version);
      if (!instrument) throw new Error(`instrument ${id}@${version} is neither shipped nor imported by the school`);
      return instrument;
    },
    current: () => newestOfEach(all),
    isOwn: (id) => ownIds.has(id),
  };
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
// A school's own list is asked in its waves; the screening lists are the care team's and shipped apart.
const importedInstrumentSchema = instrumentSchema.superRefine((instrument, context) => {
  if (instrument.purpose !== 'measurement') {
    context.addIssue({ code: 'custom', path: ['purpose'], message: 'a school adds lists for its measurement waves here; screening lists are the care team\'s' });
  }
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
