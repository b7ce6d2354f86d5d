import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { ParsedFeed } from '../model/index.ts';
import type { SanitizePolicy } from '../sanitize/index.ts';
import type { ReadRequest, WireError } from './read-feed.ts';
import { fromWireError, readFeed } from './read-feed.ts';

/** Reads fetched bodies into feeds (parse, entry options, sanitize): inline, or in worker threads. */
export interface FeedReader {
  /** Rejects with the error readFeed would throw inline (same class, code and message). */
  read(request: ReadRequest): Promise<ParsedFeed>;
  /** Stops the workers; reads still running are rejected. */
  close(): Promise<void>;
}

/** A FeedReader backed by worker threads. */
export interface ParsePool extends FeedReader {
  /** Starts the workers now (they otherwise start at the first read); settles once each has loaded. */
  start(): Promise<void>;
  /** Reads done so far by the workers and by the main thread (while the workers were busy or loading). */
  readonly counts: { worker: number; inline: number };
}

/** A job as posted to a worker: the policy crosses once per worker, then only its id. */
export interface WorkerJob {
  id: number;
  request: Omit<ReadRequest, 'sanitize'>;
  /** `false` or absent when the job has no policy object (see ReadRequest.sanitize). */
  sanitize?: false;
  policyId?: number;
  policy?: SanitizePolicy;
}

/** A worker's answer to one job, or its signal that it has loaded and takes jobs. */
export type WorkerReply = { id: number; parsed: ParsedFeed } | { id: number; error: WireError } | { ready: true };

// Reads waiting for their turn on the main thread, oldest first.
const turns: Array<() => void> = [];
let turning = false;

function takeTurn(): void {
  turning = false;
  turns.shift()?.();
  if (turns.length > 0) {
    turning = true;
    setImmediate(takeTurn);
  }
}

/**
 * Resolves in a later turn of the event loop, one waiter per turn. Reading one body is a few
 * milliseconds of uninterrupted CPU; responses arrive in bursts (every request of a round left
 * together), and reading a whole burst in one go kept the event loop from sending the next
 * requests until it was done: undici writes a request on a kept-alive socket only after two
 * check phases (client-h1.js, "wait a full event loop cycle" and its idle-socket validation).
 * Reading one body per turn lets the loop send requests and take in responses in between, so
 * the network stays busy while bodies are read (bench/fetch: the cold run took ~0.3 s less).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    turns.push(resolve);
    if (!turning) {
      turning = true;
      setImmediate(takeTurn);
    }
  });
}

/** Reads in the calling thread, one body per turn of the event loop (see nextTurn). */
export const inlineReader: FeedReader = {
  read: async (request) => {
    await nextTurn();
    return readFeed(request);
  },
  close: async () => {},
};

// Two jobs per worker: one running and one already posted, so no worker idles between jobs.
const JOBS_PER_WORKER = 2;
// Workers that die before finishing a job, in a row, after which the rest is read inline.
const MAX_CRASHES = 3;

/**
 * How many parse workers a run uses: `[fetch] workers`, 0 (inline) unless set. Not on by default:
 * measured on 2 cores a worker cost more CPU than it took off the main thread (starting one is
 * ~0.5 s of CPU, and the main thread's store work is what bounds a cold run; docs/benchmarks.md).
 */
export function parseWorkerCount(setting: number | undefined): number {
  return setting ?? 0;
}

interface Pending {
  request: ReadRequest;
  resolve: (parsed: ParsedFeed) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running: Map<number, Pending>;
  sentPolicies: Set<number>;
  failure?: Error;
}

/**
 * A pool of `size` parse workers (node:worker_threads), started at the first read. Reads queue
 * here and go to a worker that has loaded; while none has (at the start, or after a crash) they
 * run inline, so the first responses do not wait for a worker to load. Bodies are transferred,
 * not copied, when they own their memory. A worker that dies fails only the reads it held (as
 * internal errors, which fail those feeds) and is replaced; after MAX_CRASHES in a row, the pool
 * reads inline.
 */
