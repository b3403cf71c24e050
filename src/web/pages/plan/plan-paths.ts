// The implementation plan's pages, in one place so links, menus and routes agree.

/** The annual plan of a school: goals with their actions (optionally `?schooljaar=2026-2027`). */
export function planPath(schoolId: string): string {
  return `/scholen/${schoolId}/plan`;
}

/** The multi-year timeline: phases, self-scan rounds, monitoring moments, due dates. */
export function planTimelinePath(schoolId: string): string {
  return `/scholen/${schoolId}/plan/tijdlijn`;
}

/** Phases (dates + guidance), monitoring moments and the working group. */
export function planTeamPath(schoolId: string): string {
  return `/scholen/${schoolId}/plan/fasen-en-werkgroep`;
}

/** The printable plan (print CSS), with the PDF, Excel and CSV downloads. */
export function planPrintPath(schoolId: string): string {
  return `/scholen/${schoolId}/plan/afdrukken`;
}

/** The training register with the coverage figures. */
export function trainingPath(schoolId: string): string {
  return `/scholen/${schoolId}/scholing`;
}

/** Everyone's own actions across their schools, with the digest and calendar settings. */
export const MY_ACTIONS_PATH = '/mijn-acties';

/** The board's roll-up of the plans of schools that share them. */
export function boardPlanPath(boardId: string): string {
  return `/besturen/${boardId}/plan`;
}
