/** Gives back a slot taken with `acquire`; calling it twice gives back one slot. */
export type Release = () => void;

/** Thrown by `acquire` for a host that timed out earlier in the run. */
export class HostTrippedError extends Error {
  readonly host: string;
  /** The URL whose fetch timed out. */
  readonly firstUrl: string;

  constructor(host: string, firstUrl: string) {
    super(`${host} timed out earlier in this run (${firstUrl})`);
    this.host = host;
    this.firstUrl = firstUrl;
  }
}

interface Waiter {
  grant: (release: Release) => void;
  fail: (error: unknown) => void;
}

interface HostState {
  active: number;
  waiting: Waiter[];
  trippedBy?: string;
}

/**
 * Request slots per host name for one run, counted by host rather than origin (two ports of
 * one machine are one server to be polite to; 127.0.0.2 and 127.0.0.3 are two).
 *
 * It is also a breaker: once a fetch from a host runs into a time limit, that host's waiting and
 * later fetches fail at once. A hanging server with many feeds would otherwise hold the run for
 * (its feeds / limit) deadlines instead of one.
 */
export class HostLimiter {
  readonly #limit: number;
  readonly #hosts = new Map<string, HostState>();

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** Waits for a slot on `host`; rejects when the host trips or `signal` aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<Release> {
    const state = this.#state(host);
    if (state.trippedBy !== undefined) return Promise.reject(new HostTrippedError(host, state.trippedBy));
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (state.active < this.#limit) {
      state.active += 1;
      return Promise.resolve(this.#releaser(state));
    }
    return new Promise<Release>((resolve, reject) => {
      const onAbort = (): void => {
        state.waiting = state.waiting.filter((w) => w !== waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiting.push(waiter);
    });
  }

  /** Marks `host` as timing out (on `url`): its waiting fetches and any later ones fail. */
  trip(host: string, url: string): void {
    const state = this.#state(host);
    state.trippedBy ??= url;
    for (const waiter of state.waiting.splice(0)) waiter.fail(new HostTrippedError(host, state.trippedBy));
  }

  /** Slots in use per host right now, for tests and the bench. */
  activeCounts(): Map<string, number> {
    return new Map([...this.#hosts].map(([host, state]) => [host, state.active]));
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (state === undefined) {
      state = { active: 0, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #releaser(state: HostState): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      // The slot passes straight to the next waiter, so `active` does not change.
      if (next !== undefined) next.grant(this.#releaser(state));
      else state.active -= 1;
    };
  }
}

/**
 * `items` reordered round-robin by host (first of each host, then second of each ...), so a pool
 * working down the list keeps many hosts busy instead of queueing on one host's limit.
 */
export function interleaveByHost<T>(items: readonly T[], urlOf: (item: T) => string): T[] {
  const byHost = new Map<string, T[]>();
  for (const item of items) {
    const host = URL.canParse(urlOf(item)) ? new URL(urlOf(item)).hostname : '';
    const list = byHost.get(host) ?? [];
    list.push(item);
    byHost.set(host, list);
  }
  const queues = [...byHost.values()];
  const out: T[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round] as T);
  }
  return out;
}
