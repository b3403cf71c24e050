// The parents pages of a school, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { ParentsPage } from './parents-page';
export { PupilParentsPage } from './pupil-parents-page';
export { ParentSettingsPage } from './parent-settings-page';
