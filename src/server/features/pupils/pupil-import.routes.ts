import { MAX_IMPORT_BODY_BYTES } from '../../../shared/limits';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../../http/common.schemas';
import { compareImport, getStagedImport, importBatch, stageImport } from './pupil-import.service';
import {
  importBatchBodySchema,
  importComparisonQuerySchema,
  importComparisonSchema,
  importBatchResponseSchema,
  stagedImportParamsSchema,
  stagedImportSchema,
  stageImportBodySchema,
} from './pupils.schemas';

const importPolicy = { policy: { access: 'permission', permission: 'school.pupils.import' } } as const;

/** Registers the upload: reads and checks a CSV file once and keeps its valid rows as a staged import (the only import route that carries the file). */
export function stageImportRoute(app: App, deps: Deps): void {
  app.post(
    '/api/schools/:schoolId/pupil-imports',
    {
      // The CSV file travels in the body: the one place with a larger limit than the default.
      bodyLimit: MAX_IMPORT_BODY_BYTES,
      config: importPolicy,
      schema: { tags: ['pupils'], params: schoolParamsSchema, body: stageImportBodySchema, response: { 200: stagedImportSchema, 201: stagedImportSchema } },
    },
    async (request, reply) => {
      const staged = await stageImport(
        deps,
        { actorUserId: staffCallerOf(request).userId, schoolId: request.params.schoolId, boardId: staffCallerOf(request).schoolBoardId },
        request.body,
      );
      return reply.code(staged.id ? 201 : 200).send(staged);
    },
  );
}

/** Registers reading a staged import again: its counts, sample and complete error report. */
export function stagedImportRoute(app: App, deps: Deps): void {
  app.get(
    '/api/schools/:schoolId/pupil-imports/:importId',
    { config: importPolicy, schema: { tags: ['pupils'], params: stagedImportParamsSchema, response: { 200: stagedImportSchema } } },
    async (request) => getStagedImport(deps, request.params.schoolId, request.params.importId),
  );
}

/** Registers comparing a staged import with the school in a school year: unknown classes, pupils not in the file. */
export function importComparisonRoute(app: App, deps: Deps): void {
  app.get(
    '/api/schools/:schoolId/pupil-imports/:importId/comparison',
    {
      config: importPolicy,
      schema: { tags: ['pupils'], params: stagedImportParamsSchema, querystring: importComparisonQuerySchema, response: { 200: importComparisonSchema } },
    },
    async (request) =>
      compareImport(
        deps,
        { actorUserId: staffCallerOf(request).userId, schoolId: request.params.schoolId, boardId: staffCallerOf(request).schoolBoardId },
        request.params.importId,
        request.query,
      ),
  );
}

/** Registers the import itself: one batch of a staged import's valid rows per call, the client loops until done. */
export function importBatchRoute(app: App, deps: Deps): void {
  app.post(
    '/api/schools/:schoolId/pupil-imports/:importId/batches',
    {
      config: importPolicy,
      schema: { tags: ['pupils'], params: stagedImportParamsSchema, body: importBatchBodySchema, response: { 200: importBatchResponseSchema } },
    },
    async (request) =>
      importBatch(
        deps,
        { actorUserId: staffCallerOf(request).userId, schoolId: request.params.schoolId, boardId: staffCallerOf(request).schoolBoardId },
        request.params.importId,
        request.body,
      ),
  );
}
