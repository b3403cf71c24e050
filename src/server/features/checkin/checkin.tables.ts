import type { Selectable } from 'kysely';

// Booleans are integers 0/1; dates are YYYY-MM-DD text (the school day in Europe/Amsterdam); instants ISO UTC text.

/** Check-in choices per class: the age group decides words and picture symbols. */
export interface CheckinClassSettingsTable {
  class_id: string;
  age_group: string;
  updated_by: string | null;
  updated_at: string;
}

/** A school's own word for a state, per age group and language (defaults in src/shared/checkin-wording.ts). */
export interface CheckinWordingTable {
  school_id: string;
  age_group: string;
  state: string;
  locale: string;
  label: string;
  updated_at: string;
}

/** Days a school is closed (holidays, study days): not school days for the signal rules. */
export interface SchoolClosedDaysTable {
  id: string;
  school_id: string;
  start_date: string;
  end_date: string;
  name: string;
  created_at: string;
}

/** A pupil's personal code from the printed login card; only its hash is stored. Reprinting replaces it. */
export interface PupilCodesTable {
  pupil_id: string;
  code_hash: string;
  issued_by: string | null;
  issued_at: string;
}

/** A pupil's name symbol on the class device (a key of shared/checkin-symbols.ts); `set_by` null: the pupil chose it there. */
export interface CheckinPupilSymbolsTable {
  pupil_id: string;
  symbol: string;
  set_by: string | null;
  updated_at: string;
}

/** A short-lived class code shown by the teacher; only its hash is stored. */
export interface ClassCodesTable {
  code_hash: string;
  class_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
}

/**
 * A class device in kiosk mode, opened by a teacher of the class (or a school admin). It works only while its
 * opener may still open it (record-scope.ts `classDeviceRight`). `id` names it to staff; `id_hash` is the SHA-256
 * of the device's cookie and never leaves the server.
 */
export interface KioskDevicesTable {
  id: string;
  id_hash: string;
  class_id: string;
  csrf_token: string;
  opened_by: string | null;
  created_at: string;
  expires_at: string;
}

/** A pupil's own-device session: can only submit the pupil's own check-in. */
export interface PupilSessionsTable {
  id_hash: string;
  pupil_id: string;
  class_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** One check-in. The idempotency key makes a retried submission store nothing new. */
export interface CheckinsTable {
  id: string;
  idempotency_key: string;
  pupil_id: string;
  class_id: string;
  school_id: string;
  school_date: string;
  state: string;
  wants_talk: number;
  /** The optional word or emoji, encrypted (field encryption, rowId = id); null when none. */
  word_encrypted: string | null;
  channel: string;
  created_at: string;
}

/** A "we talked" note about a pupil, encrypted; visible to the pupil's teachers and the care team. */
export interface CheckinNotesTable {
  id: string;
  pupil_id: string;
  school_id: string;
  author_user_id: string | null;
  signal_kind: string | null;
  school_date: string;
  note_encrypted: string;
  created_at: string;
}

/** Anonymous counts per class and school day: what remains after raw check-ins pass their retention. */
export interface CheckinClassDaysTable {
  class_id: string;
  school_date: string;
  pupils_checked_in: number;
  in_window: number;
  bit_high: number;
  far_high: number;
  low: number;
  wants_talk: number;
}

export type CheckinRow = Selectable<CheckinsTable>;
export type CheckinNoteRow = Selectable<CheckinNotesTable>;
export type PupilSessionRow = Selectable<PupilSessionsTable>;
export type KioskDeviceRow = Selectable<KioskDevicesTable>;
