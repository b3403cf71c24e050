import type { TFunction } from 'i18next';
import type { School, Session } from '../../api/api-types';
import { canInSchool } from '../../session/permissions';
import { CHECKIN_PERMISSIONS } from '../checkin/checkin-paths';
import { attentionOfficerPath, breakGlassPath, careOverviewPath, careRetentionPath } from '../care/care-paths';
import { groupHomePath } from '../group/group-paths';
import { sociogramSettingsPath } from '../group/sociogram-paths';
import { regulationManagePath, regulationPath } from '../regulation/regulation-paths';
import { planPath, trainingPath } from '../plan/plan-paths';
import { parentsPath } from '../parents/parent-contact-paths';
import { parentSettingsPath } from '../parents/parent-settings-page';
import { partnersPath } from '../partners/partners-paths';
import { teamPath } from '../team/team-paths';

/** One link of a page menu: where it goes and its text. */
export interface MenuLink {
  to: string;
  label: string;
}

// A plain function of the session (no React), so test/demo-roles.test.ts checks every demo role's menu
// without a browser; the browser test only checks that it renders.

/** The school menu this person sees, in its fixed order: only the pages their roles in the school let them use. */
export function schoolMenuLinks(t: TFunction, session: Session, school: Pick<School, 'id' | 'boardId'>): MenuLink[] {
  const can = (permission: Parameters<typeof canInSchool>[1]) => canInSchool(session, permission, school.id, school.boardId);
  const base = `/scholen/${school.id}`;
  const place = session.schools.find((entry) => entry.id === school.id);
  const isMember = (place?.roles.length ?? 0) > 0;
  const planShared = place?.planSharedWithTeam === true;
  const items: (MenuLink & { isShown: boolean })[] = [
    { to: base, label: t('Overzicht'), isShown: true },
    // The self-scan is for the school's own team; a board role alone does not make someone part of it.
    { to: `${base}/zelfscan`, label: t('Zelfscan'), isShown: isMember },
    { to: `${base}/leerlingen`, label: t('Leerlingen'), isShown: can('school.pupils.read') },
    { to: `${base}/klassen`, label: t('Klassen'), isShown: can('school.structure.manage') },
    { to: `${base}/locaties`, label: t('Locaties'), isShown: can('school.structure.manage') },
    { to: `${base}/check-in`, label: t('Check-in'), isShown: CHECKIN_PERMISSIONS.some(can) },
    // A class's climate, group phase and sociograms: its own teachers and the care team.
    { to: groupHomePath(school.id), label: t('Groep'), isShown: can('school.group') },
    // Regulation activities, a class's favourites and routine moments: its teachers and the care team.
    { to: regulationPath(school.id), label: t('Regulatie'), isShown: can('school.regulation') },
    // The contact with the parents of a teacher's own pupils (the care team: every pupil), from enrolment on.
    { to: parentsPath(school.id), label: t('Ouders'), isShown: can('school.parents') },
    { to: careOverviewPath(school.id), label: t('Zorg'), isShown: can('school.care.overview') },
    // The working group and leadership always; the rest of the team once the school shares its plan.
    { to: planPath(school.id), label: t('Implementatieplan'), isShown: can('school.plan.edit') || (can('school.plan.read') && planShared) },
    { to: trainingPath(school.id), label: t('Scholing'), isShown: can('school.training.read') },
    // The team's own area: onboarding, the competence profile, the wellbeing pulse, the journal, intervision.
    { to: teamPath(school.id), label: t('Team'), isShown: can('school.team') },
    // The partners register: organisations, fixed contact persons, agreements, their TSO training.
    { to: partnersPath(school.id), label: t('Samenwerkingspartners'), isShown: can('school.partners') },
    { to: `${base}/metingen`, label: t('Metingen'), isShown: can('school.questionnaires.manage') },
    { to: `${base}/effect`, label: t('Effect van TSO'), isShown: can('school.evaluation.read') },
    { to: `${base}/vragenlijsten`, label: t('Vragenlijsten'), isShown: can('school.questionnaires.answer') },
    { to: `${base}/personeel`, label: t('Personeel'), isShown: can('school.staff.read') },
    { to: `${base}/onderzoek`, label: t('Onderzoek'), isShown: can('school.research.manage') },
    { to: careRetentionPath(school.id), label: t('Bewaartermijnen'), isShown: can('school.care.retention.manage') },
    // The school admin and leadership name the meldcode's attention officer; they read no case themselves.
    { to: attentionOfficerPath(school.id), label: t('Aandachtsfunctionaris'), isShown: can('school.care.attention_officer.manage') },
    // Whether "rather not" questions may be asked, and the school's own sociogram questions: leadership and the care team.
    { to: sociogramSettingsPath(school.id), label: t('Sociogram-instellingen'), isShown: can('school.group.settings') },
    // Hiding activities, the school's own, and the anonymous "did it help?" figures.
    { to: regulationManagePath(school.id), label: t('Regulatie beheren'), isShown: can('school.regulation.manage') },
    // What the school tells parents on their parent page, and the languages it adds for them.
    { to: parentSettingsPath(school.id), label: t('Ouderpagina'), isShown: can('school.parents.settings') },
    { to: `${base}/postvak`, label: t('Postvak'), isShown: can('school.outbox.read') },
    { to: `${base}/logboek`, label: t('Logboek'), isShown: can('school.audit.read') },
    // For the privacy officer's questions: what is stored on which legal basis, and how long it stays.
    { to: `${base}/verwerkingsregister`, label: t('Verwerkingsregister'), isShown: can('school.privacy.register') },
    { to: `${base}/bewaren`, label: t('Bewaren en verwijderen'), isShown: can('school.privacy.register') },
    // A pupil, parent or staff member asks what the school holds about them, or to be erased.
    { to: `${base}/verzoeken`, label: t('Verzoeken over een persoon'), isShown: can('school.privacy.subject_export') },
    // Last: it is for a crisis, not for every day.
    { to: breakGlassPath(school.id), label: t('Noodtoegang'), isShown: can('school.care.break_glass') },
  ];
  return items.filter((item) => item.isShown).map(({ to, label }) => ({ to, label }));
}
