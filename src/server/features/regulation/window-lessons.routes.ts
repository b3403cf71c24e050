import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { classParamsSchema, noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { classWindowLessonsSchema, lessonEvidenceSchema, lessonGivenBodySchema, lessonGivenParamsSchema, windowLessonParamsSchema } from './window-lessons.schemas';
import * as service from './window-lessons.service';

/** The "know your window" lessons: a class's lessons and check-in words, recording one as given, and the evidence. */
export async function windowLessonRoutes(app: App, deps: Deps): Promise<void> {
  const use = { access: 'permission', permission: 'school.regulation' } as const;
  const manage = { access: 'permission', permission: 'school.regulation.manage' } as const;
  const tags = ['regulation'];
  const ofClass = '/api/schools/:schoolId/classes/:classId/window-lessons';

  app.get(ofClass, { config: { policy: use }, schema: { tags, params: classParamsSchema, response: { 200: classWindowLessonsSchema } } }, async (request) =>
    service.getClassLessons(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );
  app.post(
    `${ofClass}/:lessonId/given`,
    { config: { policy: use }, schema: { tags, params: windowLessonParamsSchema, body: lessonGivenBodySchema, response: { 201: classWindowLessonsSchema } } },
    async (request, reply) =>
      reply.code(201).send(await service.recordLessonGiven(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.lessonId, request.body)),
  );
  app.delete(`${ofClass}/:lessonId/given/:givenId`, { config: { policy: use }, schema: { tags, params: lessonGivenParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.undoLessonGiven(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.lessonId, request.params.givenId);
    return reply.code(204).send(null);
  });

  app.get('/api/schools/:schoolId/regulation/lesson-evidence', { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, response: { 200: lessonEvidenceSchema } } }, async (request) =>
    service.getLessonEvidence(deps, request.params.schoolId),
  );
}
