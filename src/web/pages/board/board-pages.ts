// A board's pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { BoardLayout } from './board-layout';
export { BoardPage } from './board-page';
export { BoardAccountsPage } from './board-accounts-page';
export { BoardAuditPage, BoardOutboxPage } from './board-mail-audit-pages';
export { BoardSelfscanPage } from './board-selfscan-page';
export { BoardSsoPage } from './board-sso-page';
export { ProcessingRegisterPage } from '../privacy/processing-register-page';
