import { serializeChildren } from './serialize.ts';
import type { XmlElement } from './tree.ts';

/** The element's attribute by qualified name, else by local name (`rdf:about` or `about`). */
export function attr(element: XmlElement, name: string): string | undefined {
  const value = element.attrs[name];
  if (value !== undefined) return value;
  const colon = name.indexOf(':');
  return colon === -1 ? undefined : element.attrs[name.slice(colon + 1)];
}

/** The first child element with this local name in one of these namespaces. */
export function firstChild(element: XmlElement, namespaces: ReadonlySet<string>, local: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.kind === 'element' && child.local === local && namespaces.has(child.ns)) return child;
  }
  return undefined;
}

/**
 * Descendants with this local name in one of these namespaces, in document order, not
 * looking inside a match. Reaches elements an unclosed sibling swallowed (`<x><item>`).
 */
export function findNested(element: XmlElement, namespaces: ReadonlySet<string>, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (child.local === local && namespaces.has(child.ns)) out.push(child);
    else if (child.children.length > 0) findNested(child, namespaces, local, out);
  }
  return out;
}

/** All character data below the element, concatenated (entities already decoded). */
export function textOf(element: XmlElement): string {
  const only = element.children.length === 1 ? element.children[0] : undefined;
  if (only?.kind === 'text') return only.text;
  const parts: string[] = [];
  collectText(element, parts);
  return parts.join('');
}

/**
 * The element's content read as HTML: its text when it holds only text (escaped or CDATA
 * markup), else its children serialized, for feeds that put raw markup inside a field.
 */
export function innerHtml(element: XmlElement): string {
  for (const child of element.children) {
    if (child.kind === 'element') return serializeChildren(element);
  }
  return textOf(element);
}

function collectText(element: XmlElement, parts: string[]): void {
  for (const child of element.children) {
    if (child.kind === 'text') parts.push(child.text);
    else collectText(child, parts);
  }
}
