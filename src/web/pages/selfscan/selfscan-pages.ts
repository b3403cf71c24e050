// The self-scan pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { SelfscanLinkPage } from './selfscan-link-page';
export { SelfscanRoundsPage } from './selfscan-rounds-page';
export { SelfscanRespondPage } from './selfscan-respond-page';
export { SelfscanResultsPage } from './selfscan-results-page';
export { SelfscanHistoryPage } from './selfscan-history-page';
export { SelfscanConsensusPage } from './selfscan-consensus-page';
