// The pages of a visitor without a session besides signing in (first run, invitation, password), loaded as one chunk
// when one of them is first shown (src/web/app.tsx).
export { WelcomePage } from './welcome-page';
export { InvitationPage } from '../invitation/invitation-page';
export { ForgotPasswordPage } from '../password/forgot-password-page';
export { ResetPasswordPage } from '../password/reset-password-page';
