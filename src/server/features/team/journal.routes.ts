import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import { sendExportFile } from '../../http/export-reply';
import type { App } from '../../http/fastify-types';
import { journalEntryBodySchema, journalEntryParamsSchema, journalEntrySchema, journalExportSchema, journalSchema, journalTextQuerySchema } from './journal.schemas';
import * as service from './journal.service';

// Every journal route needs only school.team: the service narrows everything to the caller's own entries.
const own: RoutePolicy = { access: 'permission', permission: 'school.team' };
const tags = ['team'];

/** The caller's private reflection journal: read, write, change, delete and download their own entries. */
export async function journalRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/team/journal';
  const entries = `${base}/entries`;

  app.get(base, { config: { policy: own }, schema: { tags, params: schoolParamsSchema, response: { 200: journalSchema } } }, async (request) =>
    service.getJournal(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.post(entries, { config: { policy: own }, schema: { tags, params: schoolParamsSchema, body: journalEntryBodySchema, response: { 201: journalEntrySchema } } }, async (request, reply) =>
    reply.code(201).send(await service.addEntry(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.put(
    `${entries}/:entryId`,
    { config: { policy: own }, schema: { tags, params: journalEntryParamsSchema, body: journalEntryBodySchema, response: { 200: journalEntrySchema } } },
    async (request) => service.changeEntry(deps, staffCallerOf(request), request.params.schoolId, request.params.entryId, request.body),
  );

  app.delete(`${entries}/:entryId`, { config: { policy: own }, schema: { tags, params: journalEntryParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeEntry(deps, staffCallerOf(request), request.params.schoolId, request.params.entryId);
    return reply.code(204).send(null);
  });

  app.delete(entries, { config: { policy: own }, schema: { tags, params: schoolParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeJournal(deps, staffCallerOf(request), request.params.schoolId);
    return reply.code(204).send(null);
  });

  app.get(
    `${base}/export.json`,
    { config: { policy: own }, schema: { tags, params: schoolParamsSchema, querystring: journalTextQuerySchema, response: { 200: journalExportSchema } } },
    async (request, reply) => {
      const caller = staffCallerOf(request);
      const data = await service.exportJournal(deps, caller, request.params.schoolId, 'json', request.query.lang ?? caller.locale);
      return reply.header('content-disposition', 'attachment; filename="mijn-reflectie.json"').send(data);
    },
  );

  app.get(`${base}/export.txt`, { config: { policy: own }, schema: { tags, params: schoolParamsSchema, querystring: journalTextQuerySchema } }, async (request, reply) => {
    const caller = staffCallerOf(request);
    const locale = request.query.lang ?? caller.locale;
    const data = await service.exportJournal(deps, caller, request.params.schoolId, 'text', locale);
    return sendExportFile(reply, { body: service.journalAsText(data, locale), contentType: 'text/plain; charset=utf-8', fileName: 'mijn-reflectie.txt' });
  });
}
