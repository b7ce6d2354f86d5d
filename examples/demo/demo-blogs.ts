// The demo planet's blogs and posts, written down by hand. The feed files in feeds/ must agree
// with this data; server.test.ts parses every file and fails when the two drift apart.

/** One fictional blog of the demo: its URL slug, feed file, format and how the planet names it. */
export interface DemoBlog {
  slug: string;
  file: string;
  format: 'rss' | 'atom';
  /** The name the planet shows as the source (the person, as classic planets do). */
  name: string;
  /** The blog's own title, as its feed states it. */
  title: string;
}

/** One post the river must show: its blog's planet name, its title and its date in UTC. */
export interface DemoEntry {
  blog: string;
  /** Undefined for the one post whose feed gives it no title. */
  title: string | undefined;
  /** The date the feed states (published, else updated) as an ISO 8601 UTC string. */
  date: string;
}

/** Every blog of the demo, RSS first. */
export const demoBlogs: readonly DemoBlog[] = [
  { slug: 'marta', file: 'marta.xml', format: 'rss', name: 'Marta Kowalczyk', title: 'Typed All the Way Down' },
  { slug: 'priya', file: 'priya.xml', format: 'rss', name: 'Priya Raman', title: 'The Loop Invariant' },
  { slug: 'jonas', file: 'jonas.xml', format: 'rss', name: 'Jonas Feld', title: 'Bytes & Bobs' },
  { slug: 'sione', file: 'sione.xml', format: 'rss', name: 'Sione Tupou', title: 'Kettle Logs' },
  { slug: 'hannah', file: 'hannah.xml', format: 'rss', name: 'Hannah Lind', title: 'Refactor Street' },
  { slug: 'diego', file: 'diego.xml', format: 'rss', name: 'Diego Salvatierra', title: 'Packaging Pains' },
  { slug: 'mei', file: 'mei.xml', format: 'rss', name: 'Mei Tanaka', title: 'Async Afternoons' },
  { slug: 'olu', file: 'olu.xml', format: 'atom', name: 'Olu Adeyemi', title: 'Small Functions' },
  { slug: 'ingrid', file: 'ingrid.xml', format: 'atom', name: 'Ingrid Solberg', title: 'Notebook Kernel' },
  { slug: 'rafael', file: 'rafael.xml', format: 'atom', name: 'Rafael Moreno', title: 'Stack Frames' },
  { slug: 'amara', file: 'amara.xml', format: 'atom', name: 'Amara Nwosu', title: 'Quiet Tests' },
  { slug: 'lucas', file: 'lucas.xml', format: 'atom', name: 'Lucas Brandt', title: 'Tiny Interpreters' },
];

/** The feeds for a config writer: file name under /feeds/ and the name the planet shows. */
export const demoFeeds: Array<{ file: string; name: string }> = demoBlogs.map(({ file, name }) => ({
  file,
  name,
}));

/** The URL of a demo feed file on a running demo server. */
export function demoFeedUrl(origin: string, file: string): string {
  return `${origin}/feeds/${encodeURIComponent(file)}`;
}

