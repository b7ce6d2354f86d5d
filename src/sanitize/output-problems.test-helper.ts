// The safety properties of sanitized output, checked independently of allowlist.ts: shared by
// the XSS vector table and the property test.
import { defaultTreeAdapter, html, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type ChildNode = DefaultTreeAdapterMap['childNode'];

// Written out here rather than read from allowlist.ts, so that widening the allowlist by
// mistake fails this test.
const attributesOf: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  time: ['datetime'],
  abbr: ['title'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  source: ['srcset', 'src', 'type', 'media'],
  video: ['src', 'poster', 'width', 'height', 'loop', 'muted', 'playsinline', 'controls', 'preload'],
  audio: ['src', 'loop', 'muted', 'controls', 'preload'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
};
const bare = `h1 h2 h3 h4 h5 h6 p br hr div span section article aside header footer main nav ul li dl dt dd
  pre code kbd samp var cite acronym b i em strong u s mark small sub sup table thead tbody tfoot tr
  caption colgroup col figure figcaption picture details summary ruby rt rp`.split(/\s+/);
const allowed = new Map<string, ReadonlySet<string>>([
  ...bare.map((tag): [string, ReadonlySet<string>] => [tag, new Set()]),
  ...Object.entries(attributesOf).map(([tag, names]): [string, ReadonlySet<string>] => [tag, new Set(names)]),
]);
const urlAttributes = new Set(['href', 'src', 'cite', 'poster']);
// The one data: URL kept: a raster image as an <img> src (see url-policy.ts).
const rasterData = /^data:image\/(png|gif|jpeg|webp|avif)[;,]/;
const webSchemes = new Set(['http:', 'https:', 'mailto:']);
const page = 'https://planet.example/';
const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

/**
 * What is wrong with `output`, read the way a browser reads it: parsed again, every element,
 * attribute and URL checked as a node, resolved against the page's own URL.
 */
export function problems(output: string): string[] {
  const found: string[] = [];
  const pending: ChildNode[] = [...parseFragment(context, output, {}).childNodes];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (defaultTreeAdapter.isCommentNode(node)) found.push('comment');
    if (!defaultTreeAdapter.isElementNode(node)) continue;
    pending.push(...node.childNodes);
    const names = allowed.get(node.tagName);
    if (names === undefined || node.namespaceURI !== html.NS.HTML) found.push(`element <${node.tagName}>`);
    for (const { name, value } of node.attrs) {
      if (name.startsWith('on') || !names?.has(name)) found.push(`attribute ${name} on <${node.tagName}>`);
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      if (!urlAttributes.has(name) && name !== 'srcset') continue;
      for (const url of urls) {
        if (node.tagName === 'img' && name === 'src' && rasterData.test(url)) continue;
        if (!webSchemes.has(new URL(url, page).protocol)) found.push(`URL ${url} in ${name}`);
      }
    }
  }
  return found;
}

