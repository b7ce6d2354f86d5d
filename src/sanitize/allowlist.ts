import type { Token } from 'parse5';

/** Which elements and attributes survive sanitizing, as data the tree walk reads. */
export interface Allowlist {
  /** Elements kept, each with the attributes it may keep. Anything else is unwrapped. */
  elements: ReadonlyMap<string, ReadonlySet<string>>;
  /** Elements removed together with everything inside them. */
  dropWithContent: ReadonlySet<string>;
  /** Attributes whose value is one URL, checked by the URL policy. */
  urlAttributes: ReadonlySet<string>;
  /** Attributes whose value is a srcset list of URLs with descriptors. */
  srcsetAttributes: ReadonlySet<string>;
  /** Elements useless without one of the named attributes: removed when all are missing or rejected. */
  requiredAttributes: ReadonlyMap<string, readonly string[]>;
  /** Elements kept only as a direct child of one of the named elements. */
  requiredParents: ReadonlyMap<string, ReadonlySet<string>>;
  /** Attributes set on every kept element of that name, replacing any the input had. */
  addedAttributes: ReadonlyMap<string, readonly Token.Attribute[]>;
  /** Hosts whose https <iframe>s are kept (an empty set keeps none); only with `iframe` in `elements`. */
  frameHosts: ReadonlySet<string>;
  /** Whether 1x1 pixels and known feed trackers are removed. */
  removeTrackers: boolean;
}

// Plain containers and text-level elements keep no attributes at all. Dropped everywhere:
// on* handlers (script), style (CSS can overlay the page or load URLs), and id/class: the
// planet's theme styles and scripts select on those names, so a feed's class="header" or
// id="nav" would restyle or hijack the page's own parts, duplicate ids break the page's
// anchors, and ids become window/document properties (DOM clobbering).
const bare = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span',
  'section', 'article', 'aside', 'header', 'footer', 'main', 'nav',
  'ul', 'li', 'dl', 'dt', 'dd', 'pre', 'code', 'kbd', 'samp', 'var', 'cite', 'acronym',
  'b', 'i', 'em', 'strong', 'u', 's', 'mark', 'small', 'sub', 'sup',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'colgroup', 'col',
  'figure', 'figcaption', 'picture', 'details', 'summary', 'ruby', 'rt', 'rp',
] as const;

const withAttributes: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
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
  // No autoplay: a river of posts must not start playing sound. Controls are always added.
  video: ['src', 'poster', 'width', 'height', 'loop', 'muted', 'playsinline'],
  audio: ['src', 'loop', 'muted'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
};

/** The article elements a planet shows: text, lists, tables, figures and images, no active content. */
export const DEFAULT_ALLOWLIST: Allowlist = {
  elements: new Map<string, ReadonlySet<string>>([
    ...bare.map((tag): [string, ReadonlySet<string>] => [tag, new Set<string>()]),
    ...Object.entries(withAttributes).map(([tag, names]): [string, ReadonlySet<string>] => [tag, new Set(names)]),
  ]),
  // Unwrapping these would turn code, styles or fallback markup into visible text, or their
  // content only makes sense with the element (frames, plugins, forms, foreign SVG/MathML).
  dropWithContent: new Set([
    'script', 'style', 'template', 'iframe', 'object', 'embed', 'param', 'applet',
    'noscript', 'noembed', 'noframes', 'frame', 'frameset',
    'form', 'input', 'button', 'select', 'textarea',
    'svg', 'math', 'title', 'head', 'base', 'meta', 'link',
  ]),
  urlAttributes: new Set(['href', 'src', 'cite', 'poster']),
  srcsetAttributes: new Set(['srcset']),
  requiredAttributes: new Map([
    ['img', ['src']],
    ['source', ['srcset', 'src']],
    ['track', ['src']],
  ]),
  // Anywhere else these pick nothing; <track> in <audio> does nothing but does no harm.
  requiredParents: new Map([
    ['source', new Set(['picture', 'video', 'audio'])],
    ['track', new Set(['video', 'audio'])],
  ]),
  addedAttributes: new Map<string, readonly Token.Attribute[]>([
    // The linked site gets neither window.opener nor the planet's URL as referrer.
    ['a', [{ name: 'rel', value: 'noopener noreferrer' }]],
    ['img', [{ name: 'loading', value: 'lazy' }, { name: 'decoding', value: 'async' }]],
    // Nothing is downloaded until the reader presses play.
    ['video', [{ name: 'controls', value: '' }, { name: 'preload', value: 'none' }]],
    ['audio', [{ name: 'controls', value: '' }, { name: 'preload', value: 'none' }]],
  ]),
  frameHosts: new Set(),
  removeTrackers: true,
};