// Converted to UTC by hand from the zoned dates in the files (e.g. Sat, 21 Nov 2026 08:00 +1300
// is 20 Nov 19:00Z), newest first, as the river must list them.
const entries: readonly DemoEntry[] = [
  { blog: 'Hannah Lind', title: 'When not to refactor', date: '2026-11-29T14:40:00.000Z' },
  { blog: 'Amara Nwosu', title: 'Property-based tests found my off-by-one', date: '2026-11-29T04:20:00.000Z' },
  { blog: 'Diego Salvatierra', title: 'Lock files for libraries? No.', date: '2026-11-29T01:10:00.000Z' },
  { blog: 'Sione Tupou', title: 'structlog or the standard library?', date: '2026-11-28T21:12:00.000Z' },
  { blog: 'Lucas Brandt', title: 'Walking an AST with match statements', date: '2026-11-28T19:00:00.000Z' },
  { blog: 'Priya Raman', title: 'bisect is underrated', date: '2026-11-28T14:25:00.000Z' },
  { blog: 'Olu Adeyemi', title: 'Default arguments are evaluated once', date: '2026-11-28T08:30:00.000Z' },
  { blog: 'Hannah Lind', title: 'Dataclasses as a refactoring waypoint', date: '2026-11-27T18:25:00.000Z' },
  { blog: 'Ingrid Solberg', title: 'Plotting without pyplot state', date: '2026-11-27T09:50:00.000Z' },
  { blog: 'Marta Kowalczyk', title: 'Narrowing with TypeIs in practice', date: '2026-11-27T06:05:00.000Z' },
  { blog: 'Rafael Moreno', title: 'Exception groups, a month in', date: '2026-11-26T23:30:00.000Z' },
  { blog: 'Jonas Feld', title: 'struct.unpack & the byte order you meant', date: '2026-11-26T08:45:00.000Z' },
  { blog: 'Mei Tanaka', title: 'Timeouts that actually cancel', date: '2026-11-26T04:45:00.000Z' },
  { blog: 'Lucas Brandt', title: 'Pratt parsing, finally explained to myself', date: '2026-11-26T04:35:00.000Z' },
  { blog: 'Hannah Lind', title: 'Renaming things in a 200k-line codebase', date: '2026-11-25T21:50:00.000Z' },
  { blog: 'Amara Nwosu', title: 'Fixtures without the magic', date: '2026-11-25T12:15:00.000Z' },
  { blog: 'Priya Raman', title: 'Why my generator pipeline was slower than a list', date: '2026-11-25T05:40:00.000Z' },
  { blog: 'Olu Adeyemi', title: 'A pure core with a thin shell', date: '2026-11-24T19:05:00.000Z' },
  { blog: 'Diego Salvatierra', title: "Editable installs and the import you didn't expect", date: '2026-11-24T15:20:00.000Z' },
  { blog: 'Marta Kowalczyk', title: 'TypedDict, total=False, and the keys you forgot', date: '2026-11-23T20:40:00.000Z' },
  { blog: 'Sione Tupou', title: undefined, date: '2026-11-23T18:30:00.000Z' },
  { blog: 'Hannah Lind', title: 'Extract function, then stop', date: '2026-11-23T15:05:00.000Z' },
  { blog: 'Rafael Moreno', title: 'sys.settrace for a tiny line profiler', date: '2026-11-23T14:55:00.000Z' },
  { blog: 'Ingrid Solberg', title: 'Restart and run all, every time', date: '2026-11-22T20:15:00.000Z' },
  { blog: 'Lucas Brandt', title: 'A tokenizer in forty lines', date: '2026-11-22T17:10:00.000Z' },
  { blog: 'Jonas Feld', title: 'Reading binary files with memoryview', date: '2026-11-22T16:20:00.000Z' },
  { blog: 'Mei Tanaka', title: 'TaskGroup replaced my gather() calls', date: '2026-11-22T06:00:00.000Z' },
  { blog: 'Olu Adeyemi', title: 'Names are the first test', date: '2026-11-21T11:20:00.000Z' },
  { blog: 'Priya Raman', title: 'Benchmarking dict lookups without lying to yourself', date: '2026-11-21T09:00:00.000Z' },
  { blog: 'Amara Nwosu', title: 'Tests that read like specifications', date: '2026-11-21T05:45:00.000Z' },
  { blog: 'Diego Salvatierra', title: 'pyproject.toml, one year later', date: '2026-11-20T20:35:00.000Z' },
  { blog: 'Rafael Moreno', title: 'Reading a traceback bottom-up', date: '2026-11-20T19:40:00.000Z' },
  { blog: 'Sione Tupou', title: 'Logging config that fits on one screen', date: '2026-11-20T19:00:00.000Z' },
  { blog: 'Marta Kowalczyk', title: 'Protocols beat ABCs for plugin hooks', date: '2026-11-20T08:15:00.000Z' },
  // Two October posts, so the demo has more than one monthly archive.
  { blog: 'Priya Raman', title: "Reading the profiler's output from the bottom", date: '2026-10-30T04:30:00.000Z' },
  { blog: 'Olu Adeyemi', title: 'Pass the clock in', date: '2026-10-27T09:00:00.000Z' },
];

/** Every post of the demo, newest first; a fresh copy the caller may change. */
export function expectedDemoEntries(): DemoEntry[] {
  return entries.map((entry) => ({ ...entry }));
}
