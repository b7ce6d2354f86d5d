import { escapeAttribute, escapeText } from 'entities';
import { XHTML_NS } from './namespaces.ts';
import type { XmlElement } from './tree.ts';

const FOREIGN_NAMESPACES: ReadonlySet<string> = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML']);
// HTML void elements (https://html.spec.whatwg.org/multipage/syntax.html#void-elements) get no end tag.
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

/** The element's children written back out as HTML markup (Atom xhtml content, raw markup in RSS). */
export function serializeChildren(element: XmlElement): string {
  const parts: string[] = [];
  writeChildren(element, parts);
  return parts.join('');
}

function writeChildren(element: XmlElement, parts: string[]): void {
  for (const child of element.children) {
    if (child.kind === 'text') parts.push(escapeText(child.text));
    else writeElement(child, parts);
  }
}

function writeElement(element: XmlElement, parts: string[]): void {
  // `<xhtml:p>` is a plain `<p>` once it is HTML, `<svg:svg>` an `<svg>` declaring its namespace, as
  // HTML writes inline SVG and MathML; other prefixes stay as written.
  const foreign = FOREIGN_NAMESPACES.has(element.ns);
  const name = element.ns === XHTML_NS || foreign ? element.name.slice(element.name.indexOf(':') + 1) : element.name;
  parts.push('<', name);
  if (foreign && element.parent?.ns !== element.ns && element.attrs.xmlns === undefined) parts.push(' xmlns="', element.ns, '"');
  for (const key in element.attrs) {
    // The XHTML namespace goes away with the prefixes; others (SVG, MathML, XLink) must stay declared.
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && element.attrs[key] === XHTML_NS) continue;
    parts.push(' ', key, '="', escapeAttribute(element.attrs[key] ?? ''), '"');
  }
  parts.push('>');
  if (element.children.length === 0 && VOID_ELEMENTS.has(element.local)) return;
  writeChildren(element, parts);
  parts.push('</', name, '>');
}
