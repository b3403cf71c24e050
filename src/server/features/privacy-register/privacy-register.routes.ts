import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { boardParamsSchema, schoolParamsSchema } from '../../http/common.schemas';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import type { App } from '../../http/fastify-types';
import { renderDpiaPdf, renderRegisterPdf } from './privacy-register.pdf';
import { processingRegisterSchema, retentionOverviewSchema } from './privacy-register.schemas';
import { boardRegister, dpiaPackOf, schoolRegister } from './privacy-register.service';
import { retentionOverviewOf } from './retention-overview';

/**
 * The processing register (page and PDF), the DPIA input pack (PDF) and a school's retention overview, for the
 * privacy officer's work: a school's administrator for the school, a board's administrator for the board. `?lang=`
 * picks the language (default: the reader's own). Not audited: they describe the data model and its terms, never a
 * person.
 */
export async function privacyRegisterRoutes(app: App, deps: Deps): Promise<void> {
  const schoolPolicy = { policy: { access: 'permission', permission: 'school.privacy.register' } } as const;
  const boardPolicy = { policy: { access: 'permission', permission: 'board.privacy.register' } } as const;
  const schoolSchema = { tags: ['privacy'], params: schoolParamsSchema, querystring: spreadsheetQuerySchema };
  const boardSchema = { tags: ['privacy'], params: boardParamsSchema, querystring: spreadsheetQuerySchema };

  app.get('/api/schools/:schoolId/privacy-register', { config: schoolPolicy, schema: { ...schoolSchema, response: { 200: processingRegisterSchema } } }, async (request) =>
    schoolRegister(deps, request.params.schoolId, request.query.lang ?? staffCallerOf(request).locale),
  );

  app.get('/api/schools/:schoolId/privacy-register.pdf', { config: schoolPolicy, schema: schoolSchema }, async (request, reply) => {
    const language = request.query.lang ?? staffCallerOf(request).locale;
    const register = await schoolRegister(deps, request.params.schoolId, language);
    return sendExportFile(reply, { body: await renderRegisterPdf(register, language), contentType: 'application/pdf', fileName: fileNameOf('verwerkingsregister', language) });
  });

  app.get('/api/schools/:schoolId/dpia-pack.pdf', { config: schoolPolicy, schema: schoolSchema }, async (request, reply) => {
    const language = request.query.lang ?? staffCallerOf(request).locale;
    const register = await schoolRegister(deps, request.params.schoolId, language);
    return sendExportFile(reply, { body: await renderDpiaPdf(dpiaPackOf(deps, register, language), language), contentType: 'application/pdf', fileName: fileNameOf('dpia-invoer', language) });
  });

  // Retention per category in one place: each term, what it would delete today, and when its job runs.
  app.get('/api/schools/:schoolId/retention-overview', { config: schoolPolicy, schema: { ...schoolSchema, response: { 200: retentionOverviewSchema } } }, async (request) =>
    retentionOverviewOf(deps, request.params.schoolId, request.query.lang ?? staffCallerOf(request).locale),
  );

  app.get('/api/boards/:boardId/privacy-register', { config: boardPolicy, schema: { ...boardSchema, response: { 200: processingRegisterSchema } } }, async (request) =>
    boardRegister(deps, request.params.boardId, request.query.lang ?? staffCallerOf(request).locale),
  );

  app.get('/api/boards/:boardId/privacy-register.pdf', { config: boardPolicy, schema: boardSchema }, async (request, reply) => {
    const language = request.query.lang ?? staffCallerOf(request).locale;
    const register = await boardRegister(deps, request.params.boardId, language);
    return sendExportFile(reply, { body: await renderRegisterPdf(register, language), contentType: 'application/pdf', fileName: fileNameOf('verwerkingsregister', language) });
  });

  app.get('/api/boards/:boardId/dpia-pack.pdf', { config: boardPolicy, schema: boardSchema }, async (request, reply) => {
    const language = request.query.lang ?? staffCallerOf(request).locale;
    const register = await boardRegister(deps, request.params.boardId, language);
    return sendExportFile(reply, { body: await renderDpiaPdf(dpiaPackOf(deps, register, language), language), contentType: 'application/pdf', fileName: fileNameOf('dpia-invoer', language) });
  });
}

const ENGLISH_FILE_NAMES: Record<string, string> = { verwerkingsregister: 'processing-register', 'dpia-invoer': 'dpia-input' };

function fileNameOf(dutch: string, language: 'nl' | 'en'): string {
  return `${language === 'en' ? (ENGLISH_FILE_NAMES[dutch] ?? dutch) : dutch}.pdf`;
}
