import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { eraseSubject, erasureReportSchema } from './subject-erasure';
import { SUBJECT_KINDS } from './subject-export';
import { SUBJECT_ROUTE_KINDS, subjectRouteParams } from './subject-export.routes';
import { listSubjectPeople, subjectPeopleSchema } from './subject-people';

/** What erasing asks to be sure: the person's name typed again, as the preview showed it. */
const erasureBodySchema = z.strictObject({ confirmName: z.string().trim().min(1).max(200) });

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
    const { params, idsOf } = subjectRouteParams(param);
    const base = `/api/schools/:schoolId/subject-erasures/${segment}/:${param}`;

    app.post(`${base}/preview`, { config, schema: { tags: ['privacy'], params, response: { 200: erasureReportSchema } } }, async (request) => {
      const { schoolId, personId } = idsOf(request.params);
      return eraseSubject(deps, staffCallerOf(request), schoolId, kind, personId, { dryRun: true });
    });

    app.post(`${base}`, { config, schema: { tags: ['privacy'], params, body: erasureBodySchema, response: { 200: erasureReportSchema } } }, async (request) => {
      const { schoolId, personId } = idsOf(request.params);
      // The name typed again is checked in the erasure's own transaction, before anything goes.
      return eraseSubject(deps, staffCallerOf(request), schoolId, kind, personId, { dryRun: false, confirmName: request.body.confirmName });
    });
  }
}
