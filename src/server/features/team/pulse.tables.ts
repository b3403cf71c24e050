// The staff wellbeing pulse (issue 17): pulses a school plans, who voted, and the answers as counters only. The vote
// and the counters share nothing but the pulse: no time, no id, no order links a person to an answer (SECURITY.md,
// "The wellbeing pulse"). Help texts are the school's own words, nothing personal.

/** A pulse: a period in which every staff member may answer the staff-pulse instrument once. */
export interface TeamPulsesTable {
  id: string;
  school_id: string;
  instrument_id: string;
  instrument_version: string;
  /** First and last school day it can be answered (yyyy-mm-dd). */
  opens_on: string;
  closes_on: string;
  /** The school day leadership closed it early; null while it runs to closes_on. */
  closed_on: string | null;
  created_by: string | null;
  created_at: string;
}

/** That a person answered a pulse; the primary key (pulse_id, user_id) makes it once. No time, no answers. */
export interface TeamPulseVotesTable {
  pulse_id: string;
  user_id: string;
}

/** How many gave answer `value` to item `item_id` in a pulse. Made at 0 when the pulse is planned. */
export interface TeamPulseCountsTable {
  pulse_id: string;
  item_id: string;
  value: number;
  count: number;
}

/** A school's help texts beside the pulse; null = the app's default text. */
export interface TeamPulseSettingsTable {
  school_id: string;
  help_contacts: string | null;
  help_company_doctor: string | null;
  help_confidant: string | null;
  updated_by: string | null;
  updated_at: string;
}
