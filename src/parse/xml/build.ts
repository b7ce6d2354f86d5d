import { Tokenizer } from 'htmlparser2';
import { CONVENTIONAL_PREFIXES } from './namespaces.ts';
import { decodeAttribute, decodeText, type EntityIssues } from './entities.ts';
import type { XmlDocument, XmlElement, XmlText } from './tree.ts';

type Scope = ReadonlyMap<string, string>;

const EMPTY_SCOPE: Scope = new Map();
const MAX_DEPTH = 256;
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
  // XML 2.11: every CR LF and lone CR is read as LF.
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  const issues: EntityIssues = { unescapedAmpersand: false, undefinedEntity: undefined };
  const scopes: Scope[] = [];
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let truncatedAt: string | undefined;
  let misnested: string | undefined;
  let declaresEntities = false;
  let undeclaredPrefix: string | undefined;
  let flattened = 0;
  let deepest = 0;
  const conventional = (prefix: string): string => {
    if (prefix !== '' && prefix !== 'xml') undeclaredPrefix ??= prefix;
    return CONVENTIONAL_PREFIXES.get(prefix) ?? '';
  };

  // Our own stack of open elements (htmlparser2's Parser keeps one with Array#unshift, which
  // turns 100,000 unclosed tags into minutes): the Tokenizer only reports what it reads.
  const open: XmlElement[] = [];
  const closeTop = (): void => {
    open.pop();
    scopes.pop();
    current = open.at(-1);
  };
  const start = (name: string, rawAttrs: Record<string, string>): void => {
    // Past MAX_DEPTH elements are flattened into their ancestor (text kept), so every
    // recursive walk over the tree stays bounded on hostile nesting.
    if (open.length >= MAX_DEPTH) {
      flattened++;
      deepest = MAX_DEPTH;
      return;
    }
    const parentScope = scopes.at(-1) ?? EMPTY_SCOPE;
    const { attrs, scope } = readAttributes(rawAttrs, parentScope);
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const element: XmlElement = {
      kind: 'element',
      name,
      local: (colon === -1 ? name : name.slice(colon + 1)).toLowerCase(),
      ns: scope.get(prefix) ?? conventional(prefix),
      attrs,
      children: [],
      parent: current,
      complete: true,
    };
    // A second top-level element is kept out of the tree: only the first root counts.
    if (current) current.children.push(element);
    else if (root) return;
    else root = element;
    current = element;
    open.push(element);
    scopes.push(scope);
  };
  const end = (name: string): void => {
    if (flattened > 0) {
      flattened--;
      return;
    }
    let index = open.length - 1;
    while (index >= 0 && open[index]?.name !== name) index--;
    // An end tag with no open element of its name is ignored.
    if (index < 0) return;
    // End tags that skip open elements close them there: bad nesting, recovered.
    while (open.length - 1 > index) {
      misnested ??= current?.name;
      closeTop();
    }
    closeTop();
  };

  let tagName = '';
  let rawAttrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const slice = (from: number, to: number): string => text.slice(from, to);
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext: (from, to) => {
        if (current) appendText(current, decodeText(slice(from, to), issues), false);
      },
      ontextentity: () => undefined,
      onopentagname: (from, to) => {
        tagName = slice(from, to);
        rawAttrs = {};
      },
      onattribname: (from, to) => {
        attrName = slice(from, to);
        attrValue = '';
      },
      onattribdata: (from, to) => {
        attrValue += slice(from, to);
      },
      onattribentity: () => undefined,
      onattribend: () => {
        // The first of duplicated attributes wins.
        if (!Object.hasOwn(rawAttrs, attrName)) rawAttrs[attrName] = attrValue;
      },
      onopentagend: () => start(tagName, rawAttrs),
      onselfclosingtag: () => {
        start(tagName, rawAttrs);
        end(tagName);
      },
      onclosetag: (from, to) => end(slice(from, to)),
      oncomment: () => undefined,
      oncdata: (from, to, offset) => {
        if (current) appendText(current, slice(from, to - offset), true);
      },
      ondeclaration: (from, to) => {
        if (/^entity\b/i.test(slice(from, to))) declaresEntities = true;
      },
      onprocessinginstruction: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  // Whatever is still open when the document ends was cut off: a truncated download.
  for (const element of open) {
    element.complete = false;
    truncatedAt ??= element.name;
  }
  if (truncatedAt !== undefined) truncatedAt = open.at(-1)?.name ?? truncatedAt;

  if (declaresEntities) warnings.push('document declares DTD entities; they were not expanded');
  if (issues.unescapedAmpersand) warnings.push('document contains an unescaped "&"; it was kept as text');
  if (issues.undefinedEntity !== undefined) {
    warnings.push(`document uses entities XML does not define (e.g. &${issues.undefinedEntity};); decoded as HTML`);
  }
  if (deepest >= MAX_DEPTH) warnings.push(`elements are nested deeper than ${MAX_DEPTH} levels; the deeper ones were flattened into their text`);
  if (undeclaredPrefix !== undefined) warnings.push(`document uses the prefix "${undeclaredPrefix}:" without declaring it; read it as its usual namespace`);
  if (misnested !== undefined) warnings.push(`element <${misnested}> was not closed before its parent; closed it there`);
  if (truncatedAt !== undefined) warnings.push(`document ended before </${truncatedAt}> (truncated?)`);
  const malformed = warnings.find((warning) => !warning.includes('DTD entities'));
  return malformed === undefined ? { root, warnings } : { root, warnings, malformed };
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
