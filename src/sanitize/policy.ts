import type { Token } from 'parse5';
import type { SanitizeSettings } from '../model/index.ts';
import { ConfigError } from '../model/index.ts';
import type { Allowlist } from './allowlist.ts';
import { DEFAULT_ALLOWLIST } from './allowlist.ts';

/** A compiled allowlist for one feed: made once per run, used for every entry of the feed. */
export interface SanitizePolicy {
  readonly allowlist: Allowlist;
}

/**
 * Elements a planet may add to the allowlist: text-level and structural elements with no
 * attributes of their own, which load nothing and run nothing. Anything else (script, style,
 * forms, objects) cannot be allowed from config at all.
 */
export const ALLOWABLE_ELEMENTS: readonly string[] = [
  'address', 'bdi', 'bdo', 'big', 'center', 'data', 'dfn', 'font', 'hgroup', 'search', 'strike', 'tt', 'wbr',
];

/**
 * Attributes a planet may add to every kept element. None holds a URL or script. `id` and
 * `class` are off by default (see allowlist.ts: the theme's own names could be hijacked), so
 * a planet turns them on knowing its theme.
 */
export const ALLOWABLE_ATTRIBUTES: readonly string[] = [
  'class', 'id', 'lang', 'dir', 'title', 'align', 'valign', 'scope', 'headers', 'abbr', 'reversed', 'type',
  'value', 'open', 'translate',
];

/** Embeddable video hosts for `embed_videos`, unless `video_hosts` names others (PeerTube instances). */
export const DEFAULT_VIDEO_HOSTS: readonly string[] = [
  'www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com',
];

// The frame may run the host's player and open the video on its site, but not reach the
// planet's page, navigate the top window, or submit forms.
const frameAttributes: readonly Token.Attribute[] = [
  { name: 'sandbox', value: 'allow-scripts allow-same-origin allow-popups allow-presentation' },
  { name: 'loading', value: 'lazy' },
  { name: 'referrerpolicy', value: 'strict-origin-when-cross-origin' },
];

/**
 * The hosts whose iframes the sanitizer keeps for any feed of the planet: the page's
 * Content-Security-Policy must let exactly these load in frames, or the kept videos stay blank.
 */
export function embeddedFrameHosts(planet: SanitizeSettings | undefined, feeds: readonly (Partial<SanitizeSettings> | undefined)[]): string[] {
  const hosts = new Set<string>();
  for (const feed of [undefined, ...feeds]) {
    if (!(feed?.embedVideos ?? planet?.embedVideos ?? false)) continue;
    for (const host of [...(planet?.videoHosts ?? DEFAULT_VIDEO_HOSTS), ...(feed?.videoHosts ?? [])]) hosts.add(host.toLowerCase());
  }
  return [...hosts].sort();
}

/** The policy of the default allowlist, for callers without settings. */
export const DEFAULT_POLICY: SanitizePolicy = { allowlist: DEFAULT_ALLOWLIST };

/**
 * The allowlist for one feed: the planet's `[sanitize]` settings, then the feed's own keys
 * (lists add to the planet's, flags replace them). Throws ConfigError naming each unknown or
 * refused name, so a typo never silently widens or narrows what is kept.
 */
export function createSanitizePolicy(planet?: SanitizeSettings, feed?: Partial<SanitizeSettings>, where = 'planet.toml'): SanitizePolicy {
  if (planet === undefined && feed === undefined) return DEFAULT_POLICY;
  const list = (key: 'allowElements' | 'denyElements' | 'allowAttributes' | 'denyAttributes'): string[] =>
    [...(planet?.[key] ?? []), ...(feed?.[key] ?? [])].map((name) => name.toLowerCase());
  const allowElements = list('allowElements');
  const denyElements = list('denyElements');
  const allowAttributes = list('allowAttributes');
  const denyAttributes = list('denyAttributes');
  const embedVideos = feed?.embedVideos ?? planet?.embedVideos ?? false;
  const videoHosts = [...(planet?.videoHosts ?? DEFAULT_VIDEO_HOSTS), ...(feed?.videoHosts ?? [])];
  const removeTrackers = feed?.removeTrackers ?? planet?.removeTrackers ?? true;

  const base = DEFAULT_ALLOWLIST;
  const knownAttributes = new Set([...base.elements.values()].flatMap((names) => [...names]));
  const problems = [
    ...refused(allowElements, (name) => ALLOWABLE_ELEMENTS.includes(name) || base.elements.has(name), 'allow_elements', ALLOWABLE_ELEMENTS),
    ...refused(denyElements, (name) => base.elements.has(name) || ALLOWABLE_ELEMENTS.includes(name), 'deny_elements', [...base.elements.keys()]),
    ...refused(allowAttributes, (name) => ALLOWABLE_ATTRIBUTES.includes(name) || knownAttributes.has(name), 'allow_attributes', ALLOWABLE_ATTRIBUTES),
    ...refused(denyAttributes, (name) => knownAttributes.has(name) || ALLOWABLE_ATTRIBUTES.includes(name), 'deny_attributes', [...knownAttributes]),
  ];
  if (problems.length > 0) {
    throw new ConfigError('config-invalid', `config: ${where}: ${problems.join('; ')}`);
  }

  const denied = new Set(denyElements);
  const deniedAttributes = new Set(denyAttributes);
  const elements = new Map<string, ReadonlySet<string>>();
  const add = (tag: string, names: Iterable<string>): void => {
    if (denied.has(tag)) return;
    elements.set(tag, new Set([...names, ...allowAttributes].filter((name) => !deniedAttributes.has(name))));
  };
  for (const [tag, names] of base.elements) add(tag, names);
  for (const tag of allowElements) if (!base.elements.has(tag)) add(tag, []);
  if (embedVideos) add('iframe', ['src', 'width', 'height', 'title', 'allowfullscreen']);
  const dropWithContent = new Set(base.dropWithContent);
  if (elements.has('iframe')) dropWithContent.delete('iframe');
  return {
    allowlist: {
      ...base,
      elements,
      dropWithContent,
      requiredAttributes: new Map([...base.requiredAttributes, ['iframe', ['src']]]),
      addedAttributes: new Map([...base.addedAttributes, ['iframe', frameAttributes]]),
      frameHosts: new Set(embedVideos ? videoHosts.map((host) => host.toLowerCase()) : []),
      removeTrackers,
    },
  };
}

function refused(names: readonly string[], ok: (name: string) => boolean, key: string, choices: readonly string[]): string[] {
  return names.filter((name) => !ok(name)).map((name) => `${key}: "${name}" is not one of ${[...choices].sort().join(', ')}`);
}
