import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { StaffCaller } from '../../access/caller';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { singleLineTextSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { auditWrite } from './care.service';
import { screeningInstrumentOf } from './screening-instruments';

// The item wording of a screening list as the school's licensed form has it (issue 14). Groeiwijzer ships the lists
// without it — the publishers' licences forbid changing the questions and we do not copy them — so the care team may
// type in the wording it is licensed to use; the entry form then shows each question beside its number. Items
// without wording keep "Vraag n van het formulier".

export const screeningWordingParamsSchema = z.strictObject({ schoolId: z.uuid(), instrumentId: z.string().regex(/^[a-z0-9-]{1,60}$/) });
export const screeningWordingBodySchema = z.strictObject({
  /** Item id → its text; an item left out (or empty) has no wording of the school's. */
  items: z.record(z.string().regex(/^\d{1,2}$/), singleLineTextSchema.max(500)),
});
export const screeningWordingSchema = z.object({ instrumentId: z.string(), items: z.record(z.string(), z.string()) });
export type ScreeningWording = z.infer<typeof screeningWordingSchema>;

/** Replaces the school's wording of one screening list's items. */
export async function setScreeningWording(deps: Deps, caller: StaffCaller, schoolId: string, instrumentId: string, items: Record<string, string>): Promise<ScreeningWording> {
  const instrument = screeningInstrumentOf(instrumentId);
  if (!instrument) throw new AppError('not_found');
  const itemIds = new Set(instrument.items.map((item) => item.id));
  const fields: Record<string, string[]> = {};
  for (const item of Object.keys(items)) if (!itemIds.has(item)) fields[`body.items.${item}`] = ['not_an_item'];
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  const kept = Object.fromEntries(Object.entries(items).filter(([, text]) => text !== ''));
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_screening_wordings')
      .values({ school_id: schoolId, instrument_id: instrumentId, items: JSON.stringify(kept), updated_by: caller.userId, updated_at: now })
      .onConflict((conflict) => conflict.columns(['school_id', 'instrument_id']).doUpdateSet({ items: JSON.stringify(kept), updated_by: caller.userId, updated_at: now }))
      .execute();
    await auditWrite(trx, deps, caller, schoolId, null, 'care.screening_wording_changed', { instrumentId, items: Object.keys(kept).length });
  });
  return { instrumentId, items: kept };
}

/** `PUT /api/schools/:schoolId/care/screening-wordings/:instrumentId`: the care team. */
export async function careScreeningWordingRoutes(app: App, deps: Deps): Promise<void> {
  app.put(
    '/api/schools/:schoolId/care/screening-wordings/:instrumentId',
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: screeningWordingParamsSchema, body: screeningWordingBodySchema, response: { 200: screeningWordingSchema } },
    },
    async (request) => setScreeningWording(deps, staffCallerOf(request), request.params.schoolId, request.params.instrumentId, request.body.items),
  );
}
