import type { ColumnType, Selectable } from 'kysely';

/** A measurement wave: when a school's teachers, or pupils of chosen classes, answer which instruments. */
export interface QuestionnaireWavesTable {
  id: string;
  school_id: string;
  name: string;
  /** `teachers` or `pupils` (WAVE_AUDIENCES). */
  audience: string;
  opens_on: string;
  closes_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When the last reminder went to the teachers who had not finished (null: none yet); optional on insert. */
  reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An instrument a wave asks, at the exact version, in the order answered. */
export interface QuestionnaireWaveInstrumentsTable {
  wave_id: string;
  instrument_id: string;
  instrument_version: string;
  position: number;
}

/** A class whose pupils answer a pupil wave. */
export interface QuestionnaireWaveClassesTable {
  wave_id: string;
  class_id: string;
}

export type QuestionnaireWaveRow = Selectable<QuestionnaireWavesTable>;

/** An instrument a school imported, in the shipped format; a stored version never changes. */
export interface SchoolInstrumentsTable {
  school_id: string;
  instrument_id: string;
  version: string;
  /** The validated instrument file as JSON. */
  definition: string;
  created_by: string | null;
  created_at: string;
}

/** One respondent's answers to one instrument of a wave. */
export interface QuestionnaireResponsesTable {
  id: string;
  wave_id: string;
  instrument_id: string;
  /** `staff` (respondent_id is a user id) or `pupil` (a pupil id). */
  respondent_kind: string;
  respondent_id: string;
  class_id: string | null;
  /** JSON: item id → value of the chosen answer. */
  answers: string;
  /** 1 when every item is answered. */
  is_complete: number;
  created_at: string;
  updated_at: string;
}
