import { setMaxListeners } from 'node:events';
import { avatarCandidates, avatarMaxBytes, avatarPath, avatarProblem, candidatesKey, initialsSvg, siteIconUrls, sniffImage } from '../avatar/index.ts';
import type { AvatarCandidate } from '../avatar/index.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHttpClient } from '../fetch/index.ts';
import type { HttpClient } from '../fetch/index.ts';
import { FetchError, toErrorRecord } from '../model/index.ts';
import type { FeedConfig, FeedRecord, PlanetConfig } from '../model/index.ts';
import type { AvatarRecord, Store } from '../store/index.ts';
import { mapReleasing } from './pool.ts';

/** How long a chosen avatar is trusted before its candidates are tried again (conditionally). */
export const avatarRecheckMs = 7 * 24 * 60 * 60 * 1000;

/** Largest home page read to find a site's icons: the <head> is near the start of any page. */
const pageMaxBytes = 2 * 1024 * 1024;

/** What refreshAvatars did for one feed. */
export interface AvatarReport {
  feedId: number;
  /**
   * fresh: checked within the week; fetched / not-modified: an image from `sourceUrl`; kept:
   * every candidate failed, the previous image stays; initials: none gave an image; unreached:
   * the pass's time ran out before this feed's check ended (nothing recorded: tried next run).
   */
  status: 'fresh' | 'fetched' | 'not-modified' | 'kept' | 'initials' | 'unreached';
  sourceUrl?: string;
  /** Each candidate that failed, and why. */
  problems: string[];
}

/** Options of refreshAvatars. */
export interface AvatarOptions {
  now: Date;
  /** Images the feed documents named in this run, by feed id (absent: the feed was not parsed this run). */
  feedImages?: ReadonlyMap<number, string | undefined>;
  /** Try the candidates again even when the avatar was checked within the week. */
  force?: boolean;
  /** Once aborted, no further feed is started. */
  signal?: AbortSignal;
}

/**
 * Chooses, fetches and caches each feed's avatar: the config's `avatar`, the INI `face`, the
 * feed's own image, the site's touch icon / icon / favicon.ico, in that order (see the avatar
 * stage). Checked at most weekly, with conditional GET. Never throws for one feed's trouble:
 * an avatar is decoration, so its failures end up in the report and the store, not the run.
 * For the same reason it gets one fetch timeout of the run's time: feeds not reached by then
 * (a first run of a large planet, slow sites) keep what they had and are tried next run.
 */
export async function refreshAvatars(config: PlanetConfig, store: Store, feeds: readonly FeedRecord[], options: AvatarOptions): Promise<AvatarReport[]> {
  const configs = new Map(config.feeds.map((feed) => [feed.url, feed]));
  const stored = new Map((await store.listAvatars()).map((record) => [record.feedId, record]));
  // Read again: this run's fetches may have just learned a feed's site link.
  const current = new Map((await store.listFeeds()).map((feed) => [feed.id, feed]));
  // The time limit is a hard one: fetches still running when it ends are stopped, not awaited,
  // so avatars add at most one fetch timeout to a run (and a watch's SIGTERM stops them too).
  const limit = AbortSignal.timeout(Math.max(0, config.fetch.timeoutMs));
  const budget = options.signal === undefined ? limit : AbortSignal.any([options.signal, limit]);
  // Every fetch in flight listens to it: as many listeners as the pool runs, by design.
  setMaxListeners(0, budget);
  const images = withSignal(createHttpClient({ ...config.fetch, maxBytes: avatarMaxBytes }), budget);
  const pages = withSignal(createHttpClient({ ...config.fetch, maxBytes: Math.min(config.fetch.maxBytes, pageMaxBytes) }), budget);
  // Many feeds share a site (hosted blogs): its home page is read once per run.
  const clients = { images, pages, sites: new Map<string, Promise<SiteIcons>>(), limit };
  const deadline = performance.now() + config.fetch.timeoutMs;
  try {
    // A feed's slot is freed once its fetching is over: the next avatar's request leaves while this one is stored.
    const done = await mapReleasing(feeds, config.fetch.concurrency, async (feed, release) => {
      if (options.signal?.aborted === true) return undefined;
      if (performance.now() > deadline || limit.aborted) return { feedId: feed.id, status: 'unreached' as const, problems: [] };
      try {
        const saving = {
          saveAvatar: (record: AvatarRecord): Promise<void> => {
            release();
            return store.saveAvatar(record);
          },
        };
        return await refreshOne(current.get(feed.id) ?? feed, configs.get(feed.url), stored.get(feed.id), config.planet.link, clients, saving, options);
      } catch (error) {
        // Only the store can throw here; the site is still built, with what the cache had.
        return { feedId: feed.id, status: 'initials' as const, problems: [toErrorRecord(error).message] };
      }
    });
    return done.filter((report) => report !== undefined);
  } finally {
    await Promise.all([images.close(), pages.close()]);
  }
}

