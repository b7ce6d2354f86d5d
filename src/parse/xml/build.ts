import { Parser } from 'htmlparser2';
import { CONVENTIONAL_PREFIXES } from './namespaces.ts';
import { decodeAttribute, decodeText, type EntityIssues } from './entities.ts';
import type { XmlDocument, XmlElement, XmlText } from './tree.ts';

type Scope = ReadonlyMap<string, string>;

const EMPTY_SCOPE: Scope = new Map();
// C0 controls other than tab, LF and CR are not allowed in XML 1.0 (https://www.w3.org/TR/xml/#charsets).
const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F]/; // eslint-disable-line no-control-regex
const CONTROL_CHARS = new RegExp(CONTROL_CHAR.source, 'g');

/**
 * Builds an element tree from a feed document with htmlparser2's tokenizer, recovering
 * from what strict XML parsers reject: bare `&`, HTML entities, bad nesting, control
 * characters, truncation. DTDs are read as inert declarations, so no entity is ever
 * expanded and nothing external is fetched.
 */
export function parseXml(text: string): XmlDocument {
  const warnings: string[] = [];
  if (CONTROL_CHAR.test(text)) {
    warnings.push('document contains control characters that XML forbids; they were removed');
    text = text.replace(CONTROL_CHARS, '');
  }
  const issues: EntityIssues = { unescapedAmpersand: false, undefinedEntity: undefined };
  const scopes: Scope[] = [];
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let inCdata = false;
  let atEnd = false;
  let truncatedAt: string | undefined;
  let misnested: string | undefined;
  let declaresEntities = false;

  const parser = new Parser(
    {
      onopentag(name, rawAttrs) {
        const parentScope = scopes.at(-1) ?? EMPTY_SCOPE;
        const { attrs, scope } = readAttributes(rawAttrs, parentScope);
        const colon = name.indexOf(':');
        const prefix = colon === -1 ? '' : name.slice(0, colon);
        const element: XmlElement = {
          kind: 'element',
          name,
          local: (colon === -1 ? name : name.slice(colon + 1)).toLowerCase(),
          ns: scope.get(prefix) ?? CONVENTIONAL_PREFIXES.get(prefix) ?? '',
          attrs,
          children: [],
          parent: current,
          complete: true,
        };
        // A second top-level element is kept out of the tree: only the first root counts.
        if (current) current.children.push(element);
        else root ??= element;
        current = element;
        scopes.push(scope);
      },
      onclosetag(name, isImplied) {
        if (!current) return;
        if (atEnd) {
          current.complete = false;
          truncatedAt ??= name;
        } else if (isImplied && text.charCodeAt(parser.endIndex - 1) !== 47 /* / */) {
          // htmlparser2 reports `<x/>` as implied too; only an end tag that skipped open elements is misnesting.
          misnested ??= name;
        }
        current = current.parent;
        scopes.pop();
      },
      ontext(data) {
        if (!current) return;
        appendText(current, inCdata ? data : decodeText(data, issues), inCdata);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onprocessinginstruction(name) {
        if (name === '!ENTITY' || name === '!entity') declaresEntities = true;
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.write(text);
  atEnd = true;
  parser.end();

  if (declaresEntities) warnings.push('document declares DTD entities; they were not expanded');
  if (issues.unescapedAmpersand) warnings.push('document contains an unescaped "&"; it was kept as text');
  if (issues.undefinedEntity !== undefined) {
    warnings.push(`document uses entities XML does not define (e.g. &${issues.undefinedEntity};); decoded as HTML`);
  }
  if (misnested !== undefined) warnings.push(`element <${misnested}> was not closed before its parent; closed it there`);
  if (truncatedAt !== undefined) warnings.push(`document ended before </${truncatedAt}> (truncated?)`);
  return { root, warnings };
}

/** Decodes attribute values and opens a new namespace scope only when the element declares one. */
function readAttributes(raw: Record<string, string>, parentScope: Scope): { attrs: Record<string, string>; scope: Scope } {
  let scope = parentScope;
  const attrs: Record<string, string> = {};
  for (const key in raw) {
    const value = decodeAttribute(raw[key] ?? '');
    attrs[key] = value;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      const copy = scope === parentScope ? new Map(parentScope) : (scope as Map<string, string>);
      copy.set(key === 'xmlns' ? '' : key.slice(6), value.trim());
      scope = copy;
    }
  }
  return { attrs, scope };
}

function appendText(element: XmlElement, text: string, cdata: boolean): void {
  const last = element.children.at(-1);
  if (last && last.kind === 'text' && last.cdata === cdata) {
    last.text += text;
    return;
  }
  const node: XmlText = { kind: 'text', text, cdata };
  element.children.push(node);
}
