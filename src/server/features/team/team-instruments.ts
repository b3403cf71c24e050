import { fileURLToPath } from 'node:url';
import type { Instrument } from '../../../shared/questionnaire-instrument';
import { newestVersionOf, readInstrumentDirectory } from '../questionnaires/instrument-catalogue';

// The team's own questionnaires (issue 17): the staff wellbeing pulse and the newcomer's evaluation of the
// onboarding. Instruments of the one questionnaire engine (informant `staff`, purpose `measurement`: scales, means
// and favourable shares under the k rule), kept apart from the wave catalogue like the parents' and screening lists:
// they are asked by the team features, never in a measurement wave.

/** The team instruments by id: the pulse (pulse.*) and the onboarding evaluation (onboarding.*). */
export const TEAM_INSTRUMENT_IDS = ['staff-pulse', 'onboarding-evaluation'] as const;
export type TeamInstrumentId = (typeof TEAM_INSTRUMENT_IDS)[number];

const DIRECTORY = fileURLToPath(new URL('./team-instruments/', import.meta.url));

let shipped: readonly Instrument[] | undefined;

/** Every shipped version of the team instruments, validated once per process. */
export function teamInstruments(): readonly Instrument[] {
  shipped ??= readInstrumentDirectory(DIRECTORY).map((instrument) => {
    if (instrument.purpose !== 'measurement' || instrument.informant !== 'staff') throw new Error(`team-instruments/${instrument.id}: must be a measurement list answered by staff`);
    if (!(TEAM_INSTRUMENT_IDS as readonly string[]).includes(instrument.id)) throw new Error(`team-instruments/${instrument.id}: not one of TEAM_INSTRUMENT_IDS`);
    return instrument;
  });
  return shipped;
}

/** The newest version of a team instrument: what a new pulse or evaluation is asked as. */
export function currentTeamInstrument(id: TeamInstrumentId): Instrument {
  const versions = teamInstruments().filter((instrument) => instrument.id === id);
  if (versions.length === 0) throw new Error(`team instrument ${id} is not shipped`);
  return newestVersionOf(versions);
}

/** The team instrument with this id and version (an asked one always exists); throws when there is none. */
export function teamInstrumentOf(id: string, version: string): Instrument {
  const instrument = teamInstruments().find((candidate) => candidate.id === id && candidate.version === version);
  if (!instrument) throw new Error(`team instrument ${id}@${version} is not shipped`);
  return instrument;
}
