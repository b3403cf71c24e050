// Regulation: the contracts, from the server's own schemas.
export type { AddRoutineBody, ClassRegulation, LibraryActivity, PupilRegulation, RegulationFigures, Routine } from '../../server/features/regulation/regulation.schemas';
export type { ActivityKind, ActivityPlace, ActivityState } from '../../shared/regulation';
export type { CheckinWord, ClassWindowLessons, LessonEvidence } from '../../server/features/regulation/window-lessons.schemas';
