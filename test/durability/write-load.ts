// Concurrent write load on a real write route: every request creates one location (one row plus its
// audit event, committed in one transaction) and the 201 answer carries the new row's id.
import { Agent } from 'node:http';
import { z } from 'zod';
import { type Administrator, sendJson } from './http-client';

const createdLocationSchema = z.object({ id: z.string(), name: z.string() });

/** What the load has seen so far. */
export interface WriteLoadFigures {
  /** Requests sent. */
  sent: number;
  /** Requests answered 201, with the id of the row each created. */
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
  const figures = options.figures ?? emptyWriteLoadFigures();
  const agent = new Agent({ keepAlive: true, maxSockets: options.workers });
  let isStopping = false;
  let counter = 0;
  const worker = async (workerIndex: number) => {
    while (!isStopping) {
      counter += 1;
      const name = `${options.namePrefix}-${workerIndex}-${counter}`;
      figures.sent += 1;
      figures.inFlight += 1;
      try {
        const response = await sendJson(options.baseUrl, {
          method: 'POST',
          path: `/api/schools/${options.admin.schoolId}/locations`,
          body: { name },
          as: options.admin,
          agent,
        });
        if (response.status === 201) {
          const created = createdLocationSchema.parse(response.body);
          figures.acknowledged.set(created.id, created.name);
        } else {
          figures.unexpected.push(`${response.status} ${JSON.stringify(response.body)}`);
        }
      } catch {
        figures.failed += 1;
        return;
      } finally {
        figures.inFlight -= 1;
      }
    }
  };
  const running = Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)));
  return {
    figures,
    stop: async () => {
      isStopping = true;
      await running;
      agent.destroy();
    },
  };
}
