import type { FastifyReply } from 'fastify';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { deviceCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import { addCheckinQueueDepth } from '../../metrics';
import { checkinReceiptSchema, checkinSubmitSchema, kioskCheckinSubmitSchema } from './checkin.schemas';
import type { CheckinReceipt } from './checkin.schemas';
import { submitCheckin } from './checkin-submit.service';
import { type CheckinWriteQueue, createCheckinWriteQueue } from './checkin-write-queue';

/** Seconds a refused (overloaded) page is told to wait before it sends the same check-in again. */
export const CHECKIN_RETRY_AFTER_SECONDS = 1;

const queuesByDeps = new WeakMap<Deps, CheckinWriteQueue>();

/** The write queue the app built on these deps serves (for the bench's figures and the drain test). */
export function checkinWriteQueueOf(deps: Deps): CheckinWriteQueue | undefined {
  return queuesByDeps.get(deps);
}

/**
 * Submitting a check-in: from a pupil's own device (the pupil is the session's, never the body's) or
 * from the class kiosk (a pupil of its class). Both go through one service and one write queue, which
 * drains before the app closes.
 */
export async function checkinSubmitRoutes(app: App, deps: Deps): Promise<void> {
  const queue = createCheckinWriteQueue(deps.db, {
    limit: deps.config.checkinQueueLimit,
    batchSize: deps.config.checkinBatchSize,
    batchWaitMs: deps.config.checkinBatchWaitMs,
  });
  queuesByDeps.set(deps, queue);
  const removeQueueDepth = addCheckinQueueDepth(() => queue.pending);
  app.addHook('onClose', async () => {
    removeQueueDepth();
    await queue.close();
  });

  app.post(
    '/api/pupil/checkins',
    {
      config: { policy: { access: 'device', kind: 'pupil' } },
      schema: { tags: ['checkin'], body: checkinSubmitSchema, response: { 201: checkinReceiptSchema } },
    },
    async (request, reply) =>
      answerCreated(reply, () => submitCheckin(deps, queue, { channel: 'device', pupil: deviceCallerOf(request, 'pupil') }, request.body)),
  );

  app.post(
    '/api/kiosk/checkins',
    {
      config: { policy: { access: 'device', kind: 'kiosk' } },
      schema: { tags: ['checkin'], body: kioskCheckinSubmitSchema, response: { 201: checkinReceiptSchema } },
    },
    async (request, reply) => {
      const { pupilId, ...content } = request.body;
      return answerCreated(reply, () => submitCheckin(deps, queue, { channel: 'kiosk', kiosk: deviceCallerOf(request, 'kiosk'), pupilId }, content));
    },
  );
}

// 201 once committed; an overloaded queue answers 503 with Retry-After, so the page sends the same key again later.
async function answerCreated(reply: FastifyReply, submit: () => Promise<CheckinReceipt>) {
  try {
    return reply.code(201).send(await submit());
  } catch (error) {
    if (error instanceof AppError && error.code === 'overloaded') reply.header('retry-after', String(CHECKIN_RETRY_AFTER_SECONDS));
    throw error;
  }
}
