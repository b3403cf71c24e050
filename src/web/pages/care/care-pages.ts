// The care pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { PupilCarePage } from './pupil-care-page';
export { CareOverviewPage } from './care-overview-page';
export { CareRetentionPage } from './care-retention-page';
export { CareAttentionOfficerPage } from './care-attention-officer-page';
export { BreakGlassPage } from './break-glass-page';
