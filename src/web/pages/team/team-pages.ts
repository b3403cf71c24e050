// The team pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { TeamPage } from './team-page';
export { OnboardingPage } from './onboarding-page';
export { CompetencePage } from './competence-page';
export { PulsePage } from './pulse-page';
export { JournalPage } from './journal-page';
export { IntervisionPage } from './intervision-page';
