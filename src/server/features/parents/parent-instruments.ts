import { fileURLToPath } from 'node:url';
import type { Instrument } from '../../../shared/questionnaire-instrument';
import { PARENT_INSTRUMENT_IDS } from '../../../shared/parents';
import { newestVersionOf, readInstrumentDirectory } from '../questionnaires/instrument-catalogue';

// The questionnaires a school sends parents (issue 16): instruments of the questionnaire engine with informant
// `parent` and purpose `informant` — one person about one child, read as answers in words. Kept apart from the wave
// catalogue like the screening lists: a parent questionnaire is never asked in a measurement wave.

const DIRECTORY = fileURLToPath(new URL('./parent-instruments/', import.meta.url));

let shipped: readonly Instrument[] | undefined;

/** Every shipped version of the parent questionnaires, validated once per process. */
export function parentInstruments(): readonly Instrument[] {
  shipped ??= readInstrumentDirectory(DIRECTORY).map((instrument) => {
    if (instrument.purpose !== 'informant' || instrument.informant !== 'parent') throw new Error(`parent-instruments/${instrument.id}: must be an informant list for parents`);
    if (!(PARENT_INSTRUMENT_IDS as string[]).includes(instrument.id)) throw new Error(`parent-instruments/${instrument.id}: not one of PARENT_INSTRUMENTS`);
    return instrument;
  });
  return shipped;
}

/** The newest version of each parent questionnaire: what a new one is sent as. */
export function currentParentInstruments(): Instrument[] {
  return PARENT_INSTRUMENT_IDS.flatMap((id) => {
    const versions = parentInstruments().filter((instrument) => instrument.id === id);
    return versions.length > 0 ? [newestVersionOf(versions)] : [];
  });
}

/** The parent questionnaire with this id and version (a sent one always exists); throws when there is none. */
export function parentInstrumentOf(id: string, version: string): Instrument {
  const instrument = parentInstruments().find((candidate) => candidate.id === id && candidate.version === version);
  if (!instrument) throw new Error(`parent instrument ${id}@${version} is not shipped`);
  return instrument;
}
