import { lazy, type LazyExoticComponent, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/layout';
import { ACCOUNT_PATH } from './pages/account/account-paths';
import { MFA_CODE_PATH, MFA_ENROLLMENT_PATH, MFA_SETTINGS_PATH, mfaDetour } from './pages/account/mfa-paths';
import { CHECKIN_PERMISSIONS } from './pages/checkin/checkin-paths';
import { HomePage } from './pages/home/home-page';
import { LoginPage } from './pages/login/login-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { MY_ACTIONS_PATH } from './pages/plan/plan-paths';
import { useSession } from './session/session-context';

// Only signing in and the home page are in the entry script: every other page is loaded when it is first shown,
// one chunk per group of pages (issue 18: the whole app was one 1.6 MB script a phone had to load before the
// sign-in page appeared). A new page goes into its area's group file and gets one line below; a new area gets a
// group file (pages/<area>/<area>-pages.ts) and one loader.
const accountPages = () => import('./pages/account/account-pages');
const welcomePages = () => import('./pages/welcome/welcome-pages');
const helpPages = () => import('./pages/help/help-pages');
const boardPages = () => import('./pages/board/board-pages');
const schoolPages = () => import('./pages/school/school-pages');
const selfscanPages = () => import('./pages/selfscan/selfscan-pages');
const checkinPages = () => import('./pages/checkin/checkin-pages');
const planPages = () => import('./pages/plan/plan-pages');
const groupPages = () => import('./pages/group/group-pages');
const regulationPages = () => import('./pages/regulation/regulation-pages');
const questionnairePages = () => import('./pages/questionnaires/questionnaire-pages');
const carePages = () => import('./pages/care/care-pages');
const parentsPages = () => import('./pages/parents/parents-pages');
const teamPages = () => import('./pages/team/team-pages');
const evaluationPages = () => import('./pages/evaluation/evaluation-pages');
const partnersPages = () => import('./pages/partners/partners-page');
const researchPages = () => import('./pages/research/research-page');

// The styles of these pages (page-styles.css) come with the first of them; the start needs only styles.css.
const pageStyles = () => import('./page-styles');

/** One page of a lazily loaded group, as a component React shows once the group's chunk and the page styles have arrived. */
function lazyPage<Group, Props>(
  loadGroup: () => Promise<Group>,
  pageOf: (group: Group) => (props: Props) => ReactNode,
): LazyExoticComponent<(props: Props) => ReactNode> {
  return lazy(async () => {
    const [page] = await Promise.all([reloadWhenMissing(loadGroup).then(pageOf), reloadWhenMissing(pageStyles)]);
    return { default: page };
  });
}

const RELOADED_AT_KEY = 'groeiwijzer.reloaded-for-chunk-at';
const RELOAD_AGAIN_AFTER_MS = 30_000;

// A chunk that cannot be loaded is almost always one a newer version replaced while this page was open (a build
// removes the old files): loading the page again asks for the new version's files.
async function reloadWhenMissing<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!mayReloadForMissingChunk()) throw error;
    window.location.reload();
    // The page is going away; nothing renders meanwhile.
    return new Promise<T>(() => {});
  }
}

// Once: when the page was reloaded for a missing chunk less than half a minute ago, the failure is real.
function mayReloadForMissingChunk(): boolean {
  try {
    const reloadedAt = Number(window.sessionStorage.getItem(RELOADED_AT_KEY) ?? 0);
    if (Date.now() - reloadedAt < RELOAD_AGAIN_AFTER_MS) return false;
    window.sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
    return true;
  } catch {
    // Without storage a reload could repeat forever.
    return false;
  }
}

