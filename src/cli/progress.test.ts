import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { FeedReport } from '../pipeline/index.ts';
import { createProgress } from './progress.ts';

const report = (name: string, status: FeedReport['status']): FeedReport => ({
  feedId: 1,
  url: `http://x.example/${name}`,
  name,
  status,
  newEntries: 0,
  updatedEntries: 0,
  warnings: [],
  ms: 5,
  redirects: [],
  bytes: 0,
  ...(status === 'failed' ? { error: { code: 'timeout', message: `fetch: ${name} timed out` } } : {}),
});

/** A stream that keeps what is written, posing as a terminal or not. */
function sink(isTTY: boolean): Writable & { text: () => string; isTTY: boolean; columns: number } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns: 100, text: () => chunks.join('') });
}

describe('createProgress', () => {
  it('prints one plain line per feed when not on a terminal, failures to stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const progress = createProgress(2, { out: (l) => out.push(l), err: (l) => err.push(l) }, { quiet: false, stream: sink(false) as unknown as NodeJS.WriteStream, env: {} });
    progress.feed(report('a', 'updated'));
    progress.feed(report('b', 'failed'));
    progress.stop();
    assert.equal(out.length, 1);
    assert.match(out[0] ?? '', /^updated +a </);
    assert.match(err[0] ?? '', /^failed +b .*timed out \[timeout\]/);
  });

  it('draws a bar on a terminal, and still lists failures above it', () => {
    const out: string[] = [];
    const stream = sink(true);
    const progress = createProgress(2, { out: (l) => out.push(l), err: (l) => out.push(l) }, { quiet: false, stream: stream as unknown as NodeJS.WriteStream, env: {} });
    progress.feed(report('a', 'updated'));
    progress.feed(report('b', 'failed'));
    progress.stop();
    assert.deepEqual(out, [], 'nothing goes through the plain lines');
    assert.match(stream.text(), /failed +b .*\[timeout\]/);
    assert.match(stream.text(), /fetching .* [12]\/2 feeds \| 1 failed/);
  });

  it('prints plain lines under CI even on a terminal', () => {
    const out: string[] = [];
    const progress = createProgress(1, { out: (l) => out.push(l), err: (l) => out.push(l) }, { quiet: false, stream: sink(true) as unknown as NodeJS.WriteStream, env: { CI: 'true' } });
    progress.feed(report('a', 'not-modified'));
    assert.match(out[0] ?? '', /^not-modified a/);
  });
});
