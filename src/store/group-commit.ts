import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { RawSql } from './raw.ts';
import type { Database } from './schema.ts';

// Units of work one transaction takes at most: bounds how long a commit keeps the write lock
// (a save takes about a millisecond) and how much one failed commit takes with it.
const BATCH_LIMIT = 32;

// How long a batch waits for more units before its transaction starts. Every unit in it waits
// for the commit, so the wait is short: in practice the saves of the responses that arrive
// together (gathering for as long as saves kept coming was no faster in bench/fetch).
const GATHER_MS = 4;

/** One unit of work sharing a transaction. */
export type Unit<T> = (trx: Transaction<Database>) => Promise<T>;

interface Job {
  work: Unit<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: units of work queued while a transaction runs go into the next transaction
 * together, each in its own savepoint, so one unit's failure undoes that unit alone, as its own
 * transaction did. A unit settles only once its transaction has committed, so whatever it
 * reports is durable. During `planet update` a commit of its own (WAL frames, checkpoints) was
 * a large part of saving one feed (bench/fetch); with many feeds arriving at once they now share.
 * `begin` runs first in every transaction (PostgreSQL's entry-save lock).
 */
export function createGroupCommit(
  db: Kysely<Database>,
  begin?: (trx: Transaction<Database>) => Promise<void>,
  raw?: RawSql,
): <T>(work: Unit<T>) => Promise<T> {
  // Savepoints are three statements per unit: on the raw path when the store has one (raw.ts).
  const statement = raw === undefined ? (trx: Transaction<Database>, text: string) => sql.raw(text).execute(trx) : (trx: Transaction<Database>, text: string) => raw(trx, text, []);
  const queue: Job[] = [];
  let running = false;

  async function runBatch(): Promise<void> {
    let batch: Job[] = [];
    const outcomes: Outcome[] = [];
    // Wait a moment before the transaction: saves of responses arriving meanwhile join this
    // commit. A timer, not a loop of setImmediate: the event loop sleeps in its poll phase
    // until then, where a loop of immediates kept it spinning (CPU the machine's other threads
    // need: on two cores that spinning cost the update more than it saved).
    if (queue.length < BATCH_LIMIT) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    try {
      await db.transaction().execute(async (trx) => {
        await begin?.(trx);
        while (batch.length < BATCH_LIMIT) {
          const job = queue.shift();
          if (job === undefined) break;
          batch.push(job);
          // The first unit needs no savepoint: if it fails, the transaction holds nothing else
          // and is rolled back whole (the catch below fails this unit alone).
          outcomes.push(batch.length === 1 ? { ok: true, value: await job.work(trx) } : await inSavepoint(trx, job.work, statement));
        }
      });
    } catch (error) {
      // Nothing of this batch was committed: every unit fails, with its own error if it had one.
      // A transaction that could not even begin fails the units waiting for it, not forever.
      if (batch.length === 0) batch = queue.splice(0, BATCH_LIMIT);
      batch.forEach((job, i) => {
        const outcome = outcomes[i];
        job.reject(outcome?.ok === false ? outcome.error : error);
      });
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runBatch();
    } finally {
      running = false;
    }
  }

  return <T>(work: Unit<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (running) return;
      running = true;
      void drain();
    });
}

/** Runs one unit in a savepoint, rolled back if the unit throws; the unit's error is its outcome. */
async function inSavepoint(
  trx: Transaction<Database>,
  work: Unit<unknown>,
  statement: (trx: Transaction<Database>, text: string) => Promise<unknown>,
): Promise<Outcome> {
  await statement(trx, 'savepoint planet_unit');
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: await work(trx) };
  } catch (error) {
    // If even this fails (the engine already ended the transaction), the whole batch fails.
    await statement(trx, 'rollback to savepoint planet_unit');
    outcome = { ok: false, error };
  }
  await statement(trx, 'release savepoint planet_unit');
  return outcome;
}
