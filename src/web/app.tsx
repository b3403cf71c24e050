import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/layout';
import { BoardAuditPage, BoardOutboxPage } from './pages/board/board-mail-audit-pages';
import { BoardLayout } from './pages/board/board-layout';
import { BoardAccountsPage } from './pages/board/board-accounts-page';
import { BoardPage } from './pages/board/board-page';
import { BoardSelfscanPage } from './pages/board/board-selfscan-page';
import { BoardCheckinPage } from './pages/checkin/board-checkin-page';
import { BoardPlanPage } from './pages/plan/board-plan-page';
import { TrainingPage } from './pages/plan/training-page';
import { MyActionsPage } from './pages/plan/my-actions-page';
import { PlanPage } from './pages/plan/plan-page';
import { MY_ACTIONS_PATH } from './pages/plan/plan-paths';
import { PlanPrintPage } from './pages/plan/plan-print-page';
import { PlanTeamPage } from './pages/plan/plan-team-page';
import { PlanTimelinePage } from './pages/plan/plan-timeline-page';
import { CheckinCardsPage } from './pages/checkin/checkin-cards-page';
import { CheckinClassPage } from './pages/checkin/checkin-class-page';
import { CheckinFiguresPage } from './pages/checkin/checkin-figures-page';
import { CheckinHomePage } from './pages/checkin/checkin-home-page';
import { CHECKIN_PERMISSIONS } from './pages/checkin/checkin-paths';
import { CheckinPupilPage } from './pages/checkin/checkin-pupil-page';
import { CheckinSettingsPage } from './pages/checkin/checkin-settings-page';
import { CheckinSignalsPage } from './pages/checkin/checkin-signals-page';
import { HelpOverviewPage, HelpTopicPage } from './pages/help/help-pages';
import { HomePage } from './pages/home/home-page';
import { InvitationPage } from './pages/invitation/invitation-page';
import { LoginPage } from './pages/login/login-page';
import { MfaCodePage } from './pages/login/mfa-code-page';
import { ACCOUNT_PATH, AccountPage } from './pages/account/account-page';
import { MfaEnrollmentPage } from './pages/account/mfa-enrollment-page';
import { MFA_CODE_PATH, MFA_ENROLLMENT_PATH, MFA_SETTINGS_PATH, mfaDetour } from './pages/account/mfa-paths';
import { MfaSettingsPage } from './pages/account/mfa-settings-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { ForgotPasswordPage } from './pages/password/forgot-password-page';
import { ResetPasswordPage } from './pages/password/reset-password-page';
import { SelfscanConsensusPage } from './pages/selfscan/selfscan-consensus-page';
import { SelfscanHistoryPage } from './pages/selfscan/selfscan-history-page';
import { SelfscanLinkPage } from './pages/selfscan/selfscan-link-page';
import { SelfscanRespondPage } from './pages/selfscan/selfscan-respond-page';
import { SelfscanResultsPage } from './pages/selfscan/selfscan-results-page';
import { SelfscanRoundsPage } from './pages/selfscan/selfscan-rounds-page';
import { ClassesPage } from './pages/school/classes-page';
import { LocationsPage } from './pages/school/locations-page';
import { PrivacyStatementPage } from './pages/privacy/privacy-statement-page';
import { EffectPage } from './pages/evaluation/effect-page';
import { BoardEffectPage } from './pages/evaluation/board-effect-page';
import { ResearchPage } from './pages/research/research-page';
import { BreakGlassPage } from './pages/care/break-glass-page';
import { CareAttentionOfficerPage } from './pages/care/care-attention-officer-page';
import { CareOverviewPage } from './pages/care/care-overview-page';
import { CareRetentionPage } from './pages/care/care-retention-page';
import { PupilCarePage } from './pages/care/pupil-care-page';
import { ParentsPage } from './pages/parents/parents-page';
import { PupilParentsPage } from './pages/parents/pupil-parents-page';
import { ParentSettingsPage } from './pages/parents/parent-settings-page';
import { PartnersPage } from './pages/partners/partners-page';
import { CompetencePage } from './pages/team/competence-page';
import { IntervisionPage } from './pages/team/intervision-page';
import { JournalPage } from './pages/team/journal-page';
import { OnboardingPage } from './pages/team/onboarding-page';
import { PulsePage } from './pages/team/pulse-page';
import { TeamPage } from './pages/team/team-page';
import { ClassGroupPage } from './pages/group/class-group-page';
import { GroupHomePage } from './pages/group/group-home-page';
import { SociogramPage } from './pages/group/sociogram-page';
import { RegulationLibraryPage } from './pages/regulation/regulation-library-page';
import { RegulationManagePage } from './pages/regulation/regulation-manage-page';
import { WindowLessonsPage } from './pages/regulation/window-lessons-page';
import { SociogramSettingsPage } from './pages/group/sociogram-settings-page';
import { SociogramStartPage } from './pages/group/sociogram-start-page';
import { MyQuestionnairesPage } from './pages/questionnaires/my-questionnaires-page';
import { WaveResultsPage } from './pages/questionnaires/wave-results-page';
import { WavesPage } from './pages/questionnaires/waves-page';
import { PupilImportPage } from './pages/school/pupil-import-page';
import { SchoolYearPage } from './pages/school/school-year-page';
import { PupilsPage } from './pages/school/pupils-page';
import { SchoolAuditPage, SchoolOutboxPage } from './pages/school/school-mail-audit-pages';
import { RequireSchoolPermission, SchoolLayout } from './pages/school/school-layout';
import { SchoolOverviewPage } from './pages/school/school-overview-page';
import { StaffImportPage } from './pages/school/staff-import-page';
import { StaffPage } from './pages/school/staff-page';
import { WelcomePage } from './pages/welcome/welcome-page';
import { useSession } from './session/session-context';

/** The pages of the staff app and who may reach them. */
export function App() {
  return (
    <Routes>
      <Route element={<SetupGate />}>
        <Route element={<Layout />}>
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
              <Route index element={<BoardPage />} />
              <Route path="accounts" element={<BoardAccountsPage />} />
              <Route path="postvak" element={<BoardOutboxPage />} />
              <Route path="logboek" element={<BoardAuditPage />} />
              <Route path="zelfscan" element={<BoardSelfscanPage />} />
              <Route path="check-in" element={<BoardCheckinPage />} />
              <Route path="plan" element={<BoardPlanPage />} />
              <Route path="effect" element={<BoardEffectPage />} />
            </Route>
            <Route path="/zelfscan/:roundId" element={<SelfscanLinkPage />} />
            <Route path="/scholen/:schoolId" element={<SchoolLayout />}>
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
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
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
