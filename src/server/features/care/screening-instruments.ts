import { fileURLToPath } from 'node:url';
import type { Instrument } from '../../../shared/questionnaire-instrument';
import { readInstrumentDirectory } from '../questionnaires/instrument-catalogue';

// The screening lists the care team scores (CRIES-13, CRIES-8, CATS): questionnaire instruments with purpose
// `screening`, shipped without item wording (the publishers' licences forbid changing it; the care team enters
// the answers from the paper form). Kept apart from the wave catalogue: a screening is never asked in a wave.

const DIRECTORY = fileURLToPath(new URL('./screening-instruments/', import.meta.url));

let shipped: readonly Instrument[] | undefined;

/** The shipped screening instruments, validated once per process. */
export function screeningInstruments(): readonly Instrument[] {
  shipped ??= readInstrumentDirectory(DIRECTORY).map((instrument) => {
    if (instrument.purpose !== 'screening') throw new Error(`screening-instruments/${instrument.id}: purpose must be "screening"`);
    return instrument;
  });
  return shipped;
}

/** The screening instrument with this id (newest version), or undefined. */
export function screeningInstrumentOf(id: string): Instrument | undefined {
  return screeningInstruments().find((instrument) => instrument.id === id);
}
