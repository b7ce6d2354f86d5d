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
