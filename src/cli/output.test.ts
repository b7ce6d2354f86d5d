import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UpdateReport } from '../pipeline/index.ts';
import { lifecycleLines } from './output.ts';
import { toRunReport } from './report.ts';

const quiet: UpdateReport = {
  feeds: [],
  totals: { updated: 0, notModified: 0, failed: 0, skippedBackoff: 0, gone: 0, newEntries: 0, updatedEntries: 0, filtered: 0 },
  duplicates: [],
  expunged: 0,
  avatarsUnreached: 0,
  ms: 0,
};

describe('lifecycleLines', () => {
  it('says nothing after a quiet update', () => {
    assert.deepEqual(lifecycleLines(quiet), []);
  });

  it('says how many avatar checks the time limit cut short, and that they come again', () => {
    assert.deepEqual(lifecycleLines({ ...quiet, avatarsUnreached: 3 }), [
      "avatars: 3 feeds not checked within the avatar pass's time limit (one [fetch] timeout); their pictures are checked on the next run",
    ]);
    assert.match(lifecycleLines({ ...quiet, avatarsUnreached: 1 })[0] ?? '', /^avatars: 1 feed not checked/);
  });
});

describe('toRunReport', () => {
  it('counts the avatar checks the time limit cut short among its totals', () => {
    const report = toRunReport({ ...quiet, avatarsUnreached: 4 }, new Date('2026-11-30T12:00:00Z'));
    assert.equal(report.totals.avatarsUnreached, 4);
    assert.equal(report.generatedAt, '2026-11-30T12:00:00.000Z');
  });
});