const AccountPage = lazyPage(accountPages, (pages) => pages.AccountPage);
const MfaCodePage = lazyPage(accountPages, (pages) => pages.MfaCodePage);
const MfaEnrollmentPage = lazyPage(accountPages, (pages) => pages.MfaEnrollmentPage);
const MfaSettingsPage = lazyPage(accountPages, (pages) => pages.MfaSettingsPage);
const WelcomePage = lazyPage(welcomePages, (pages) => pages.WelcomePage);
const InvitationPage = lazyPage(welcomePages, (pages) => pages.InvitationPage);
const ForgotPasswordPage = lazyPage(welcomePages, (pages) => pages.ForgotPasswordPage);
const ResetPasswordPage = lazyPage(welcomePages, (pages) => pages.ResetPasswordPage);
const HelpOverviewPage = lazyPage(helpPages, (pages) => pages.HelpOverviewPage);
const HelpTopicPage = lazyPage(helpPages, (pages) => pages.HelpTopicPage);
const BoardLayout = lazyPage(boardPages, (pages) => pages.BoardLayout);
const BoardPage = lazyPage(boardPages, (pages) => pages.BoardPage);
const BoardAccountsPage = lazyPage(boardPages, (pages) => pages.BoardAccountsPage);
const BoardAuditPage = lazyPage(boardPages, (pages) => pages.BoardAuditPage);
const BoardOutboxPage = lazyPage(boardPages, (pages) => pages.BoardOutboxPage);
const BoardSelfscanPage = lazyPage(boardPages, (pages) => pages.BoardSelfscanPage);
const BoardSsoPage = lazyPage(boardPages, (pages) => pages.BoardSsoPage);
const BoardProcessingRegisterPage = lazyPage(boardPages, (pages) => pages.ProcessingRegisterPage);
const SchoolLayout = lazyPage(schoolPages, (pages) => pages.SchoolLayout);
const RequireSchoolPermission = lazyPage(schoolPages, (pages) => pages.RequireSchoolPermission);
const SchoolOverviewPage = lazyPage(schoolPages, (pages) => pages.SchoolOverviewPage);
const PrivacyStatementPage = lazyPage(schoolPages, (pages) => pages.PrivacyStatementPage);
const ProcessingRegisterPage = lazyPage(schoolPages, (pages) => pages.ProcessingRegisterPage);
const RetentionOverviewPage = lazyPage(schoolPages, (pages) => pages.RetentionOverviewPage);
const SubjectRequestsPage = lazyPage(schoolPages, (pages) => pages.SubjectRequestsPage);
const LocationsPage = lazyPage(schoolPages, (pages) => pages.LocationsPage);
const ClassesPage = lazyPage(schoolPages, (pages) => pages.ClassesPage);
const StaffPage = lazyPage(schoolPages, (pages) => pages.StaffPage);
const StaffImportPage = lazyPage(schoolPages, (pages) => pages.StaffImportPage);
const PupilsPage = lazyPage(schoolPages, (pages) => pages.PupilsPage);
const PupilImportPage = lazyPage(schoolPages, (pages) => pages.PupilImportPage);
const SchoolYearPage = lazyPage(schoolPages, (pages) => pages.SchoolYearPage);
const SchoolAuditPage = lazyPage(schoolPages, (pages) => pages.SchoolAuditPage);
const SchoolOutboxPage = lazyPage(schoolPages, (pages) => pages.SchoolOutboxPage);
const SelfscanLinkPage = lazyPage(selfscanPages, (pages) => pages.SelfscanLinkPage);
const SelfscanRoundsPage = lazyPage(selfscanPages, (pages) => pages.SelfscanRoundsPage);
const SelfscanRespondPage = lazyPage(selfscanPages, (pages) => pages.SelfscanRespondPage);
const SelfscanResultsPage = lazyPage(selfscanPages, (pages) => pages.SelfscanResultsPage);
const SelfscanHistoryPage = lazyPage(selfscanPages, (pages) => pages.SelfscanHistoryPage);
const SelfscanConsensusPage = lazyPage(selfscanPages, (pages) => pages.SelfscanConsensusPage);
const CheckinHomePage = lazyPage(checkinPages, (pages) => pages.CheckinHomePage);
const CheckinClassPage = lazyPage(checkinPages, (pages) => pages.CheckinClassPage);
const CheckinCardsPage = lazyPage(checkinPages, (pages) => pages.CheckinCardsPage);
const CheckinPupilPage = lazyPage(checkinPages, (pages) => pages.CheckinPupilPage);
const CheckinSignalsPage = lazyPage(checkinPages, (pages) => pages.CheckinSignalsPage);
const CheckinFiguresPage = lazyPage(checkinPages, (pages) => pages.CheckinFiguresPage);
const CheckinSettingsPage = lazyPage(checkinPages, (pages) => pages.CheckinSettingsPage);
const BoardCheckinPage = lazyPage(checkinPages, (pages) => pages.BoardCheckinPage);
const MyActionsPage = lazyPage(planPages, (pages) => pages.MyActionsPage);
const PlanPage = lazyPage(planPages, (pages) => pages.PlanPage);
const PlanTimelinePage = lazyPage(planPages, (pages) => pages.PlanTimelinePage);
const PlanTeamPage = lazyPage(planPages, (pages) => pages.PlanTeamPage);
const PlanPrintPage = lazyPage(planPages, (pages) => pages.PlanPrintPage);
const TrainingPage = lazyPage(planPages, (pages) => pages.TrainingPage);
const BoardPlanPage = lazyPage(planPages, (pages) => pages.BoardPlanPage);
const GroupHomePage = lazyPage(groupPages, (pages) => pages.GroupHomePage);
const ClassGroupPage = lazyPage(groupPages, (pages) => pages.ClassGroupPage);
const SociogramStartPage = lazyPage(groupPages, (pages) => pages.SociogramStartPage);
const SociogramPage = lazyPage(groupPages, (pages) => pages.SociogramPage);
const SociogramSettingsPage = lazyPage(groupPages, (pages) => pages.SociogramSettingsPage);
const RegulationLibraryPage = lazyPage(regulationPages, (pages) => pages.RegulationLibraryPage);
const WindowLessonsPage = lazyPage(regulationPages, (pages) => pages.WindowLessonsPage);
const RegulationManagePage = lazyPage(regulationPages, (pages) => pages.RegulationManagePage);
const WavesPage = lazyPage(questionnairePages, (pages) => pages.WavesPage);
const WaveResultsPage = lazyPage(questionnairePages, (pages) => pages.WaveResultsPage);
const MyQuestionnairesPage = lazyPage(questionnairePages, (pages) => pages.MyQuestionnairesPage);
const PupilCarePage = lazyPage(carePages, (pages) => pages.PupilCarePage);
const CareOverviewPage = lazyPage(carePages, (pages) => pages.CareOverviewPage);
const CareRetentionPage = lazyPage(carePages, (pages) => pages.CareRetentionPage);
const CareAttentionOfficerPage = lazyPage(carePages, (pages) => pages.CareAttentionOfficerPage);
const BreakGlassPage = lazyPage(carePages, (pages) => pages.BreakGlassPage);
const ParentsPage = lazyPage(parentsPages, (pages) => pages.ParentsPage);
const PupilParentsPage = lazyPage(parentsPages, (pages) => pages.PupilParentsPage);
const ParentSettingsPage = lazyPage(parentsPages, (pages) => pages.ParentSettingsPage);
const TeamPage = lazyPage(teamPages, (pages) => pages.TeamPage);
const OnboardingPage = lazyPage(teamPages, (pages) => pages.OnboardingPage);
const CompetencePage = lazyPage(teamPages, (pages) => pages.CompetencePage);
const PulsePage = lazyPage(teamPages, (pages) => pages.PulsePage);
const JournalPage = lazyPage(teamPages, (pages) => pages.JournalPage);
const IntervisionPage = lazyPage(teamPages, (pages) => pages.IntervisionPage);
const EffectPage = lazyPage(evaluationPages, (pages) => pages.EffectPage);
const BoardEffectPage = lazyPage(evaluationPages, (pages) => pages.BoardEffectPage);
const PartnersPage = lazyPage(partnersPages, (pages) => pages.PartnersPage);
const ResearchPage = lazyPage(researchPages, (pages) => pages.ResearchPage);

