// The own-account and two-step verification pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { AccountPage } from './account-page';
export { MfaEnrollmentPage } from './mfa-enrollment-page';
export { MfaSettingsPage } from './mfa-settings-page';
export { MfaCodePage } from '../login/mfa-code-page';
