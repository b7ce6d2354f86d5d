// The filter and reading-list caches live in the store (migration 0007): two "machines" (two
// config directories) share one real PostgreSQL database, and the second sees what the first
// recorded. Real HTTP servers on 127.0.0.1, the real CLI (in process), the published site read back.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli.ts';
import { openStore } from '../store/index.ts';
import type { PgCluster } from '../store/testdata/pg-cluster.ts';
import { startPgCluster } from '../store/testdata/pg-cluster.ts';
import type { TaggedItem } from './testdata/tagged-server.ts';
import { startTaggedServer } from './testdata/tagged-server.ts';

const posts: TaggedItem[] = [
  { title: 'Python packaging in 2026', tags: ['python'] },
  { title: 'My sourdough', tags: ['baking'] },
];

describe('filter and reading-list caches in a shared PostgreSQL store', () => {
  let cluster: PgCluster;
  let feeds: Awaited<ReturnType<typeof startTaggedServer>>;
  let listOrigin: string;
  let closeList: () => Promise<void>;
  let listStatus = 200;
  let listRequests = 0;
  let database: string;
  let root: string;

  before(async () => {
    [cluster, feeds] = await Promise.all([startPgCluster(), startTaggedServer()]);
    feeds.feeds.set('/mixed.xml', posts);
    feeds.feeds.set('/listed.xml', [{ title: 'Post from the list', tags: [] }]);
    const server = createServer((req, res) => {
      listRequests++;
      if (req.url !== '/team.opml' || listStatus !== 200) return res.writeHead(req.url === '/team.opml' ? listStatus : 404).end();
      res.writeHead(200, { 'content-type': 'text/x-opml', etag: '"t1"' }).end(
        `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Listed" xmlUrl="${feeds.origin}/listed.xml"/></body></opml>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    listOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeList = () => new Promise((resolve) => server.close(() => resolve()));
    database = await cluster.createDatabase();
    root = await mkdtemp(join(tmpdir(), 'planet-caches-'));
  });
  after(async () => {
    await Promise.all([cluster?.stop(), feeds?.close(), closeList?.()]);
    await rm(root, { recursive: true, force: true });
  });

  /** Runs `planet <command>` on machine `machine`'s config (its own directory, the shared database). */
  const cli = async (machine: string, command: 'run' | 'build', toml: string): Promise<{ code: number; out: string; html: string }> => {
    const dir = join(root, machine);
    await mkdir(dir, { recursive: true });
    const config = join(dir, 'planet.toml');
    await writeFile(config, `[planet]\nname = "Shared"\nlink = "https://planet.test/"\ndatabase = "${database}"\n\n${toml}`);
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const code = await runCli([command, '-c', config, ...(command === 'run' ? ['--force'] : [])], io);
    return { code, out: lines.join('\n'), html: await readFile(join(dir, 'output', 'index.html'), 'utf8') };
  };
  const list = (): string => `[[reading_lists]]\nurl = "${listOrigin}/team.opml"\n\n`;
  const mixed = (filter: string): string => `[[feeds]]\nurl = "${feeds.origin}/mixed.xml"\nname = "Mixed"\n${filter}`;
  const shown = (html: string): string[] => [...posts.map((p) => p.title), 'Post from the list'].filter((title) => html.includes(`>${title}</a>`));

  it('a second machine builds from the first one\'s list copy and filtered ids, and writes no side files', async () => {
    assert.deepEqual(shown((await cli('a', 'run', list() + mixed(''))).html), ['Python packaging in 2026', 'My sourdough', 'Post from the list']);
    const filtered = await cli('a', 'run', list() + mixed('include_tags = ["python"]\n'));
    assert.equal(filtered.code, 0, filtered.out);
    assert.deepEqual(shown(filtered.html), ['Python packaging in 2026', 'Post from the list']);

    listRequests = 0;
    const built = await cli('b', 'build', list() + mixed('include_tags = ["python"]\n'));
    assert.equal(built.code, 0, built.out);
    assert.equal(listRequests, 0, 'planet build never fetches a list');
    assert.deepEqual(shown(built.html), ['Python packaging in 2026', 'Post from the list'], 'the list copy and the filtered ids come from the store');
    for (const machine of ['a', 'b']) assert.deepEqual((await readdir(join(root, machine))).sort(), ['output', 'planet.toml'], `${machine}: no cache files beside the config`);
  });

  it('a list failing on the second machine keeps the copy the first one read', async () => {
    listStatus = 500;
    const run = await cli('b', 'run', list() + mixed('include_tags = ["python"]\n'));
    assert.equal(run.code, 0, 'a failing list is never fatal');
    assert.match(run.out, /team\.opml: .*HTTP 500.*; using the copy read \S+ \(1 feed/);
    assert.deepEqual(shown(run.html), ['Python packaging in 2026', 'Post from the list']);
    listStatus = 200;
  });

  it('a feed gone from the config has its filtered ids forgotten', async () => {
    const store = await openStore(database);
    try {
      const mixedId = (await store.listFeeds()).find((feed) => feed.url === `${feeds.origin}/mixed.xml`)?.id;
      assert.deepEqual((await store.listFilteredIds()).map((record) => [record.feedId, record.ids]), [[mixedId, ['http://blog.example/my-sourdough']]]);
      assert.equal((await cli('a', 'run', list())).code, 0);
      assert.deepEqual(await store.listFilteredIds(), []);
      assert.deepEqual((await store.listReadingLists()).map((copy) => [copy.url, copy.format, copy.validators]), [[`${listOrigin}/team.opml`, 'opml', { etag: '"t1"' }]]);
    } finally {
      await store.close();
    }
  });
});
