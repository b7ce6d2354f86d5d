// The feedparser result model, as ../shared/conformance/feedparser/README.md ("Result model")
// documents it: feedparser's keys, dates as ISO strings, absent keys left out.

/** A `*_detail` object. */
export interface FpDetail {
  type: string;
  language: string | null;
  base: string;
  value: string;
  /** Atom <content src>. */
  src?: string;
}

/** A person: author_detail, authors[] and contributors[]. */
export interface FpPerson {
  name?: string;
  email?: string;
  href?: string;
}

/** One feed or entry: the keys are feedparser's, so the values are loosely typed. */
export type FpObject = Record<string, unknown>;

/** What feedparser.parse() returns, minus the HTTP bookkeeping. */
export interface FpResult {
  bozo: boolean;
  bozo_exception?: { type: string; message: string };
  version: string;
  encoding?: string;
  feed: FpObject;
  entries: FpObject[];
  /** From the HTTP response, when there was one. */
  etag?: string;
  updated?: string;
  updated_parsed?: string | null;
}
