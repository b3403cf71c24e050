import { z } from 'zod';
import type { Deps } from '../../deps';
import type { SubjectKind } from './register-tables';

// Whom a request of access or erasure can be about: the school's pupils (also those who left), parents and staff, by
// name with what tells namesakes apart (pupil number, relation and e-mail address). The school admin already sees all of them on their own pages.

export const subjectPeopleSchema = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), detail: z.string(), leftOn: z.string().nullable() })),
});
export type SubjectPeople = z.infer<typeof subjectPeopleSchema>;

/** The people of one kind at the school, sorted by name. */
export async function listSubjectPeople(deps: Deps, schoolId: string, kind: SubjectKind): Promise<SubjectPeople> {
  const db = deps.db.kysely;
  if (kind === 'pupil') {
    const rows = await db.selectFrom('pupils').select(['id', 'first_name', 'last_name', 'pupil_number', 'left_on']).where('school_id', '=', schoolId).orderBy('last_name').orderBy('first_name').orderBy('id').execute();
    return { people: rows.map((row) => ({ id: row.id, name: `${row.first_name} ${row.last_name}`, detail: row.pupil_number, leftOn: row.left_on })) };
  }
  if (kind === 'parent') {
    const rows = await db.selectFrom('parents').select(['id', 'name', 'relation', 'email']).where('school_id', '=', schoolId).orderBy('name').orderBy('id').execute();
    return { people: rows.map((row) => ({ id: row.id, name: row.name, detail: [row.relation, row.email].filter((part) => part).join(' · '), leftOn: null })) };
  }
  const rows = await db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('school_memberships.school_id', '=', schoolId)
    .distinct()
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return { people: rows.map((row) => ({ id: row.id, name: row.name, detail: row.email, leftOn: null })) };
}
