/** Seconds in each sy:updatePeriod (http://web.resource.org/rss/1.0/modules/syndication/). */
const PERIOD_SECONDS: Record<string, number> = {
  hourly: 3600,
  daily: 86_400,
  weekly: 604_800,
  monthly: 2_592_000,
  yearly: 31_536_000,
};

/** The channel header sits before the first item; no need to look further than this. */
const HEAD_BYTES = 64 * 1024;

/**
 * The refresh interval a feed document asks for, in seconds: RSS 2.0 <ttl> (minutes,
 * https://www.rssboard.org/rss-specification#ltttlgtSubelementOfLtchannelgt) or the syndication
 * module's updatePeriod / updateFrequency, whichever is longer. Read from the channel header
 * only, since the parser does not expose these (yet); any namespace prefix is accepted.
 */
export function feedRefreshSeconds(body: Uint8Array): number | undefined {
  const text = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, HEAD_BYTES)).toString('latin1');
  const head = text.split(/<(?:[\w-]+:)?(?:item|entry)[\s>]/)[0] ?? '';
  const found: number[] = [];
  const ttl = /<(?:[\w-]+:)?ttl>\s*(\d+)\s*</.exec(head)?.[1];
  if (ttl !== undefined) found.push(Number(ttl) * 60);
  const period = /<[\w-]+:updatePeriod>\s*(\w+)\s*</.exec(head)?.[1]?.toLowerCase();
  if (period !== undefined && PERIOD_SECONDS[period] !== undefined) {
    const frequency = Number(/<[\w-]+:updateFrequency>\s*(\d+)\s*</.exec(head)?.[1] ?? '1');
    found.push(PERIOD_SECONDS[period] / Math.max(1, frequency));
  }
  return found.length === 0 ? undefined : Math.max(...found);
}
