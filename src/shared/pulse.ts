// The staff wellbeing pulse's limits, shared by the server's contract and the web app's forms (issue 17).

/** The longest help text a school writes, and the longest a pulse may stay open (eight weeks, in days). */
export const PULSE_LIMITS = { helpText: 2_000, openDays: 56 } as const;
