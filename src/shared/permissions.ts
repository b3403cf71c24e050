import type { WorkingGroupRole } from './plan';
import type { BoardRole, SchoolRole } from './roles';
import { SCHOOL_ROLES } from './roles';

// THE permission table and the one function that reads it. Shared: the server's auth hook decides with it, and
// the web app asks the same table which menu entries to show (it never decides anything on its own).

/**
 * The authorization table: for each permission, which board roles and which school roles grant it.
 * School-scoped permissions are checked against the route's `:schoolId`; a board role grants a
 * school permission only for schools of that board. Need-to-know relations that depend on the
 * record (a teacher sees only the pupils of their own classes) are applied by the service.
 * `workingGroup` (implementation plan only): a place in the school's TSO working group grants the permission
 * too — `member` for every member, `lead` only for the leads (kartrekkers).
 */
export const PERMISSIONS = {
  'board.read': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  'board.schools.manage': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  'board.outbox.read': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  'board.audit.read': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  // Accounts whose home is this board: switching an account off for every school, signing it out everywhere.
  'board.accounts.manage': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  'school.read': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: [...SCHOOL_ROLES] },
  'school.structure.manage': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin'] },
  // No board role: what the school shares with its board is the school's own choice.
  'school.settings.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership'] },
  'school.staff.read': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin', 'leadership'] },
  'school.staff.manage': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin'] },
  // The second person for a role that reads special-category data (the care team): never the one who asked, never the one who gets it.
  'school.roles.approve': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin', 'leadership'] },
  // The getting-started checklist of a new school: the people who set the school up and start the TSO work.
  // The school's privacy statement: its school admin adapts it (every member reads it with school.read).
  'school.privacy.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // The processing register and the DPIA input pack (features/privacy-register): for whoever answers the privacy
  // officer — the school's administrator for the school, the board's administrator for the board.
  'school.privacy.register': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  'board.privacy.register': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  // A request of access (AVG art. 15): everything about one pupil, parent or staff member, for the school admin who answers it.
  'school.privacy.subject_export': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  'school.privacy.subject_erase': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  'school.getting_started': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'tso_lead'] },
  'school.pupils.read': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'care_team', 'teacher'] },
  'school.pupils.import': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // A pupil's details, class and leaving (and undoing it): the same people who import pupils.
  'school.pupils.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // Preparing the next school year (the August rollover) and undoing that: the school's administrator and its leadership.
  'school.year.prepare': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership'] },
  'school.outbox.read': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin'] },
  'school.audit.read': { scope: 'school', boardRoles: ['board_admin'], schoolRoles: ['school_admin'] },
  'school.selfscan.manage': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership'] },
  'school.selfscan.models.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // The team may also read results once the lead shared them: the self-scan service checks that.
  'school.selfscan.results': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership'] },
  // Raw answers, even pseudonymised, stay with the school's data steward.
  'school.selfscan.raw.export': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // Daily check-in. Teachers only for their own classes and pupils: the check-in service answers 404
  // for any other class or pupil (need-to-know; it does not confirm the record exists). Opening a kiosk,
  // making a class code and printing login cards let the holder act as a pupil of the class, so only the
  // class's own teachers may: an administrator who may not read check-ins cannot get at them this way.
  'school.checkin.manage': { scope: 'school', boardRoles: [], schoolRoles: ['teacher'] },
  'school.checkin.class.read': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  'school.checkin.notes.write': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  'school.checkin.signals.school': { scope: 'school', boardRoles: [], schoolRoles: ['care_team'] },
  // Anonymous per-class figures only, and only for classes with at least the minimum group size.
  'school.checkin.aggregates': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead'] },
  'school.checkin.settings': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership'] },
  'board.checkin.aggregates': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  // The care of one pupil (features/care). Trusted adults and the support-and-signalling plan: the pupil's own
  // teachers and the care team write them; reading passes for whoever may open a plan by break-glass too, and the
  // care service narrows it to the pupils of the caller's classes or the one pupil they opened (404 otherwise).
  // ACEs, screenings and the care overview: the care team only, never a teacher.
  'school.care.plans.read': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team', 'leadership', 'tso_lead'] },
  'school.care.plans.write': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  'school.care.sensitive': { scope: 'school', boardRoles: [], schoolRoles: ['care_team'] },
  'school.care.overview': { scope: 'school', boardRoles: [], schoolRoles: ['care_team'] },
  // How many pupils have a trusted adult and a current plan, per class and school (counts under the k rule, never
  // who): evidence for the self-scan and the plan, for the people who lead the TSO work and the care team.
  // How long care data is kept after a pupil leaves, per kind, and the dry run of what that deletes: the school's
  // data steward (who also runs the research export), not the care team whose records they are.
  'school.care.retention.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  'school.care.coverage': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead', 'care_team'] },
  // Break-glass: a staff member without need-to-know (a replacement teacher in a crisis) opens one pupil's plan
  // for 60 minutes after a reason and their password; audited, and the care team is told at once.
  'school.care.break_glass': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'leadership', 'tso_lead'] },
  // The meldcode (reporting code for domestic violence and child abuse): the care team only, never a teacher. The
  // care service narrows it further: the attention officer sees every case, another member the cases they opened
  // or recorded a step in (404 otherwise).
  'school.care.meldcode': { scope: 'school', boardRoles: [], schoolRoles: ['care_team'] },
  // Naming the school's attention officer (aandachtsfunctionaris) for the meldcode: the school's administrator and
  // its leadership, who appoint people to roles; they choose from the care team and never read a case themselves.
  'school.care.attention_officer.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership'] },
  // Group dynamics (features/sociogram): a class's sociograms, class climate and group phase. The class's own
  // teachers and the care team; the sociogram service narrows a teacher to the classes they teach (404 otherwise).
  // Never leadership or the board: sociogram answers and status labels are not figures for them.
  'school.group': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  // The school's own sociogram questions and whether "rather not" questions may be asked: the school's leadership
  // and its care team, who answer for how carefully a sociogram is used.
  'school.group.settings': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'care_team'] },
  // Regulation (features/regulation): the activity library, a class's favourites and routine moments, and which
  // activities helped a pupil after a check-in — the class's teachers and the care team; the regulation service narrows
  // a teacher to the classes they teach (404 otherwise). The care team also links activities to a support plan.
  'school.regulation': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  // A school's own activities and which shipped ones it hides: the people who lead the TSO work and the care team.
  'school.regulation.manage': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership', 'care_team'] },
  // Parents and partners (features/parents, features/partners). A pupil's parents and carers — inviting them by a
  // one-time link, sending them questionnaires, the contact log — are for the pupil's own teachers (the mentor) and
  // the care team; the parents service narrows a teacher to the pupils of the classes they teach (404 otherwise).
  'school.parents': { scope: 'school', boardRoles: [], schoolRoles: ['teacher', 'care_team'] },
  // What the school tells parents (its TSO page) and the languages it adds for parent pages: the school's
  // leadership, its administrator and the care team.
  'school.parents.settings': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'care_team'] },
  // How many pupils had contact with their parents lately and an enrolment conversation, per class and school
  // (counts only): evidence for the self-scan, for the people who lead the TSO work and the care team.
  'school.parents.coverage': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead', 'care_team'] },
  // The partners register (organisations, fixed contact persons, agreements, their TSO training): read by the care
  // team, the people who lead the TSO work and the administrator; kept by the care team, leadership and administrator.
  'school.partners': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'tso_lead', 'care_team'] },
  'school.partners.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'care_team'] },
  // The team (issue 17, features/team). Every staff member of the school works in their own team area: the onboarding
  // guide, their own ramp and buddy, their own competence profile (private unless they share it), their own reflection
  // journal (readable by nobody else), the wellbeing pulse (answered without any link to them; its trend under the
  // k rule), intervision sessions. The team services narrow each record to the caller's relation: a buddy, a
  // chef-buddy of the location, a colleague the profile was shared with. No board role: a board admin never sees it.
  'school.team': { scope: 'school', boardRoles: [], schoolRoles: [...SCHOOL_ROLES] },
  // The onboarding's texts and settings: the collected guide, the ramp template, the buddy role texts, which
  // colleague is chef-buddy of which location, the pulse calendar — the school's leadership and its administrator.
  'school.team.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership'] },
  // Every newcomer's pair and how each ramp goes (the school leader); the newcomers' evaluation of the onboarding,
  // anonymous counts per competence and intervision counts under the k rule (leadership and the TSO leads).
  'school.team.overview': { scope: 'school', boardRoles: [], schoolRoles: ['leadership'] },
  'school.team.figures': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead'] },
  // Implementation plan. Every staff member may ask; the plan service answers 403 `not_shared` to anyone
  // outside leadership, TSO leads and the working group while the school has not shared the plan with its team.
  'school.plan.read': { scope: 'school', boardRoles: [], schoolRoles: [...SCHOOL_ROLES] },
  'school.plan.edit': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead'], workingGroup: 'member' },
  'school.plan.team.manage': { scope: 'school', boardRoles: [], schoolRoles: ['leadership', 'tso_lead'], workingGroup: 'lead' },
  // The training register names staff: the people who organise training, and the school's administrator.
  'school.training.read': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'tso_lead'], workingGroup: 'member' },
  'school.training.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin', 'leadership', 'tso_lead'], workingGroup: 'member' },
  // Measurement waves of the effect evaluation: the people who lead the TSO work plan them.
  'school.questionnaires.manage': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership'] },
  // Answering the school's open teacher waves: the teachers. Each sees and changes only their own answers.
  'school.questionnaires.answer': { scope: 'school', boardRoles: [], schoolRoles: ['teacher'] },
  // A closed wave's results: the TSO lead and leadership the whole school, a teacher their own classes and scores
  // (the results service narrows it to what the caller's relation allows).
  'school.questionnaires.results': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership', 'teacher'] },
  // The school's effect evaluation (every closed wave, the growth model): school-level figures for the people who lead the TSO work.
  'school.evaluation.read': { scope: 'school', boardRoles: [], schoolRoles: ['tso_lead', 'leadership'] },
  // Pseudonymised answers for a study the school joins, and the pupils who objected: the school's data steward.
  'school.research.manage': { scope: 'school', boardRoles: [], schoolRoles: ['school_admin'] },
  // The effect evaluation pooled over the schools that share it (estimates only, never a school's own means).
  'board.evaluation.read': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  // Per school that shares its plan with the board: phase, goals achieved/total, overdue actions, training coverage.
  'board.plan.rollup': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
  // The board's school sign-in (OpenID Connect provider, allowed domains, SSO only): who can sign in how.
  'board.sso.manage': { scope: 'board', boardRoles: ['board_admin'], schoolRoles: [] },
} as const satisfies Record<
  string,
  {
    scope: 'board' | 'school';
    boardRoles: readonly BoardRole[];
    schoolRoles: readonly SchoolRole[];
    workingGroup?: WorkingGroupRole;
  }
