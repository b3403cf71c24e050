import type { Informant } from './questionnaire-instrument';

// Measurement waves: when a school's teachers, or pupils of chosen classes, answer which instruments.

/** Who a wave asks. */
export const WAVE_AUDIENCES = ['teachers', 'pupils'] as const;
export type WaveAudience = (typeof WAVE_AUDIENCES)[number];

/** The informant an audience's instruments are written for. */
export const INFORMANT_OF_AUDIENCE: Readonly<Record<WaveAudience, Informant>> = { teachers: 'teacher', pupils: 'pupil' };

/** The study's rhythm, and the default a school starts from: three waves a school year. */
export const DEFAULT_WAVES_PER_SCHOOL_YEAR = 3;

/** At most this many instruments in one wave: answering stays short. */
export const WAVE_MAX_INSTRUMENTS = 5;

/** Where a wave stands on a school date: planned (not yet open), open, or closed. */
export const WAVE_STATES = ['planned', 'open', 'closed'] as const;
export type WaveState = (typeof WAVE_STATES)[number];

/** The state of a wave open from `opensOn` through `closesOn` on school date `today`. */
export function waveStateOn(today: string, wave: { opensOn: string; closesOn: string }): WaveState {
  if (today < wave.opensOn) return 'planned';
  return today <= wave.closesOn ? 'open' : 'closed';
}

/** Before or after the school's team training: a wave opening on the training day or later counts as after it. */
export type TrainingSide = 'before' | 'after';

/** The side of the team training (`trainingOn`, null while the register has none) a wave opening on `opensOn` is on. */
export function trainingSideOf(opensOn: string, trainingOn: string | null): TrainingSide {
  return trainingOn !== null && opensOn >= trainingOn ? 'after' : 'before';
}
