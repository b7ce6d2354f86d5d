// The real-world corpus (../shared/corpus/realworld: 337 feed documents gathered by other feed
// projects' test suites, and 32 other files) as one planet: every file served on 127.0.0.1 is a
// subscription, `planet run` publishes the lot. Every feed document is read and stored; every
// other file fails alone, with the code that says what it is; nothing stops the run.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { planet } from '../cli/testdata/run-planet.ts';
import type { CliRun } from '../cli/testdata/run-planet.ts';
import { realworldDir } from './realworld-entries.ts';

const root = fileURLToPath(realworldDir);

// The files of the corpus that are not feeds, and what Planet calls each: fragments of entries,
// OPML lists, web pages (which name the feeds they advertise), plain text, JSON that is not a
// JSON Feed. Checked by hand once; a feed document that starts failing shows up here.
const notFeeds: Record<string, 'not-a-feed' | 'html-not-feed'> = {
  'feed-rs/xml/xml_sample_1.xml': 'not-a-feed',
  'feed-rs/xml/xml_sample_2.xml': 'not-a-feed',
  'feedjira/AmazonWebServicesBlogFirstEntryContent.xml': 'not-a-feed',
  'feedjira/HREFConsideredHarmfulFirstEntry.xml': 'not-a-feed',
  'feedjira/JoomlapoweredSite.xml': 'html-not-feed',
  'feedjira/PaulDixExplainsNothingFirstEntryContent.xml': 'not-a-feed',
  'feedjira/SFRubyorgHome.xml': 'html-not-feed',
  'feedjira/TechCrunchFirstEntry.xml': 'not-a-feed',
  'feedjira/TechCrunchFirstEntryDescription.xml': 'not-a-feed',
  'feedjira/TenderLovemakingFirstEntry.xml': 'not-a-feed',
  'feedjira/google-reader-subscriptions.xml': 'not-a-feed',
  'feedjira/scRUBYt.xml': 'html-not-feed',
  'feedjira/successful_feed_urls.txt': 'not-a-feed',
  'feedjira/titleunknown.xml': 'html-not-feed',
  'feedjira/top5kfeeds.dat': 'not-a-feed',
  'feedjira/trouble_feeds.txt': 'not-a-feed',
  'rsparser/DaringFireball.html': 'html-not-feed',
  'rsparser/ScriptingNews.json': 'not-a-feed',
  'rsparser/Subs.opml': 'not-a-feed',
  'rsparser/SubsNoTitleAttributes.opml': 'not-a-feed',
  'rsparser/YouTubeTheVolvoRocks.html': 'html-not-feed',
  'rsparser/allthis-partial.json': 'not-a-feed',
  'rsparser/coco.html': 'html-not-feed',
  'rsparser/furbo.html': 'html-not-feed',
  'rsparser/inessential.html': 'html-not-feed',
  'rsparser/sixcolors.html': 'html-not-feed',
  'rss-parser/input/unrecognized.rss': 'not-a-feed',
};

/** Every file of the corpus but its manifests and notices, as paths relative to it. */
function corpusFiles(dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return /\.(jsonl|md)$|^NOTICE$/.test(name) ? [] : [relative(root, path)];
  });
}

interface ReportFeed {
  url: string;
  status: string;
  error: { code: string; message: string } | null;
  newEntries: number;
}

describe('the real-world corpus as one planet', () => {
  const files = corpusFiles().sort();
  let server: Server;
  let origin: string;
  let dir: string;
  let run: CliRun;
  let feeds: ReportFeed[];

  before(async () => {
    server = createServer((req, res) => {
      // As a careless server would: no Content-Type worth the name, so Planet sniffs.
      readFile(join(root, decodeURIComponent((req.url ?? '/').slice(1)))).then(
        (body) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'planet-realworld-'));
    // The documents' own site links point at the internet, which CI cannot reach: the avatar
    // pass gets the short timeout too, and gives up on them together.
    const subscriptions = files.map((file, i) => `[[feeds]]\nurl = "${origin}/${encodeURI(file)}"\nname = "corpus ${i + 1}"\n`);
    await writeFile(
      join(dir, 'planet.toml'),
      `[planet]\nname = "Real world"\nlink = "https://realworld.example/"\n\n[fetch]\nconcurrency = 32\nper_host_connections = 32\ntimeout = 5\n\n${subscriptions.join('\n')}`,
    );
    run = await planet(['run', '-q', '-c', join(dir, 'planet.toml'), '--report', join(dir, 'report.json')]);
    feeds = (JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { feeds: ReportFeed[] }).feeds;
  });
  after(async () => {
    server?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('publishes the site', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.equal(feeds.length, files.length);
  });

  it('reads and stores every feed document, as many entries as feedparser finds in each', async () => {
    const path = (url: string): string => decodeURI(url.slice(origin.length + 1));
    const updated = feeds.filter((feed) => feed.status === 'updated');
    assert.deepEqual(updated.map((feed) => path(feed.url)).sort(), files.filter((file) => notFeeds[file] === undefined));
    // feedparser's own count for each document it reads (it reads no JSON Feed).
    const golden = (await readFile(new URL('feedparser-golden.jsonl', realworldDir), 'utf8')).trim().split('\n');
    const theirs = new Map(golden.map((line) => JSON.parse(line) as { path: string; entries: number }).map((g) => [g.path.replace(/^corpus\/realworld\//, ''), g.entries]));
    const differ = updated
      .map((feed) => ({ file: path(feed.url), ours: feed.newEntries, theirs: theirs.get(path(feed.url)) }))
      .filter((count) => count.theirs !== undefined && count.ours !== count.theirs);
    // Those feeds repeat an entry's id; the store keeps one entry per id.
    assert.deepEqual(differ, [
      { file: 'feedjira/sneer.xml', ours: 21, theirs: 22 },
      { file: 'rsparser/scriptingNews.rss', ours: 48, theirs: 50 },
      { file: 'rss-parser/input/itunes-missing-image.rss', ours: 130, theirs: 131 },
    ]);
    assert.ok(theirs.size >= 320 && updated.filter((feed) => theirs.has(path(feed.url))).length >= 320);
  });

  it('fails each file that is not a feed alone, saying what it is', () => {
    const failed = Object.fromEntries(
      feeds.filter((feed) => feed.status === 'failed').map((feed) => [decodeURI(feed.url.slice(origin.length + 1)), feed.error?.code]),
    );
    assert.deepEqual(failed, notFeeds);
  });
});
