// A school's frame (its menu, the permission gate) and its own pages — structure, staff, pupils, mail and audit
// log — loaded as one chunk when a school page is first shown (src/web/app.tsx).
export { RequireSchoolPermission, SchoolLayout } from './school-layout';
export { SchoolOverviewPage } from './school-overview-page';
export { LocationsPage } from './locations-page';
export { ClassesPage } from './classes-page';
export { StaffPage } from './staff-page';
export { StaffImportPage } from './staff-import-page';
export { PupilsPage } from './pupils-page';
export { PupilImportPage } from './pupil-import-page';
export { SchoolYearPage } from './school-year-page';
export { SchoolAuditPage, SchoolOutboxPage } from './school-mail-audit-pages';
export { PrivacyStatementPage } from '../privacy/privacy-statement-page';
export { ProcessingRegisterPage } from '../privacy/processing-register-page';
export { RetentionOverviewPage } from '../privacy/retention-overview-page';
export { SubjectRequestsPage } from '../privacy/subject-requests-page';