export function createParsePool(size: number, options: { resourceLimits?: ResourceLimits } = {}): ParsePool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  const policyIds = new WeakMap<SanitizePolicy, number>();
  let nextJob = 0;
  let nextPolicy = 0;
  let crashes = 0;
  let closed = false;
  const counts = { worker: 0, inline: 0 };
  // Resolved by each worker's first message, for start().
  const loaded: Promise<void>[] = [];

  const policyIdOf = (policy: SanitizePolicy): number => {
    const known = policyIds.get(policy);
    if (known !== undefined) return known;
    policyIds.set(policy, nextPolicy);
    return nextPolicy++;
  };

  const post = (slot: Slot, pending: Pending): void => {
    const id = nextJob++;
    const { sanitize, ...request } = pending.request;
    const job: WorkerJob = { id, request };
    if (sanitize === false) job.sanitize = false;
    else if (sanitize !== undefined) {
      job.policyId = policyIdOf(sanitize);
      if (!slot.sentPolicies.has(job.policyId)) {
        job.policy = sanitize;
        slot.sentPolicies.add(job.policyId);
      }
    }
    const { body } = request;
    // A view of part of a larger buffer (Node's pool) is copied; transferring would detach the rest.
    const owned = body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    slot.running.set(id, pending);
    slot.worker.postMessage(job, owned ? [body.buffer] : []);
  };

  const readInline = (pending: Pending): void => {
    counts.inline += 1;
    try {
      pending.resolve(readFeed(pending.request));
    } catch (error) {
      pending.reject(error);
    }
  };

  // While no worker has loaded yet, the main thread takes one waiting read per turn of the event
  // loop, in the check phase: the first responses do not wait ~0.5 s for a worker, and between two
  // reads it still answers the network (a burst of responses is not read in one go). Once a worker
  // is up, reads wait for it: measured, reading on both threads was no faster.
  let stealing = false;
  const steal = (): void => {
    stealing = false;
    const pending = queue.shift();
    if (pending !== undefined) readInline(pending);
    if (queue.length > 0 && !slots.some((slot) => slot.ready)) schedule();
  };
  const schedule = (): void => {
    if (stealing) return;
    stealing = true;
    setImmediate(steal);
  };

  const dispatch = (): void => {
    if (slots.length === 0 && !closed && crashes < MAX_CRASHES) spawnAll();
    for (const slot of slots) {
      while (slot.ready && slot.running.size < JOBS_PER_WORKER && queue.length > 0) post(slot, queue.shift() as Pending);
    }
    if (queue.length > 0 && !slots.some((slot) => slot.ready)) schedule();
  };

  const spawn = (): void => {
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits: options.resourceLimits });
    const slot: Slot = { worker, ready: false, running: new Map(), sentPolicies: new Set() };
    slots.push(slot);
    loaded.push(new Promise((resolve) => {
      const settle = (): void => resolve();
      worker.once('message', settle);
      worker.once('exit', settle);
    }));
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
      } else {
        const pending = slot.running.get(reply.id);
        slot.running.delete(reply.id);
        crashes = 0;
        counts.worker += 1;
        if ('error' in reply) pending?.reject(fromWireError(reply.error));
        else pending?.resolve(reply.parsed);
      }
      dispatch();
    });
    // An uncaught error (or running out of its memory limit) ends the worker; 'exit' follows.
    worker.on('error', (error) => {
      slot.failure = error;
    });
    worker.on('exit', (code) => {
      slots.splice(slots.indexOf(slot), 1);
      const why = slot.failure?.message ?? `exit code ${code}`;
      for (const pending of slot.running.values()) {
        pending.reject(new Error(`parse worker stopped while reading ${pending.request.url} (${why}); the feed is tried again next run`));
      }
      if (closed) return;
      crashes += 1;
      if (crashes < MAX_CRASHES && slots.length < size) spawn();
      dispatch();
    });
  };

  // Started at the first read, so a run that reads nothing (all 304) never loads a worker.
  const spawnAll = (): void => {
    for (let i = 0; i < size; i++) spawn();
  };
  return {
    counts,
    start: async () => {
      if (slots.length === 0) spawnAll();
      await Promise.all(loaded);
    },
    read: (request) =>
      new Promise<ParsedFeed>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
