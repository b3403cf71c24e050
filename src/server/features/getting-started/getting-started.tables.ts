/** A school whose getting-started checklist was hidden (once every step was done). */
export interface GettingStartedHiddenTable {
  school_id: string;
  hidden_by: string | null;
  hidden_at: string;
}
