import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createHttpClient } from '../fetch/index.ts';
import type { ParsedFeed } from '../model/index.ts';
import { ParseError, PlanetError } from '../model/index.ts';
import type { FpResult, ParseOptions } from '../parse/index.ts';
import { addResponseHeaders, feedparserResultOfError, parseFeed, toFeedparserResult } from '../parse/index.ts';
import type { CommandSpec } from './commands.ts';
import type { Io } from './output.ts';

/** One line of `planet parse --batch` input. */
interface BatchInput {
  id: unknown;
  file: string;
  url?: string;
  headers?: Record<string, string>;
}

/** Parse options from a document's URL and its response headers (names in any case). */
function optionsOf(url: string, headers: Record<string, string> | undefined): ParseOptions {
  const options: ParseOptions = { url };
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (key === 'content-type') options.contentType = value;
    else if (key === 'content-location') options.contentLocation = value;
    else if (key === 'content-language') options.contentLanguage = value;
  }
  return options;
}

/** A document in feedparser's result model; a ParseError is a verdict (bozo), not a failure. */
function feedparserShaped(body: Uint8Array, options: ParseOptions): FpResult {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(body, options);
  } catch (error) {
    if (error instanceof ParseError) return feedparserResultOfError(error);
    throw error;
  }
  return toFeedparserResult(feed);
}

async function batchLine(line: string): Promise<Record<string, unknown>> {
  let input: BatchInput;
  try {
    input = JSON.parse(line) as BatchInput;
  } catch (error) {
    return { id: null, error: `parse --batch: input line is not JSON (${(error as Error).message}); write one {"id", "file"} object per line` };
  }
  if (typeof input !== 'object' || input === null || typeof input.file !== 'string') {
    return { id: (input as { id?: unknown } | null)?.id ?? null, error: 'parse --batch: input line needs a "file" string' };
  }
  try {
    const body = await readFile(input.file);
    return { id: input.id, result: addResponseHeaders(feedparserShaped(body, optionsOf(input.url ?? '', input.headers)), input.headers ?? {}) };
  } catch (error) {
    // One bad document is reported on its own line; the batch goes on.
    return { id: input.id, error: error instanceof Error ? error.message : String(error) };
  }
}

async function runBatch(io: Io): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    // U+2028/2029 are legal in JSON strings but end lines for some readers; escaped, each result stays one line.
    io.out(JSON.stringify(await batchLine(line)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
  }
  return 0;
}

async function readDocument(source: string): Promise<{ body: Uint8Array; options: ParseOptions }> {
  if (!/^https?:\/\//i.test(source)) return { body: await readFile(source), options: { url: '' } };
  const client = createHttpClient({ concurrency: 1, perHostConnections: 1, timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, userAgent: 'Planet (planet parse)' });
  try {
    const result = await client.fetchFeed({ url: source, validators: {} });
    if (result.kind !== 'ok') throw new PlanetError('cli', 'usage', `parse: ${source} answered 304 without a body`);
    const options: ParseOptions = { url: result.url };
    if (result.contentType !== undefined) options.contentType = result.contentType;
    return { body: result.body, options };
  } finally {
    await client.close();
  }
}

/** `planet parse`: one document (a file or a URL), or a JSONL batch for the conformance suite. */
export const parseCommand: CommandSpec = {
  name: 'parse',
  args: '[source]',
  summary: 'parse one feed (file or URL) and print what Planet reads in it',
  options: [
    { flags: '--json', description: 'print the result as JSON in feedparser\'s result model' },
    { flags: '--batch', description: 'read JSONL {id, file, url?, headers?} on stdin, write one {id, result} or {id, error} line each' },
  ],
  run: async (options, args, io) => {
    if (options.batch === true) return runBatch(io);
    const source = args[0];
    if (source === undefined) throw new PlanetError('cli', 'usage', 'parse: name a feed file or URL, or pass --batch');
    const { body, options: parseOptions } = await readDocument(source);
    if (options.json === true) {
      io.out(JSON.stringify(feedparserShaped(body, parseOptions), null, 2));
      return 0;
    }
    const feed = parseFeed(body, { ...parseOptions, url: parseOptions.url || source });
    io.out(`${feed.version ?? feed.format} ${feed.encoding ?? ''}: ${feed.title ?? '(no title)'} <${feed.link ?? ''}>, ${feed.entries.length} entries`);
    for (const entry of feed.entries) io.out(`  ${entry.published?.toISOString() ?? '-'}  ${entry.title ?? '(no title)'}  <${entry.link ?? entry.id}>`);
    for (const warning of feed.warnings) io.err(`warning: ${warning}`);
    return 0;
  },
};
