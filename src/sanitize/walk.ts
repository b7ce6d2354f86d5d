import { defaultTreeAdapter as adapter, html } from 'parse5';
import type { DefaultTreeAdapterMap, Token } from 'parse5';
import type { Allowlist } from './allowlist.ts';
import { dropsLeadingNewline, keepsText, nestsAsParsed } from './nesting.ts';
import { escapeAttribute, escapeText } from './serialize.ts';
import { isPixel, isTrackerUrl } from './trackers.ts';
import { checkImageUrl, checkSrcset, checkUrl } from './url-policy.ts';
import type { UrlPolicy } from './url-policy.ts';

type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type DocumentFragment = DefaultTreeAdapterMap['documentFragment'];

// Elements nested deeper than this are unwrapped (their text stays). It bounds the work on
// hostile input, and stays clear of Blink's parser, which stops nesting at depth 512 and
// would then build a different tree than the one checked here.
const maxDepth = 128;

// https://html.spec.whatwg.org/multipage/syntax.html#void-elements (those the allowlist can hold).
const voidElements = new Set(['br', 'hr', 'img', 'col', 'source', 'track', 'wbr']);

interface Frame {
  nodes: readonly ChildNode[];
  next: number;
  /** The kept element whose end tag closes this frame, or undefined for an unwrapped element. */
  kept: string | undefined;
}

/**
 * The HTML of what survives of `source`: allowlisted elements with their checked attributes,
 * text, and the children of unwrapped elements, serialised as the walk goes (no second tree).
 * Comments are left out: they show nothing, and old IE ran conditional comments. Text is
 * always escaped, as no kept element is a raw-text one, so text from <xmp> or <noembed> stays
 * text. The walk uses an explicit stack: input depth is unbounded.
 */
export function sanitizeToHtml(source: DocumentFragment, allowlist: Allowlist, urls: UrlPolicy): string {
  let out = '';
  // Tag names of the kept elements around the current position, outermost first.
  const open: string[] = [];
  // The kept element whose start tag was written last, while nothing has followed it.
  let justOpened: string | undefined;
  const frames: Frame[] = [{ nodes: source.childNodes, next: 0, kept: undefined }];
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const node = frame.nodes[frame.next++];
    if (node === undefined) {
      frames.pop();
      if (frame.kept !== undefined) {
        open.pop();
        out += `</${frame.kept}>`;
        justOpened = undefined;
      }
    } else if (adapter.isTextNode(node)) {
      const text = node.value;
      if (!keepsText(open.at(-1), text)) continue;
      // The parser eats one newline right after <pre>; one more keeps the text's own.
      const extra = justOpened !== undefined && text.charCodeAt(0) === 10 && dropsLeadingNewline(justOpened) ? '\n' : '';
      out += extra + escapeText(text);
      justOpened = undefined;
    } else if (adapter.isElementNode(node)) {
      const kept = sanitizeElement(node, open, allowlist, urls);
      if (kept === 'unwrap') {
        frames.push({ nodes: node.childNodes, next: 0, kept: undefined });
      } else if (kept !== 'drop') {
        const tag = node.tagName;
        out += startTag(tag, kept);
        justOpened = tag;
        // An iframe's children are fallback text old browsers showed; the kept frame shows its page.
        if (tag === 'iframe') out += '</iframe>';
        if (voidElements.has(tag) || tag === 'iframe') continue;
        open.push(tag);
        frames.push({ nodes: node.childNodes, next: 0, kept: tag });
      }
    }
  }
  return out;
}

function startTag(tag: string, attrs: readonly Token.Attribute[]): string {
  let out = `<${tag}`;
  for (const attr of attrs) out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  return `${out}>`;
}

// The attributes to write for `node`, or what to do instead of keeping it.
function sanitizeElement(
  node: Element,
  open: readonly string[],
  allowlist: Allowlist,
  urls: UrlPolicy,
): Token.Attribute[] | 'drop' | 'unwrap' {
  const tag = node.tagName;
  // Anything in SVG or MathML is dropped: foreign content parses by other rules (mXSS).
  if (node.namespaceURI !== html.NS.HTML || allowlist.dropWithContent.has(tag)) return 'drop';
  const allowed = allowlist.elements.get(tag);
  if (allowed === undefined || open.length >= maxDepth) return 'unwrap';
  const parents = allowlist.requiredParents.get(tag);
  if (parents !== undefined && !parents.has(open.at(-1) ?? '')) return 'unwrap';
  if (!nestsAsParsed(open, tag)) return 'unwrap';

  const added = allowlist.addedAttributes.get(tag);
  const attrs = sanitizeAttributes(tag, node.attrs, allowed, added, allowlist, urls);
  const required = allowlist.requiredAttributes.get(tag);
  if (required !== undefined && !hasAny(attrs, required)) return tag === 'iframe' ? 'drop' : 'unwrap';
  if (allowlist.removeTrackers && isTracking(tag, attrs)) return 'drop';
  if (added !== undefined) for (const attr of added) attrs.push(attr);
  return attrs;
}

// Loops rather than closures: this runs for every element of every entry.
function hasAny(attrs: readonly Token.Attribute[], names: readonly string[]): boolean {
  for (const attr of attrs) if (names.includes(attr.name)) return true;
  return false;
}

function valueOf(attrs: readonly Token.Attribute[], name: string): string | undefined {
  for (const attr of attrs) if (attr.name === name) return attr.value;
  return undefined;
}

function sanitizeAttributes(
  tag: string,
  attrs: readonly Token.Attribute[],
  allowed: ReadonlySet<string>,
  added: readonly Token.Attribute[] | undefined,
  allowlist: Allowlist,
  urls: UrlPolicy,
): Token.Attribute[] {
  const kept: Token.Attribute[] = [];
  for (const { name, value, namespace } of attrs) {
    // on* names are refused even when an allowlist names one: they are always script.
    if (namespace !== undefined || !allowed.has(name) || name.startsWith('on')) continue;
    // Attributes the allowlist sets itself replace the input's.
    if (added !== undefined && valueOf(added, name) !== undefined) continue;
    const checked = checkValue(tag, name, value, allowlist, urls);
    if (checked !== undefined) kept.push({ name, value: checked });
  }
  return kept;
}

function checkValue(tag: string, name: string, value: string, allowlist: Allowlist, urls: UrlPolicy): string | undefined {
  if (name === 'src' && tag === 'iframe') return checkFrameUrl(value, allowlist.frameHosts);
  if (name === 'src' && tag === 'img') return checkImageUrl(value, urls);
  if (allowlist.urlAttributes.has(name)) return checkUrl(value, urls);
  return allowlist.srcsetAttributes.has(name) ? checkSrcset(value, urls) : value;
}

// An iframe is kept only with an https page of an allowed host: the host decides what runs in
// it, and the sandbox the allowlist adds keeps it from the planet's page and top window.
function checkFrameUrl(value: string, hosts: ReadonlySet<string>): string | undefined {
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  return url.protocol === 'https:' && hosts.has(url.hostname) ? url.href : undefined;
}

// Counter pixels and feed-service widgets: an <img> or <a> pointing at a known tracker, or an
// image declared 1x1. A tracker link goes with its content (a share button's image).
function isTracking(tag: string, attrs: readonly Token.Attribute[]): boolean {
  if (tag === 'img') return isPixel(valueOf(attrs, 'width'), valueOf(attrs, 'height')) || isTrackerUrl(valueOf(attrs, 'src') ?? '');
  return tag === 'a' && isTrackerUrl(valueOf(attrs, 'href') ?? '');
}
