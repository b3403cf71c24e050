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
  const schoolSchema = { tags: ['privacy'], params: schoolParamsSchema, querystring: spreadsheetQuerySchema };

  // The same three documents for a school (its admin) and for a board (its admin): only whose register differs.
  const scopes = [
    { prefix: '/api/schools/:schoolId', permission: 'school.privacy.register', params: schoolParamsSchema, registerOf: (id: string, language: Language) => schoolRegister(deps, id, language) },
    { prefix: '/api/boards/:boardId', permission: 'board.privacy.register', params: boardParamsSchema, registerOf: (id: string, language: Language) => boardRegister(deps, id, language) },
  ] as const;
  for (const { prefix, permission, params, registerOf } of scopes) {
    const config = { policy: { access: 'permission', permission } } as const;
    const schema = { tags: ['privacy'], params, querystring: spreadsheetQuerySchema };
    // The parameters hold the school's id or the board's, by the scope's path.
    const idOf = (values: unknown) => {
      const ids = values as { schoolId?: string; boardId?: string };
      return ids.schoolId ?? ids.boardId ?? '';
    };

    app.get(`${prefix}/privacy-register`, { config, schema: { ...schema, response: { 200: processingRegisterSchema } } }, async (request) =>
      registerOf(idOf(request.params), request.query.lang ?? staffCallerOf(request).locale),
    );

    app.get(`${prefix}/privacy-register.pdf`, { config, schema }, async (request, reply) => {
      const language = request.query.lang ?? staffCallerOf(request).locale;
      const register = await registerOf(idOf(request.params), language);
      return sendExportFile(reply, { body: await renderRegisterPdf(register, language), contentType: 'application/pdf', fileName: fileNameOf('verwerkingsregister', language) });
    });

    app.get(`${prefix}/dpia-pack.pdf`, { config, schema }, async (request, reply) => {
      const language = request.query.lang ?? staffCallerOf(request).locale;
      const register = await registerOf(idOf(request.params), language);
      return sendExportFile(reply, { body: await renderDpiaPdf(dpiaPackOf(deps, register, language), language), contentType: 'application/pdf', fileName: fileNameOf('dpia-invoer', language) });
    });
  }

  // Retention per category in one place: each term, what it would delete today, and when its job runs.
  app.get('/api/schools/:schoolId/retention-overview', { config: schoolPolicy, schema: { ...schoolSchema, response: { 200: retentionOverviewSchema } } }, async (request) =>
    retentionOverviewOf(deps, request.params.schoolId, request.query.lang ?? staffCallerOf(request).locale),
  );
}

/** The languages the documents are written in. */
type Language = 'nl' | 'en';

const ENGLISH_FILE_NAMES: Record<string, string> = { verwerkingsregister: 'processing-register', 'dpia-invoer': 'dpia-input' };

function fileNameOf(dutch: string, language: Language): string {
  return `${language === 'en' ? (ENGLISH_FILE_NAMES[dutch] ?? dutch) : dutch}.pdf`;
}
