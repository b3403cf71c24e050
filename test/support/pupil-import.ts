import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/http/fastify-types';
import { type Login, requestAs } from './test-app';

/**
 * Imports a small CSV file through the API as the wizard does: one upload, then one batch of up to
 * 1000 rows. Every class the file names is answered with "create it" (a class the school year already
 * has stays as it is); the upload's sample holds every row of a file of at most 20 rows. Answers the
 * batch's response, or the upload's when the upload was refused.
 */
export async function importPupilFile(
  app: App,
  as: Login,
  schoolId: string,
  body: { csv: string; mapping: Record<string, unknown>; schoolYear?: string },
): Promise<LightMyRequestResponse> {
  const upload = await requestAs(app, as, 'POST', `/api/schools/${schoolId}/pupil-imports`, { csv: body.csv, mapping: body.mapping });
  if (upload.statusCode !== 201) return upload;
  const staged = upload.json() as { id: string; sample: { className: string | null }[] };
  const classNames = new Set(staged.sample.map((row) => row.className).filter((name) => name !== null));
  const batch = {
    limit: 1000,
    classChoices: [...classNames].map((name) => ({ name, action: 'create' })),
    ...(body.schoolYear ? { schoolYear: body.schoolYear } : {}),
  };
  return requestAs(app, as, 'POST', `/api/schools/${schoolId}/pupil-imports/${staged.id}/batches`, batch);
}
