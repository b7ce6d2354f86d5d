// Real feed readers the output feeds must satisfy: our own parser, Python feedparser (the
// reader planets have always been checked against) and sfeed. The external ones run only when
// installed; .ci/run installs them, so CI always runs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseFeed } from '../../parse/index.ts';

/** What a reader made of a feed: format, problems and the entries' titles and links. */
export interface ReadBack {
  problems: string[];
  titles: string[];
  links: string[];
}

/** Our parser: warnings are problems. */
export function readWithPlanet(xml: string, url: string): ReadBack {
  const feed = parseFeed(xml, { url });
  return { problems: feed.warnings, titles: feed.entries.map((e) => e.title ?? ''), links: feed.entries.map((e) => e.link ?? '') };
}

/** Debian's feedparser lives only under the system Python. */
export const python = '/usr/bin/python3';

/** Why feedparser cannot run here, or undefined when it can. */
export function feedparserMissing(): string | undefined {
  if (!existsSync(python)) return `${python} is not installed`;
  const probe = spawnSync(python, ['-c', 'import feedparser'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : `${python} cannot import feedparser (apt-get install python3-feedparser)`;
}

const feedparserScript = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": int(d.bozo),
  "exception": str(d.get("bozo_exception", "")),
  "version": d.version,
  "titles": [e.get("title", "") for e in d.entries],
  "links": [e.get("link", "") for e in d.entries],
}))
`;

/** Python feedparser: bozo = 1 and an unknown version are problems. */
export function readWithFeedparser(xml: string): ReadBack & { version: string } {
  const run = spawnSync(python, ['-c', feedparserScript], { input: xml, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { bozo: number; exception: string; version: string; titles: string[]; links: string[] };
  const problems = out.bozo === 0 ? [] : [`bozo: ${out.exception}`];
  if (out.version === '') problems.push('feedparser did not recognise the format');
  return { problems, titles: out.titles, links: out.links, version: out.version };
}

/** Why sfeed cannot run here, or undefined when it can. */
export function sfeedMissing(): string | undefined {
  return spawnSync('sfeed', [], { input: '' }).error === undefined ? undefined : 'sfeed is not installed (apt-get install sfeed)';
}

/** sfeed: one TSV line per item (https://codemadness.org/sfeed.html: timestamp, title, link, ...). */
export function readWithSfeed(xml: string): ReadBack {
  const run = spawnSync('sfeed', [], { input: xml, encoding: 'utf8' });
  if (run.status !== 0) return { problems: [`sfeed exited ${run.status}: ${run.stderr}`], titles: [], links: [] };
  const rows = run.stdout.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
  // sfeed turns tabs and newlines in fields into spaces and escapes; titles stay comparable.
  return { problems: [], titles: rows.map((r) => r[1] ?? ''), links: rows.map((r) => r[2] ?? '') };
}
