// Concurrent write load on real write routes. Locations: every request creates one location (one row
// plus its audit event, committed in one transaction) and the 201 answer carries the new row's id.
// Check-ins: every request submits a pupil's check-in with a new idempotency key through the write
// queue, which answers 201 only after the batch holding it committed.
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { z } from 'zod';
import type { Db } from '../../src/server/db/database';
import { hashSecret, isoInstant, newId, newSecretToken } from '../../src/server/deps';
import { PUPIL_COOKIE } from '../../src/shared/checkin';
import { type Administrator, sendJson } from './http-client';
import { schoolYearAt } from '../../src/shared/school-time';

const createdLocationSchema = z.object({ id: z.string(), name: z.string() });

/** What the load has seen so far. */
export interface WriteLoadFigures {
  /** Requests sent. */
  sent: number;
  /** Requests answered 201: the id of the row each created (location), or its idempotency key (check-in). */
  acknowledged: Map<string, string>;
  /** Requests sent and not (yet) answered. */
  inFlight: number;
  /** Requests that failed at the connection (server gone): not acknowledged, may or may not have committed. */
  failed: number;
  /** Answers other than 201 (any is a fault: the load only sends valid requests). */
  unexpected: string[];
}

/** A running load: `stop` waits for every worker to finish its last request. */
export interface WriteLoad {
  figures: WriteLoadFigures;
  stop(): Promise<void>;
}

/** Options for a load run. */
export interface WriteLoadOptions {
  baseUrl: string;
  admin: Administrator;
  /** Parallel workers, each with one request in flight at a time. */
  workers: number;
  /** Prefix of the location names, unique per run (names are unique per school). */
  namePrefix: string;
  /** Shared across loads so `acknowledged` covers every server lifetime. */
  figures?: WriteLoadFigures;
}

/** Fresh, empty figures. */
export function emptyWriteLoadFigures(): WriteLoadFigures {
  return { sent: 0, acknowledged: new Map(), inFlight: 0, failed: 0, unexpected: [] };
}

/**
 * Starts `workers` loops that each create locations one after the other until `stop` is called or the
 * server stops answering (a worker ends at its first connection failure).
 */
export function startWriteLoad(options: WriteLoadOptions): WriteLoad {
  return runWorkers(options.workers, options.figures ?? emptyWriteLoadFigures(), async (agent, workerIndex, counter) => {
    const name = `${options.namePrefix}-${workerIndex}-${counter}`;
    const response = await sendJson(options.baseUrl, {
      method: 'POST',
      path: `/api/schools/${options.admin.schoolId}/locations`,
      body: { name },
      as: options.admin,
      agent,
    });
    if (response.status !== 201) return `${response.status} ${JSON.stringify(response.body)}`;
    const created = createdLocationSchema.parse(response.body);
    return [created.id, created.name];
  });
}

/** A pupil's own-device session as the check-in load sends it. */
export interface PupilDevice {
  pupilId: string;
  cookie: string;
  csrfToken: string;
}

/** Options for a check-in load run. */
export interface CheckinLoadOptions {
  baseUrl: string;
  /** The pupils whose check-ins are sent, in turn. */
  devices: readonly PupilDevice[];
  workers: number;
  /** Shared across loads so `acknowledged` (idempotency keys) covers every server lifetime. */
  figures?: WriteLoadFigures;
}

const receiptSchema = z.object({ received: z.literal(true), duplicate: z.literal(false) });

/**
 * Starts `workers` loops that each submit check-ins (POST /api/pupil/checkins, a new idempotency key
 * each) one after the other, until `stop` or the first connection failure.
 */
export function startCheckinLoad(options: CheckinLoadOptions): WriteLoad {
  return runWorkers(options.workers, options.figures ?? emptyWriteLoadFigures(), async (agent, _workerIndex, counter) => {
    const device = options.devices[counter % options.devices.length];
    if (!device) throw new Error('the check-in load needs at least one pupil device');
    const idempotencyKey = randomUUID();
    const response = await sendJson(options.baseUrl, {
      method: 'POST',
      path: '/api/pupil/checkins',
      body: { idempotencyKey, state: 'in_window', wantsTalk: counter % 5 === 0 },
      as: device,
      agent,
    });
    if (response.status !== 201 || !receiptSchema.safeParse(response.body).success) return `${response.status} ${JSON.stringify(response.body)}`;
    return [idempotencyKey, device.pupilId];
  });
}

/**
 * Pupils with live own-device sessions in one new class of the school, stored the way the pupil
 * sign-in stores them (only the cookie's hash), straight into the database beside the running server.
 */
export async function createPupilDevices(db: Db, schoolId: string, count: number): Promise<PupilDevice[]> {
  const now = new Date();
  const at = isoInstant(now);
  const classId = newId();
  const devices: PupilDevice[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: schoolYearAt(now), name: 'Duurzaamheidsgroep', created_at: at }).execute();
    for (let index = 0; index < count; index += 1) {
      const pupilId = newId();
      await trx
        .insertInto('pupils')
        .values({ id: pupilId, school_id: schoolId, pupil_number: `dur-${index}`, first_name: `Leerling${index}`, last_name: 'Duurzaam', birth_date: null, created_at: at, updated_at: at })
        .execute();
      await trx.insertInto('class_pupils').values({ class_id: classId, pupil_id: pupilId, created_at: at }).execute();
      const token = newSecretToken();
      const csrfToken = newSecretToken();
      await trx
        .insertInto('pupil_sessions')
        .values({ id_hash: hashSecret(token), pupil_id: pupilId, class_id: classId, csrf_token: csrfToken, created_at: at, expires_at: isoInstant(new Date(now.getTime() + 24 * 3_600_000)) })
        .execute();
      devices.push({ pupilId, cookie: `${PUPIL_COOKIE}=${token}`, csrfToken });
    }
  });
  return devices;
}

/** The idempotency keys of the check-ins stored. */
export async function storedCheckinKeys(db: Db): Promise<Set<string>> {
  const rows = await db.kysely.selectFrom('checkins').select('idempotency_key').execute();
  return new Set(rows.map((row) => row.idempotency_key));
}

// One write per call: [acknowledged id, value] on 201, or a description of any other answer.
type Attempt = (agent: Agent, workerIndex: number, counter: number) => Promise<[string, string] | string>;

// `workers` loops, each with one request in flight; a worker ends at its first connection failure.
function runWorkers(workers: number, figures: WriteLoadFigures, attempt: Attempt): WriteLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  let isStopping = false;
  let counter = 0;
  const worker = async (workerIndex: number) => {
    while (!isStopping) {
      counter += 1;
      figures.sent += 1;
      figures.inFlight += 1;
      try {
        const outcome = await attempt(agent, workerIndex, counter);
        if (typeof outcome === 'string') figures.unexpected.push(outcome);
        else figures.acknowledged.set(outcome[0], outcome[1]);
      } catch {
        figures.failed += 1;
        return;
      } finally {
        figures.inFlight -= 1;
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  return {
    figures,
    stop: async () => {
      isStopping = true;
      await running;
      agent.destroy();
    },
  };
}
