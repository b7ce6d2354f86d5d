// What the HTML parser does with a start tag depends on the elements open around it: a <p>
// closes an open <p>, an <li> closes an open <li>, an <h2> closes an <h1> it sits directly in.
// The parser never builds such trees, but unwrapping can: <h1><font><h2> parses as
// h1 > font > h2, and without the <font> it would become h1 > h2, which the browser reads back
// as two siblings. The tree walk asks this module before it keeps an element under its new
// parents, so that the serialised output parses back into the very tree that was checked
// (and sanitizing twice changes nothing).
//
// The rules are the "in body" and table insertion modes of
// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody, for a fragment parsed
// in a <div> in no-quirks mode, where every open element is closed by its own end tag (as the
// serialiser writes them). Raw-text elements and foreign content never reach this point.

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Start tags that close an open <p> "in button scope" first.
const closesP = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol',
  'p', 'search', 'section', 'summary', 'ul', ...headings, 'pre', 'listing', 'form', 'li', 'dd',
  'dt', 'plaintext', 'table', 'hr', 'xmp',
]);

// https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-scope (HTML elements).
const scopeBoundaries = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
const buttonScopeBoundaries = new Set([...scopeBoundaries, 'button']);

// Markers in the list of active formatting elements: an <a> inside one does not close an outer <a>.
const formattingMarkers = new Set(['applet', 'object', 'marquee', 'template', 'td', 'th', 'caption']);

// https://html.spec.whatwg.org/multipage/parsing.html#special
const special = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote',
  'body', 'br', 'button', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset',
  ...headings, 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li',
  'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript',
  'object', 'ol', 'p', 'param', 'plaintext', 'pre', 'script', 'search', 'section', 'select',
  'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th',
  'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);

// Elements "generate implied end tags" pops off the stack.
const impliedEnd = new Set(['dd', 'dt', 'li', 'optgroup', 'option', 'p', 'rb', 'rp', 'rt', 'rtc']);

// In the table insertion modes only these children are inserted in place; anything else is
// moved out of the table ("foster parenting") or closes the table part.
const tableChildren = new Map<string, ReadonlySet<string>>([
  ['table', new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot'])],
  ['thead', new Set(['tr'])],
  ['tbody', new Set(['tr'])],
  ['tfoot', new Set(['tr'])],
  ['tr', new Set(['td', 'th'])],
  ['colgroup', new Set(['col'])],
]);
const tableParts = new Set([...tableChildren.values()].flatMap((children) => [...children]));

// Start tags the parser never turns into a child element in body content.
const neverInBody = new Set(['html', 'head', 'body', 'frameset', 'frame', 'image']);

/**
 * Whether the HTML parser, meeting a start tag for `tag` while `open` are the open elements
 * (outermost first), would insert it as a child of the innermost one.
 */
export function nestsAsParsed(open: readonly string[], tag: string): boolean {
  const parent = open.at(-1);
  if (neverInBody.has(tag)) return false;
  const allowedInTable = parent === undefined ? undefined : tableChildren.get(parent);
  if (allowedInTable !== undefined) return allowedInTable.has(tag);
  if (tableParts.has(tag)) return false;
  if (closesP.has(tag) && inScope(open, 'p', buttonScopeBoundaries)) return false;
  if (headings.has(tag) && parent !== undefined && headings.has(parent)) return false;
  if (tag === 'li') return !closedBeforeSpecial(open, new Set(['li']));
  if (tag === 'dd' || tag === 'dt') return !closedBeforeSpecial(open, new Set(['dd', 'dt']));
  if (tag === 'a') return !openFormatting(open, 'a');
  if (tag === 'nobr' || tag === 'button') return !inScope(open, tag, scopeBoundaries);
  if (tag === 'option' || tag === 'optgroup') return parent !== 'option';
  if (tag === 'rb' || tag === 'rtc' || tag === 'rp' || tag === 'rt') {
    // <rp> and <rt> leave an open <rtc> alone; <rb> and <rtc> close it too.
    const keepsRtc = parent === 'rtc' && (tag === 'rp' || tag === 'rt');
    const popsParent = parent !== undefined && impliedEnd.has(parent) && !keepsRtc;
    return !(popsParent && inScope(open, 'ruby', scopeBoundaries));
  }
  return true;
}

/**
 * Whether text placed directly in `parent` stays there. Only whitespace does inside table
 * structure; other text is moved out in front of the table.
 */
export function keepsText(parent: string | undefined, text: string): boolean {
  return parent === undefined || !tableChildren.has(parent) || !/[^\t\n\f\r ]/.test(text);
}

/** Whether the parser drops a newline right after this element's start tag. */
export function dropsLeadingNewline(tag: string): boolean {
  return tag === 'pre' || tag === 'listing' || tag === 'textarea';
}

function inScope(open: readonly string[], target: string, boundaries: ReadonlySet<string>): boolean {
  for (let i = open.length - 1; i >= 0; i--) {
    const tag = open[i] ?? '';
    if (tag === target) return true;
    if (boundaries.has(tag)) return false;
  }
  return false;
}

// The <li>/<dd>/<dt> start tag closes an open one of `targets` unless a special element other
// than address, div or p lies in between.
function closedBeforeSpecial(open: readonly string[], targets: ReadonlySet<string>): boolean {
  for (let i = open.length - 1; i >= 0; i--) {
    const tag = open[i] ?? '';
    if (targets.has(tag)) return true;
    if (special.has(tag) && tag !== 'address' && tag !== 'div' && tag !== 'p') return false;
  }
  return false;
}

// With every element closed by its own end tag, the active formatting elements after the last
// marker are the open ones.
function openFormatting(open: readonly string[], target: string): boolean {
  for (let i = open.length - 1; i >= 0; i--) {
    const tag = open[i] ?? '';
    if (tag === target) return true;
    if (formattingMarkers.has(tag)) return false;
  }
  return false;
}
