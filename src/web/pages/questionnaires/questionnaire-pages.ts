// The questionnaire pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { WavesPage } from './waves-page';
export { WaveResultsPage } from './wave-results-page';
export { MyQuestionnairesPage } from './my-questionnaires-page';
