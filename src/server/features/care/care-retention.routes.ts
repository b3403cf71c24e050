import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { careRetentionReport, careRetentionReportSchema, retentionTermsBodySchema, setRetentionTerms } from './care-retention';

/** The school's retention terms of care data and the dry run of what they delete today: for its data steward. */
export async function careRetentionRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/care/retention',
    {
      config: { policy: { access: 'permission', permission: 'school.care.retention.manage' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: careRetentionReportSchema } },
    },
    async (request) => careRetentionReport(deps.db.kysely, deps.clock, request.params.schoolId),
  );

  app.put(
    '/api/schools/:schoolId/care/retention',
    {
      config: { policy: { access: 'permission', permission: 'school.care.retention.manage' } },
      schema: { tags: ['care'], params: schoolParamsSchema, body: retentionTermsBodySchema, response: { 200: careRetentionReportSchema } },
    },
    async (request) => setRetentionTerms(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );
}
