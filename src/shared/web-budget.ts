// Page-weight budgets of the staff app (issue 18, "Staff app weight"); the pupil entry's are in checkin.ts and
// regulation.ts. Checked by src/web/staff-entry-budget.test.ts on every `npm test`.

/**
 * The most the staff app may transfer before the sign-in page or the home page can show: the entry's JS + CSS and
 * every chunk those two routes need, compressed as the server sends them (brotli; vite-precompress.ts).
 */
export const STAFF_START_BUDGET_BYTES = 100 * 1024;