>;

/** One permission name from the table. */
export type Permission = keyof typeof PERMISSIONS;

/** What the policy needs to know about the signed-in user, loaded fresh on every request. */
export interface Actor {
  userId: string;
  boardRoles: ReadonlyMap<string, readonly BoardRole[]>;
  schoolRoles: ReadonlyMap<string, readonly SchoolRole[]>;
  /** The board of every school the actor can reach (membership or board role), for board-role checks. */
  boardOfSchool: ReadonlyMap<string, string>;
  /** The actor's place in each school's TSO working group (only schools where they also hold a role). */
  workingGroup?: ReadonlyMap<string, WorkingGroupRole>;
}

/**
 * Decides whether an actor holds a permission for a board or school.
 * `schoolBoardId` is the board the school belongs to (needed for board roles).
 */
export function isAllowed(
  actor: Actor,
  permission: Permission,
  target: { boardId?: string | undefined; schoolId?: string | undefined; schoolBoardId?: string | undefined },
): boolean {
  const rule = PERMISSIONS[permission];
  if (rule.scope === 'board') {
    if (!target.boardId) return false;
    const roles = actor.boardRoles.get(target.boardId) ?? [];
    return roles.some((role) => (rule.boardRoles as readonly string[]).includes(role));
  }
  if (!target.schoolId) return false;
  const schoolRoles = actor.schoolRoles.get(target.schoolId) ?? [];
  if (schoolRoles.some((role) => (rule.schoolRoles as readonly string[]).includes(role))) return true;
  if (grantedByWorkingGroup(rule as { workingGroup?: WorkingGroupRole }, actor.workingGroup?.get(target.schoolId))) return true;
  if (!target.schoolBoardId) return false;
  const boardRoles = actor.boardRoles.get(target.schoolBoardId) ?? [];
  return boardRoles.some((role) => (rule.boardRoles as readonly string[]).includes(role));
}

function grantedByWorkingGroup(rule: { workingGroup?: WorkingGroupRole }, place: WorkingGroupRole | undefined): boolean {
  if (!rule.workingGroup || !place) return false;
  return rule.workingGroup === 'member' || place === 'lead';
}
