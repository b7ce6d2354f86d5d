import { defaultTreeAdapter as adapter, html } from 'parse5';
import type { DefaultTreeAdapterMap, Token } from 'parse5';
import type { Allowlist } from './allowlist.ts';
import { dropsLeadingNewline, keepsText, nestsAsParsed } from './nesting.ts';
import { checkSrcset, checkUrl } from './url-policy.ts';
import type { UrlPolicy } from './url-policy.ts';

type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type DocumentFragment = DefaultTreeAdapterMap['documentFragment'];

// Elements nested deeper than this are unwrapped (their text stays). It bounds the recursion
// of the serialiser on hostile input, and stays clear of Blink's parser, which stops nesting
// at depth 512 and would then build a different tree than the one checked here.
const maxDepth = 128;

interface Frame {
  nodes: readonly ChildNode[];
  next: number;
  /** Where the surviving children go. */
  out: ParentNode;
  /** The new element being filled, or undefined while walking an unwrapped element's children. */
  kept: Element | undefined;
}

/**
 * A new fragment with what survives of `source`: allowlisted elements with their checked
 * attributes, text, and the children of unwrapped elements. Comments are left out: they show
 * nothing, and old IE ran conditional comments. Fresh nodes are built rather than
 * the parsed ones edited, so no text can keep a raw-text parent (<xmp>, <noembed>) that the
 * serialiser would write unescaped. The walk uses an explicit stack: input depth is unbounded.
 */
export function sanitizeTree(source: DocumentFragment, allowlist: Allowlist, urls: UrlPolicy): DocumentFragment {
  const root = adapter.createDocumentFragment();
  // Tag names of the kept elements around the current position, outermost first.
  const open: string[] = [];
  const frames: Frame[] = [{ nodes: source.childNodes, next: 0, out: root, kept: undefined }];
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const node = frame.nodes[frame.next++];
    if (node === undefined) {
      frames.pop();
      if (frame.kept !== undefined) {
        open.pop();
        keepLeadingNewline(frame.kept);
      }
    } else if (adapter.isTextNode(node)) {
      if (keepsText(open.at(-1), node.value)) adapter.insertText(frame.out, node.value);
    } else if (adapter.isElementNode(node)) {
      const outcome = sanitizeElement(node, open, allowlist, urls);
      if (outcome === 'unwrap') {
        frames.push({ nodes: node.childNodes, next: 0, out: frame.out, kept: undefined });
      } else if (outcome !== 'drop') {
        adapter.appendChild(frame.out, outcome);
        open.push(outcome.tagName);
        frames.push({ nodes: node.childNodes, next: 0, out: outcome, kept: outcome });
      }
    }
  }
  return root;
}

// The new element for `node`, or what to do instead of keeping it.
function sanitizeElement(
  node: Element,
  open: readonly string[],
  allowlist: Allowlist,
  urls: UrlPolicy,
): Element | 'drop' | 'unwrap' {
  const tag = node.tagName;
  // Anything in SVG or MathML is dropped: foreign content parses by other rules (mXSS).
  if (node.namespaceURI !== html.NS.HTML || allowlist.dropWithContent.has(tag)) return 'drop';
  const allowed = allowlist.elements.get(tag);
  if (allowed === undefined || open.length >= maxDepth) return 'unwrap';
  const parents = allowlist.requiredParents.get(tag);
  if (parents !== undefined && !parents.has(open.at(-1) ?? '')) return 'unwrap';
  if (!nestsAsParsed(open, tag)) return 'unwrap';

  const attrs = sanitizeAttributes(node.attrs, allowed, allowlist, urls);
  const required = allowlist.requiredAttributes.get(tag);
  if (required !== undefined && !attrs.some((attr) => attr.name === required)) return 'unwrap';
  const added = allowlist.addedAttributes.get(tag) ?? [];
  const names = new Set(added.map((attr) => attr.name));
  return adapter.createElement(tag, html.NS.HTML, [...attrs.filter((attr) => !names.has(attr.name)), ...added]);
}

function sanitizeAttributes(
  attrs: readonly Token.Attribute[],
  allowed: ReadonlySet<string>,
  allowlist: Allowlist,
  urls: UrlPolicy,
): Token.Attribute[] {
  const kept: Token.Attribute[] = [];
  for (const { name, value, namespace } of attrs) {
    // on* names are refused even when an allowlist names one: they are always script.
    if (namespace !== undefined || !allowed.has(name) || name.startsWith('on')) continue;
    const checked = allowlist.urlAttributes.has(name)
      ? checkUrl(value, urls)
      : allowlist.srcsetAttributes.has(name)
        ? checkSrcset(value, urls)
        : value;
    if (checked !== undefined) kept.push({ name, value: checked });
  }
  return kept;
}

// The parser eats one newline right after <pre>, and the serialiser does not write one back,
// so text that starts with a newline there would lose it on every round trip.
function keepLeadingNewline(element: Element): void {
  const first = element.childNodes[0];
  if (!dropsLeadingNewline(element.tagName) || first === undefined || !adapter.isTextNode(first)) return;
  if (first.value.startsWith('\n')) first.value = `\n${first.value}`;
}
