import { z } from 'zod';
import { staffCallerOf, type StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import type { App } from '../../http/fastify-types';
import type { SubjectKind } from './register-tables';
import { collectSubjectData, type SubjectExport, subjectExportSchema } from './subject-export';
import { renderSubjectPdf } from './subject-export.pdf';

/** Each kind of person: its path segment, its id parameter, and the audit log's name for it. */
export const SUBJECT_ROUTE_KINDS = [
  { kind: 'pupil', segment: 'pupils', param: 'pupilId', targetType: 'pupil' },
  { kind: 'parent', segment: 'parents', param: 'parentId', targetType: 'parent' },
  { kind: 'staff', segment: 'staff', param: 'userId', targetType: 'user' },
] as const satisfies readonly { kind: SubjectKind; segment: string; param: string; targetType: string }[];

/**
 * The path parameters of a request about one person: the school's id and the person's under the kind's own name
 * (`pupilId`, `parentId`, `userId`), with how to read both back (the name is built, so it is read by that name).
 */
export function subjectRouteParams(param: (typeof SUBJECT_ROUTE_KINDS)[number]['param']) {
  return {
    params: z.strictObject({ schoolId: z.uuid(), [param]: z.uuid() }),
    idsOf: (values: unknown) => ({ schoolId: (values as Record<string, string>).schoolId ?? '', personId: (values as Record<string, string>)[param] ?? '' }),
  };
}

/** The download's name: the kind and the first part of the id (never the name: file names end up in logs). */
function fileNameOf(data: SubjectExport, extension: 'json' | 'pdf'): string {
  return `inzage-${data.subject.kind}-${data.subject.id.slice(0, 8)}.${extension}`;
}

/**
 * A request of access (AVG art. 15) for one pupil, parent or staff member of a school, as JSON and as PDF, for the
 * school's administrator (who answers such requests for the school). Each download is one audit event; the export
 * itself only reads. `?lang=` picks the PDF's language (default: the reader's own).
 */
export async function subjectExportRoutes(app: App, deps: Deps): Promise<void> {
  const config = { policy: { access: 'permission', permission: 'school.privacy.subject_export' } } as const;
  const audit = (caller: StaffCaller, schoolId: string, targetType: string, personId: string, detail: Record<string, unknown>) =>
    recordAudit(deps.db.kysely, deps.clock, { actorUserId: caller.userId, action: 'privacy.subject_exported', targetType, targetId: personId, schoolId, boardId: caller.schoolBoardId ?? null, detail });

  for (const { kind, segment, param, targetType } of SUBJECT_ROUTE_KINDS) {
    const { params, idsOf } = subjectRouteParams(param);
    const base = `/api/schools/:schoolId/subject-exports/${segment}/:${param}`;

    app.get(`${base}.json`, { config, schema: { tags: ['privacy'], params, response: { 200: subjectExportSchema } } }, async (request, reply) => {
      const caller = staffCallerOf(request);
      const { schoolId, personId } = idsOf(request.params);
      const data = await collectSubjectData(deps, schoolId, kind, personId);
      await audit(caller, schoolId, targetType, personId, { kind, format: 'json' });
      return reply.header('content-disposition', `attachment; filename="${fileNameOf(data, 'json')}"`).send(data);
    });

    app.get(`${base}.pdf`, { config, schema: { tags: ['privacy'], params, querystring: spreadsheetQuerySchema } }, async (request, reply) => {
      const caller = staffCallerOf(request);
      const { schoolId, personId } = idsOf(request.params);
      const language = request.query.lang ?? caller.locale;
      const data = await collectSubjectData(deps, schoolId, kind, personId);
      const body = await renderSubjectPdf(data, language);
      await audit(caller, schoolId, targetType, personId, { kind, format: 'pdf', language });
      return sendExportFile(reply, { body, contentType: 'application/pdf', fileName: fileNameOf(data, 'pdf') });
    });
  }
}
