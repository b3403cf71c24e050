// The questionnaire and measurement-wave contracts, from the server's own schemas.
export type { InstrumentSummary, Wave, WaveInput, Waves } from '../../server/features/questionnaires/questionnaire-waves.schemas';
export type { OpenWave, SavedAnswers, WaveCompletion } from '../../server/features/questionnaires/questionnaire-answers.schemas';
export type { ClosedWave, WaveResults } from '../../server/features/questionnaires/questionnaire-results.schemas';
export type { SchoolEffect } from '../../server/features/evaluation/school-effect.schemas';
export type { BoardEffect } from '../../server/features/evaluation/board-effect.schemas';
export type { ResearchOverview, Study } from '../../server/features/research/research.schemas';
