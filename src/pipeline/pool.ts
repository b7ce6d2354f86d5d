/**
 * Runs `task` over `items` with at most `limit` running at once; results keep the
 * input order. Tasks are expected to catch their own per-item failures (see
 * refreshFeed): a task that still throws is a failure of the whole run, so no new
 * task starts and the first error is rethrown once the running ones have settled.
 * Hand-written because it is a dozen lines and the semantics above matter more than
 * a package's defaults.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

/**
 * mapLimited for tasks whose slot is needed only for their first part: a task calls `release()`
 * when that part is done (a feed's body is in hand) and the next task starts while it finishes
 * (parse, sanitize, store). At most 2 x `limit` tasks run at once (at most `limit` before their
 * release), so bodies waiting to be read stay bounded. Same failure semantics as mapLimited.
 */
export async function mapReleasing<T, R>(items: readonly T[], limit: number, task: (item: T, release: () => void) => Promise<R>): Promise<R[]> {
  const results = new Array<Promise<R>>(items.length);
  const finishing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  // A task that failed stops the run as in mapLimited: no new task starts.
  const stopIfFailed = (): void => {
    if (failure !== undefined) throw failure.error;
  };
  await mapLimited([...items.keys()], limit, async (index) => {
    // Checked and joined without a turn between, so no two tasks pass one free place.
    while (finishing.size >= 2 * limit) await Promise.race(finishing);
    stopIfFailed();
    let release = (): void => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const result = task(items[index] as T, release);
    results[index] = result;
    const settled: Promise<void> = result.then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
      },
    ).finally(() => finishing.delete(settled));
    finishing.add(settled);
    await Promise.race([released, settled]);
    stopIfFailed();
  });
  return Promise.all(results);
}
