// The check-in pages of a school and of a board, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { CheckinHomePage } from './checkin-home-page';
export { CheckinClassPage } from './checkin-class-page';
export { CheckinCardsPage } from './checkin-cards-page';
export { CheckinPupilPage } from './checkin-pupil-page';
export { CheckinSignalsPage } from './checkin-signals-page';
export { CheckinFiguresPage } from './checkin-figures-page';
export { CheckinSettingsPage } from './checkin-settings-page';
export { BoardCheckinPage } from './board-checkin-page';
