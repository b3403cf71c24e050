import type { Permission } from '../../src/shared/permissions';
import type { WorldUserKey } from './world';

// The expected matrix, written out by hand (not derived from the policy code): which world users may use
// each permission on board A / school A1. A new permission without a row here fails the suite.
export const ALLOWED_ON_A: Record<Permission, WorldUserKey[]> = {
  'board.read': ['boardAdmin'],
  'board.schools.manage': ['boardAdmin'],
  'board.outbox.read': ['boardAdmin'],
  'board.audit.read': ['boardAdmin'],
  'board.accounts.manage': ['boardAdmin'],
  'school.read': ['boardAdmin', 'schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam'],
  'school.structure.manage': ['boardAdmin', 'schoolAdmin'],
  'school.settings.manage': ['schoolAdmin', 'leadership'],
  'school.staff.read': ['boardAdmin', 'schoolAdmin', 'leadership'],
  'school.staff.manage': ['boardAdmin', 'schoolAdmin'],
  'school.roles.approve': ['boardAdmin', 'schoolAdmin', 'leadership'],
  'school.getting_started': ['schoolAdmin', 'tsoLead'],
  'school.privacy.manage': ['schoolAdmin'],
  'school.pupils.read': ['schoolAdmin', 'leadership', 'careTeam', 'teacher'],
  'school.pupils.import': ['schoolAdmin'],
  'school.pupils.manage': ['schoolAdmin'],
  'school.year.prepare': ['schoolAdmin', 'leadership'],
  'school.outbox.read': ['boardAdmin', 'schoolAdmin'],
  'school.audit.read': ['boardAdmin', 'schoolAdmin'],
  'school.selfscan.manage': ['leadership', 'tsoLead'],
  'school.selfscan.models.manage': ['schoolAdmin'],
  'school.selfscan.results': ['leadership', 'tsoLead'],
  'school.selfscan.raw.export': ['schoolAdmin'],
  'school.checkin.manage': ['teacher'],
  'school.checkin.class.read': ['teacher', 'careTeam'],
  'school.checkin.notes.write': ['teacher', 'careTeam'],
  'school.checkin.signals.school': ['careTeam'],
  'school.checkin.aggregates': ['leadership', 'tsoLead'],
  'school.checkin.settings': ['schoolAdmin', 'leadership'],
  'board.checkin.aggregates': ['boardAdmin'],
  // Teachers and the care team pass the policy; the plan service answers 403 not_shared until the school shares it.
  'school.plan.read': ['schoolAdmin', 'leadership', 'tsoLead', 'teacher', 'careTeam'],
  'school.plan.edit': ['leadership', 'tsoLead'],
  'school.questionnaires.manage': ['leadership', 'tsoLead'],
  'school.questionnaires.answer': ['teacher'],
  'school.questionnaires.results': ['leadership', 'tsoLead', 'teacher'],
  'school.plan.team.manage': ['leadership', 'tsoLead'],
  'school.training.read': ['schoolAdmin', 'leadership', 'tsoLead'],
  'school.training.manage': ['schoolAdmin', 'leadership', 'tsoLead'],
  'board.plan.rollup': ['boardAdmin'],
};

// On board B / school B1 only B's own admins get anywhere; A's people get nothing.
export const ALLOWED_ON_B: Record<Permission, WorldUserKey[]> = {
  'board.read': ['boardAdminOtherBoard'],
  'board.schools.manage': ['boardAdminOtherBoard'],
  'board.outbox.read': ['boardAdminOtherBoard'],
  'board.audit.read': ['boardAdminOtherBoard'],
  'board.accounts.manage': ['boardAdminOtherBoard'],
  'school.read': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.structure.manage': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.settings.manage': ['schoolAdminOtherBoard'],
  'school.staff.read': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.staff.manage': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.roles.approve': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.getting_started': ['schoolAdminOtherBoard'],
  'school.privacy.manage': ['schoolAdminOtherBoard'],
  'school.pupils.read': ['schoolAdminOtherBoard'],
  'school.pupils.import': ['schoolAdminOtherBoard'],
  'school.pupils.manage': ['schoolAdminOtherBoard'],
  'school.year.prepare': ['schoolAdminOtherBoard'],
  'school.outbox.read': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.audit.read': ['boardAdminOtherBoard', 'schoolAdminOtherBoard'],
  'school.selfscan.manage': [],
  'school.selfscan.models.manage': ['schoolAdminOtherBoard'],
  'school.selfscan.results': [],
  'school.selfscan.raw.export': ['schoolAdminOtherBoard'],
  'school.checkin.manage': [],
  'school.checkin.class.read': [],
  'school.checkin.notes.write': [],
  'school.checkin.signals.school': [],
  'school.checkin.aggregates': [],
  'school.checkin.settings': ['schoolAdminOtherBoard'],
  'board.checkin.aggregates': ['boardAdminOtherBoard'],
  'school.plan.read': ['schoolAdminOtherBoard'],
  'school.plan.edit': [],
  'school.questionnaires.manage': [],
  'school.questionnaires.answer': [],
  'school.questionnaires.results': [],
  'school.plan.team.manage': [],
  'school.training.read': ['schoolAdminOtherBoard'],
  'school.training.manage': ['schoolAdminOtherBoard'],
  'board.plan.rollup': ['boardAdminOtherBoard'],
};

// Routes anyone may call without signing in. Anything else that turns up public fails the suite.
export const EXPECTED_PUBLIC = [
  'GET /healthz',
  'GET /api/openapi.json',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/setup/demo',
  'GET /api/session',
  'POST /api/session',
  'POST /api/password-resets',
  'POST /api/password-resets/complete',
  'POST /api/invitations/accept',
  'POST /api/pupil/session',
  'GET /api/calendar/:token',
  'GET /assets/*',
  'GET /*',
].sort();

// The only signed-in routes a session may call before two-step verification is complete, per state
// (see `duringMfa` in src/server/http/auth-hooks.ts). Every other non-public route must refuse.
export const EXPECTED_DURING_MFA = {
  code_needed: ['DELETE /api/session', 'POST /api/session/mfa'],
  enrollment_needed: ['DELETE /api/session', 'PATCH /api/me', 'GET /api/me/mfa', 'POST /api/me/mfa/enrollment', 'POST /api/me/mfa/enrollment/confirm'],
} as const;

export const MATRIX_USERS: WorldUserKey[] = [
  'boardAdmin',
  'schoolAdmin',
  'leadership',
  'tsoLead',
  'teacher',
  'careTeam',
  'teacherOtherSchool',
  'boardAdminOtherBoard',
  'schoolAdminOtherBoard',
];

