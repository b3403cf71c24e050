import { describe, expect, it } from 'vitest';
import { type Actor, isAllowed, PERMISSIONS, type Permission } from './permissions';
import type { WorkingGroupRole } from './plan';
import type { SchoolRole } from './roles';

// The working-group grant is the one rule of the policy table that is not a role: these checks pin it down.
const SCHOOL = 'school-1';
const OTHER_SCHOOL = 'school-2';
const BOARD = 'board-1';

function actor(roles: SchoolRole[], place?: WorkingGroupRole): Actor {
  return {
    userId: 'u',
    boardRoles: new Map(),
    schoolRoles: new Map([[SCHOOL, roles]]),
    boardOfSchool: new Map([[SCHOOL, BOARD]]),
    workingGroup: place ? new Map([[SCHOOL, place]]) : new Map(),
  };
}

const allowed = (who: Actor, permission: Permission, schoolId = SCHOOL) => isAllowed(who, permission, { schoolId, schoolBoardId: BOARD });

describe('working-group grants in the policy', () => {
  it('gives a teacher who is a member the plan and training rights marked for members, not the lead-only ones', () => {
    const member = actor(['teacher'], 'member');
    expect(allowed(member, 'school.plan.edit')).toBe(true);
    expect(allowed(member, 'school.training.manage')).toBe(true);
    expect(allowed(member, 'school.plan.team.manage')).toBe(false);
  });

  it('gives a lead (kartrekker) the lead-only rights as well', () => {
    const lead = actor(['teacher'], 'lead');
    expect(allowed(lead, 'school.plan.team.manage')).toBe(true);
    expect(allowed(lead, 'school.plan.edit')).toBe(true);
  });

  it('gives the same teacher nothing extra without a place in the group', () => {
    const teacher = actor(['teacher']);
    expect(allowed(teacher, 'school.plan.edit')).toBe(false);
    expect(allowed(teacher, 'school.training.read')).toBe(false);
    expect(allowed(teacher, 'school.plan.read')).toBe(true);
  });

  it('never lets a working-group place reach another school or a permission without the mark', () => {
    const lead = actor(['teacher'], 'lead');
    expect(allowed(lead, 'school.plan.edit', OTHER_SCHOOL)).toBe(false);
    const unmarked = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => !('workingGroup' in PERMISSIONS[permission]));
    for (const permission of unmarked) {
      expect(allowed(lead, permission), permission).toBe(allowed(actor(['teacher']), permission));
    }
  });
});
