/** Where a feed's picture may come from, best first; the initials stand in when all fail. */
export type AvatarCandidate =
  /** An image URL: the config's `avatar`, the INI `face`, or the feed's own icon/logo. */
  | { kind: 'image'; source: 'avatar' | 'face' | 'feed'; url: string }
  /** The feed's web site: its named icons, then /favicon.ico. */
  | { kind: 'site'; url: string };

/** What the candidates are chosen from. */
export interface AvatarSources {
  /** The feed's `avatar` from the config (absolute http(s) URL). */
  avatar?: string;
  /** The INI `face` (feed.extra.face): a file name under the planet's images/, or an absolute URL. */
  face?: string;
  /** The planet's public link, which a relative `face` is resolved under (`<link>images/<face>`). */
  planetLink: string;
  /** The image the feed document names (Atom icon/logo, RSS image). */
  feedImage?: string;
  /** The feed's web site (its link), whose icons come next. */
  siteLink?: string;
}

/**
 * The candidates in the order they are tried: the config's avatar, the INI face, the feed's own
 * icon, the site's icons. A relative face is read as Planet 2.0's templates read it,
 * `images/<face>` under the planet's link, where a migrated planet still serves its faces.
 */
export function avatarCandidates(sources: AvatarSources): AvatarCandidate[] {
  const out: AvatarCandidate[] = [];
  const avatar = httpUrl(sources.avatar);
  if (avatar !== undefined) out.push({ kind: 'image', source: 'avatar', url: avatar });
  const face = sources.face?.trim();
  if (face !== undefined && face !== '') {
    const base = sources.planetLink.endsWith('/') ? sources.planetLink : `${sources.planetLink}/`;
    const url = httpUrl(face) ?? (URL.canParse(base) ? httpUrl(new URL(`images/${face}`, base).href) : undefined);
    if (url !== undefined) out.push({ kind: 'image', source: 'face', url });
  }
  const feedImage = httpUrl(sources.feedImage);
  if (feedImage !== undefined) out.push({ kind: 'image', source: 'feed', url: feedImage });
  const site = httpUrl(sources.siteLink);
  if (site !== undefined) out.push({ kind: 'site', url: site });
  return out;
}

/** A stable key of the candidate list: when it changes, the stored avatar is chosen again. */
export function candidatesKey(candidates: readonly AvatarCandidate[]): string {
  return candidates.map((c) => `${c.kind === 'site' ? 'site' : c.source} ${c.url}`).join('\n');
}

function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