/** The pages of the staff app and who may reach them. */
export function App() {
  return (
    <Routes>
      <Route element={<SetupGate />}>
        <Route element={<Layout />}>
          <Route element={<LoadingPages />}>
            <Route path="/welkom" element={<WelcomePage />} />
            <Route path="/inloggen" element={<LoginPage />} />
            <Route path={MFA_CODE_PATH} element={<MfaCodePage />} />
            <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
            <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
            <Route path="/uitnodiging" element={<InvitationPage />} />
            <Route path="/hulp" element={<HelpOverviewPage />} />
            <Route path="/hulp/:topicId" element={<HelpTopicPage />} />
            <Route element={<RequireSignedIn />}>
              <Route index element={<HomePage />} />
              <Route path={MFA_ENROLLMENT_PATH} element={<MfaEnrollmentPage />} />
              <Route path={ACCOUNT_PATH} element={<AccountPage />} />
              <Route path={MFA_SETTINGS_PATH} element={<MfaSettingsPage />} />
              <Route path={MY_ACTIONS_PATH} element={<MyActionsPage />} />
              <Route path="/besturen/:boardId" element={<BoardLayout />}>
                <Route element={<LoadingPages />}>
                  <Route index element={<BoardPage />} />
                  <Route path="accounts" element={<BoardAccountsPage />} />
                  <Route path="postvak" element={<BoardOutboxPage />} />
                  <Route path="logboek" element={<BoardAuditPage />} />
                  <Route path="zelfscan" element={<BoardSelfscanPage />} />
                  <Route path="check-in" element={<BoardCheckinPage />} />
                  <Route path="plan" element={<BoardPlanPage />} />
                  <Route path="effect" element={<BoardEffectPage />} />
                  <Route path="inloggen-schoolaccount" element={<BoardSsoPage />} />
                  <Route path="verwerkingsregister" element={<BoardProcessingRegisterPage />} />
                </Route>
              </Route>
              <Route path="/zelfscan/:roundId" element={<SelfscanLinkPage />} />
              <Route path="/scholen/:schoolId" element={<SchoolLayout />}>
                <Route element={<LoadingPages />}>
                  <Route index element={<SchoolOverviewPage />} />
                  <Route path="privacy" element={<PrivacyStatementPage />} />
                  <Route path="zelfscan" element={<SelfscanRoundsPage />} />
                  <Route path="zelfscan/:roundId/invullen" element={<SelfscanRespondPage />} />
                  <Route path="zelfscan/:roundId/uitkomsten" element={<SelfscanResultsPage />} />
                  <Route element={<RequireSchoolPermission permission="school.selfscan.results" />}>
                    <Route path="zelfscan/verloop" element={<SelfscanHistoryPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.selfscan.manage" />}>
                    <Route path="zelfscan/:roundId/vaststellen" element={<SelfscanConsensusPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.structure.manage" />}>
                    <Route path="locaties" element={<LocationsPage />} />
                    <Route path="klassen" element={<ClassesPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.staff.read" />}>
                    <Route path="personeel" element={<StaffPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.staff.manage" />}>
                    <Route path="personeel/importeren" element={<StaffImportPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.pupils.read" />}>
                    <Route path="leerlingen" element={<PupilsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.pupils.import" />}>
                    <Route path="leerlingen/importeren" element={<PupilImportPage />} />
                    <Route path="nieuw-schooljaar" element={<SchoolYearPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission={CHECKIN_PERMISSIONS} />}>
                    <Route path="check-in" element={<CheckinHomePage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission={['school.checkin.class.read', 'school.checkin.manage']} />}>
                    <Route path="check-in/klassen/:classId" element={<CheckinClassPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.checkin.manage" />}>
                    <Route path="check-in/klassen/:classId/kaarten" element={<CheckinCardsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.checkin.class.read" />}>
                    <Route path="check-in/leerlingen/:pupilId" element={<CheckinPupilPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.checkin.signals.school" />}>
                    <Route path="check-in/signalen" element={<CheckinSignalsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.checkin.aggregates" />}>
                    <Route path="check-in/cijfers" element={<CheckinFiguresPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.checkin.settings" />}>
                    <Route path="check-in/instellingen" element={<CheckinSettingsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.group" />}>
                    <Route path="groep" element={<GroupHomePage />} />
                    <Route path="groep/:classId" element={<ClassGroupPage />} />
                    <Route path="groep/:classId/sociogram/nieuw" element={<SociogramStartPage />} />
                    <Route path="sociogrammen/:sociogramId" element={<SociogramPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.team" />}>
                    <Route path="team" element={<TeamPage />} />
                    <Route path="team/inwerken" element={<OnboardingPage />} />
                    <Route path="team/competenties" element={<CompetencePage />} />
                    <Route path="team/welzijn" element={<PulsePage />} />
                    <Route path="team/reflectie" element={<JournalPage />} />
                    <Route path="team/intervisie" element={<IntervisionPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.regulation" />}>
                    <Route path="regulatie" element={<RegulationLibraryPage />} />
                    <Route path="regulatie/lessen" element={<WindowLessonsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.regulation.manage" />}>
                    <Route path="regulatie/beheer" element={<RegulationManagePage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.group.settings" />}>
                    <Route path="sociogram-instellingen" element={<SociogramSettingsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.questionnaires.manage" />}>
                    <Route path="metingen" element={<WavesPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.questionnaires.results" />}>
                    <Route path="metingen/:waveId/uitkomsten" element={<WaveResultsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.care.plans.read" />}>
                    <Route path="leerlingen/:pupilId/zorg" element={<PupilCarePage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.parents.settings" />}>
                    <Route path="ouderpagina" element={<ParentSettingsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.parents" />}>
                    <Route path="ouders" element={<ParentsPage />} />
                    <Route path="ouders/:pupilId" element={<PupilParentsPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.care.overview" />}>
                    <Route path="zorg" element={<CareOverviewPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.care.retention.manage" />}>
                    <Route path="bewaartermijnen" element={<CareRetentionPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.care.attention_officer.manage" />}>
                    <Route path="aandachtsfunctionaris" element={<CareAttentionOfficerPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.care.break_glass" />}>
                    <Route path="noodtoegang" element={<BreakGlassPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.partners" />}>
                    <Route path="partners" element={<PartnersPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.research.manage" />}>
                    <Route path="onderzoek" element={<ResearchPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.evaluation.read" />}>
                    <Route path="effect" element={<EffectPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.questionnaires.answer" />}>
                    <Route path="vragenlijsten" element={<MyQuestionnairesPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.plan.read" />}>
                    <Route path="plan" element={<PlanPage />} />
                    <Route path="plan/tijdlijn" element={<PlanTimelinePage />} />
                    <Route path="plan/fasen-en-werkgroep" element={<PlanTeamPage />} />
                    <Route path="plan/afdrukken" element={<PlanPrintPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.training.read" />}>
                    <Route path="scholing" element={<TrainingPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.outbox.read" />}>
                    <Route path="postvak" element={<SchoolOutboxPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.audit.read" />}>
                    <Route path="logboek" element={<SchoolAuditPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.privacy.register" />}>
                    <Route path="verwerkingsregister" element={<ProcessingRegisterPage />} />
                    <Route path="bewaren" element={<RetentionOverviewPage />} />
                  </Route>
                  <Route element={<RequireSchoolPermission permission="school.privacy.subject_export" />}>
                    <Route path="verzoeken" element={<SubjectRequestsPage />} />
                  </Route>
                </Route>
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}

// An installation without a board has one thing to do first: the first-run page.
function SetupGate() {
  const { needsSetup } = useSession();
  const { pathname } = useLocation();
  if (needsSetup && pathname !== '/welkom') return <Navigate to="/welkom" replace />;
  return <Outlet />;
}

// Signed-out visitors go to the login page, which brings them back here afterwards; a session with
// two-step verification still open goes to its code or enrollment page first.
function RequireSignedIn() {
  const { session } = useSession();
  const location = useLocation();
  if (!session.user) return <Navigate to="/inloggen" replace state={{ from: `${location.pathname}${location.search}` }} />;
  const detour = mfaDetour(session, location.pathname);
  if (detour) return <Navigate to={detour} replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}

// How long a page may take to arrive before "Laden…" appears: a chunk from the cache or a fast network arrives
// sooner, and a message that flashes for a moment is more disturbing than a short wait.
const LOADING_NOTICE_DELAY_MS = 300;

// The place of the pages inside a frame (the app's layout, a board's or a school's menu): while a page's chunk is
// on its way the frame stays, and after a moment a status message says the page is loading. Navigating between
// pages keeps the old page on screen instead (React Router navigates in a transition).
function LoadingPages() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

function PageLoading() {
  const { t } = useTranslation();
  const [isShown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_NOTICE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  // The live region is there from the start, so screen readers announce the text when it appears.
  return (
    <p role="status" className={isShown ? 'notice' : 'visually-hidden'}>
      {isShown ? t('Laden…') : null}
    </p>
  );
}
