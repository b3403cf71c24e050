import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import type { App } from '../../http/fastify-types';
import { eraseSubject, erasureReportSchema } from './subject-erasure';
import { SUBJECT_KINDS } from './subject-export';
import { SUBJECT_ROUTE_KINDS } from './subject-export.routes';
import { listSubjectPeople, subjectPeopleSchema } from './subject-people';

/** What erasing asks to be sure: the person's name typed again, as the preview showed it. */
const erasureBodySchema = z.strictObject({ confirmName: z.string().trim().min(1).max(200) });

/** Names compared as a person types them: spaces and case do not matter. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return plain(a) === plain(b);
}

/**
 * Requests about one person (AVG art. 15 and 17) for the school's administrator: whom they can be about, what erasing
 * one of them would do (a dry run, changes nothing) and the erasure itself, confirmed by typing the name again. The
 * erasure is audited in the same transaction (subject-erasure.ts).
 */
export async function subjectErasureRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/subject-requests/people',
    {
      config: { policy: { access: 'permission', permission: 'school.privacy.subject_export' } },
      schema: { tags: ['privacy'], params: z.strictObject({ schoolId: z.uuid() }), querystring: z.strictObject({ kind: z.enum(SUBJECT_KINDS) }), response: { 200: subjectPeopleSchema } },
    },
    async (request) => listSubjectPeople(deps, request.params.schoolId, request.query.kind),
  );

  const config = { policy: { access: 'permission', permission: 'school.privacy.subject_erase' } } as const;
  for (const { kind, segment, param } of SUBJECT_ROUTE_KINDS) {
    const params = z.strictObject({ schoolId: z.uuid(), [param]: z.uuid() });
    const base = `/api/schools/:schoolId/subject-erasures/${segment}/:${param}`;
    // The loop builds the parameter's name, so its value is read by that name.
    const idsOf = (values: unknown) => ({ schoolId: (values as Record<string, string>).schoolId ?? '', personId: (values as Record<string, string>)[param] ?? '' });

    app.post(`${base}/preview`, { config, schema: { tags: ['privacy'], params, response: { 200: erasureReportSchema } } }, async (request) => {
      const { schoolId, personId } = idsOf(request.params);
      return eraseSubject(deps, staffCallerOf(request), schoolId, kind, personId, { dryRun: true });
    });

    app.post(`${base}`, { config, schema: { tags: ['privacy'], params, body: erasureBodySchema, response: { 200: erasureReportSchema } } }, async (request) => {
      const { schoolId, personId } = idsOf(request.params);
      const caller = staffCallerOf(request);
      // The preview is the dry run of the same transaction; here the name must match before anything goes.
      const preview = await eraseSubject(deps, caller, schoolId, kind, personId, { dryRun: true });
      if (!sameName(preview.subject.name, request.body.confirmName)) {
        throw new AppError('validation_failed', { fields: { 'body.confirmName': ['type the name of the person to confirm'] } });
      }
      return eraseSubject(deps, caller, schoolId, kind, personId, { dryRun: false });
    });
  }
}
