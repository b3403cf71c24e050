import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import { auditWrite } from './care.service';
import { carePupilParamsSchema } from './care.schemas';
import { collectPupilData, pupilDataExportSchema } from './care-export';
import { renderPupilDataPdf } from './care-export.pdf';

/**
 * Everything about one pupil for the pupil or their parents (AVG art. 15), as JSON and as PDF: the care team makes
 * it (it holds the ACEs and screenings). Each download is one audit event.
 */
export async function careExportRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/pupils/:pupilId/care';

  app.get(
    `${base}/export.json`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: pupilDataExportSchema } },
    },
    async (request, reply) => {
      const caller = staffCallerOf(request);
      const { schoolId, pupilId } = request.params;
      const data = await collectPupilData(deps, schoolId, pupilId);
      await auditWrite(deps.db.kysely, deps, caller, schoolId, pupilId, 'care.pupil_exported', { format: 'json' });
      return reply.header('content-disposition', `attachment; filename="leerling-${data.pupil.pupilNumber.replace(/[^A-Za-z0-9-]/g, '-')}.json"`).send(data);
    },
  );

  app.get(
    `${base}/export.pdf`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, querystring: spreadsheetQuerySchema },
    },
    async (request, reply) => {
      const caller = staffCallerOf(request);
      const { schoolId, pupilId } = request.params;
      const language = request.query.lang ?? caller.locale;
      const data = await collectPupilData(deps, schoolId, pupilId);
      const body = await renderPupilDataPdf(data, language);
      await auditWrite(deps.db.kysely, deps, caller, schoolId, pupilId, 'care.pupil_exported', { format: 'pdf', language });
      return sendExportFile(reply, { body, contentType: 'application/pdf', fileName: `leerling-${data.pupil.pupilNumber.replace(/[^A-Za-z0-9-]/g, '-')}.pdf` });
    },
  );
}
