// The regulation pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { RegulationLibraryPage } from './regulation-library-page';
export { WindowLessonsPage } from './window-lessons-page';
export { RegulationManagePage } from './regulation-manage-page';