/** `client`, with every fetch ended once `signal` aborts. */
function withSignal(client: HttpClient, signal: AbortSignal): HttpClient {
  return { fetchFeed: (request) => client.fetchFeed({ ...request, signal }), close: () => client.close() };
}

async function refreshOne(
  feed: FeedRecord,
  feedConfig: FeedConfig | undefined,
  previous: AvatarRecord | undefined,
  planetLink: string,
  clients: { images: HttpClient; pages: HttpClient; sites: Map<string, Promise<SiteIcons>>; limit: AbortSignal },
  store: Pick<Store, 'saveAvatar'>,
  options: AvatarOptions,
): Promise<AvatarReport> {
  const feedImage = options.feedImages?.has(feed.id) === true ? options.feedImages.get(feed.id) : previous?.feedImage;
  const candidates = avatarCandidates({
    avatar: feedConfig?.avatar,
    face: feedConfig?.extra?.face,
    planetLink,
    feedImage,
    siteLink: feed.siteLink,
  });
  const key = candidatesKey(candidates);
  const checkedAt = previous?.checkedAt?.getTime();
  if (options.force !== true && previous !== undefined && previous.candidatesKey === key && checkedAt !== undefined && options.now.getTime() - checkedAt < avatarRecheckMs) {
    if (previous.feedImage !== feedImage) await store.saveAvatar({ ...previous, feedImage });
    return { feedId: feed.id, status: 'fresh', ...(previous.sourceUrl !== undefined && { sourceUrl: previous.sourceUrl }), problems: [] };
  }
  const problems: string[] = [];
  const base = { feedId: feed.id, candidatesKey: key, checkedAt: options.now, ...(feedImage !== undefined && { feedImage }) };
  for await (const url of imageUrls(candidates, clients, problems)) {
    const reuse = previous?.body !== undefined && previous.sourceUrl === url;
    try {
      const result = await clients.images.fetchFeed({ url, validators: reuse ? previous.validators : {} });
      if (result.kind === 'not-modified') {
        if (!reuse) throw new Error('answered 304 Not Modified to an unconditional request');
        await store.saveAvatar({ ...previous, ...base, validators: result.validators.etag || result.validators.lastModified ? result.validators : previous.validators, ...errorOf(problems) });
        return { feedId: feed.id, status: 'not-modified', sourceUrl: url, problems };
      }
      const problem = avatarProblem(result.body);
      if (problem !== undefined) {
        problems.push(`${url}: ${problem}`);
        continue;
      }
      const type = sniffImage(result.body);
      await store.saveAvatar({ ...base, sourceUrl: url, contentType: type?.contentType, body: new Uint8Array(result.body), validators: result.validators, ...errorOf(problems) });
      return { feedId: feed.id, status: 'fetched', sourceUrl: url, problems };
    } catch (error) {
      problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Cut short by the pass's time limit: the sources did not fail, they were stopped. Recording
  // this check would keep the feed on initials (or its old image) for a week; untouched, it is
  // checked again on the next run.
  if (clients.limit.aborted) return { feedId: feed.id, status: 'unreached', problems };
  if (previous?.body !== undefined && previous.candidatesKey === key) {
    // Every source failed but they are the same as when the image was found: a passing outage,
    // not a reason to swap a real face for initials until next week.
    await store.saveAvatar({ ...previous, ...base, ...errorOf(problems) });
    return { feedId: feed.id, status: 'kept', ...(previous.sourceUrl !== undefined && { sourceUrl: previous.sourceUrl }), problems };
  }
  await store.saveAvatar({ ...base, validators: {}, ...errorOf(problems) });
  return { feedId: feed.id, status: 'initials', problems };
}

/** Fetch errors that mean the host itself is out of reach. */
const unreachable: ReadonlySet<string> = new Set(['dns', 'connection-refused', 'connection-reset', 'network', 'timeout', 'blocked-address']);

/** A site's icons as its home page names them, and why the page could not be read, if so. */
interface SiteIcons {
  urls: string[];
  problem?: string;
}

/**
 * The image URLs to try, in order, each once: an image candidate as it is, a site as the icons
 * its home page names. Lazily: a site's home page is read only when every image before it failed
 * (a configured avatar that loads costs one request, not two).
 */
async function* imageUrls(
  candidates: readonly AvatarCandidate[],
  clients: { pages: HttpClient; sites: Map<string, Promise<SiteIcons>> },
  problems: string[],
): AsyncGenerator<string> {
  const tried = new Set<string>();
  for (const candidate of candidates) {
    let urls = [candidate.url];
    if (candidate.kind === 'site') {
      let icons = clients.sites.get(candidate.url);
      if (icons === undefined) clients.sites.set(candidate.url, (icons = siteIcons(candidate.url, clients.pages)));
      const { urls: found, problem } = await icons;
      if (problem !== undefined) problems.push(problem);
      urls = found;
    }
    for (const url of urls) {
      if (tried.has(url)) continue;
      tried.add(url);
      yield url;
    }
  }
}

async function siteIcons(site: string, pages: HttpClient): Promise<SiteIcons> {
  try {
    const page = await pages.fetchFeed({ url: site, validators: {} });
    return { urls: siteIconUrls(page.kind === 'ok' ? page.body.toString('utf8') : '', site) };
  } catch (error) {
    const problem = `${site}: ${error instanceof Error ? error.message : String(error)}`;
    // A host that cannot be reached will not serve /favicon.ico either; one that answered (a 404,
    // a page too large) may still have it.
    if (error instanceof FetchError && unreachable.has(error.code)) return { urls: [], problem };
    return { urls: siteIconUrls('', site), problem };
  }
}

/** The record's error field: set to what failed, or cleared (it overrides a previous record's). */
function errorOf(problems: readonly string[]): { error: string | undefined } {
  return { error: problems.length === 0 ? undefined : problems.join('; ') };
}

/** One published avatar file: its path under the site root and its bytes. */
export interface AvatarFile {
  path: string;
  body: Uint8Array | string;
}

/**
 * Each feed's avatar as a local file: the cached image (sniffed again, as the store is not
 * trusted to hold only images), else its generated initials. Keyed by feed URL.
 */
export function avatarFiles(feeds: readonly FeedRecord[], cached: readonly AvatarRecord[]): Map<string, AvatarFile> {
  const byFeed = new Map(cached.map((record) => [record.feedId, record]));
  const files = new Map<string, AvatarFile>();
  for (const feed of feeds) {
    const body = byFeed.get(feed.id)?.body;
    const type = body === undefined || avatarProblem(body) !== undefined ? undefined : sniffImage(body);
    if (body !== undefined && type !== undefined) {
      files.set(feed.url, { path: avatarPath(body, type.ext), body });
    } else {
      const svg = initialsSvg(feed.name);
      files.set(feed.url, { path: avatarPath(svg, 'svg'), body: svg });
    }
  }
  return files;
}

/** Writes the avatar files under `dir` (each distinct path once); returns the paths written. */
export async function writeAvatarFiles(dir: string, files: Iterable<AvatarFile>): Promise<string[]> {
  const written = new Set<string>();
  for (const file of files) {
    if (written.has(file.path)) continue;
    await mkdir(join(dir, 'avatars'), { recursive: true });
    await writeFile(join(dir, file.path), file.body);
    written.add(file.path);
  }
  return [...written];
}
