import { decodeHTMLStrict } from 'entities';
import {
  ACCEPTABLE_ATTRIBUTES,
  ACCEPTABLE_ELEMENTS,
  CSS_KEYWORDS,
  CSS_PROPERTIES,
  DROPPED_WITH_CONTENT,
  MATHML_ATTRIBUTES,
  MATHML_ELEMENTS,
  RELATIVE_URI_ATTRIBUTES,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  VOID_ELEMENTS,
} from './allowlist.ts';
import { cp1252Char } from './cp1252.ts';
import { tokenizeHtml } from './html-tokens.ts';
import { safeAbsoluteUrl, safeUrl } from './uri.ts';

// feedparser re-tokenizes every HTML value and writes it back out; these reproduce the
// observable rules of that writer: references kept as written, unknown entities escaped,
// attributes sorted, double-quoted and lower-cased, void elements as `<br />`.
const CHAR_OR_ENTITY_REF = /&(?:#(\d+|[xX][0-9a-fA-F]+)(;?)|([a-zA-Z][-.a-zA-Z0-9]*)(;?))/g;
const BARE_AMPERSAND = /&(?!#\d+;|#x[0-9a-fA-F]+;|\w+;)/g;
const SHORT_TAG = /<([^<>\s]+?)\s*\/>/g;
const MARKUP_DECLARATION = /<!((?!DOCTYPE|--|\[))/gi;

/** How to clean: the base for relative URLs (feedparser's resolve step) and whether to sanitize. */
export interface CleanOptions {
  base: string;
  sanitize: boolean;
  /** The value's MIME type: in text/html, <svg> and <math> get their namespace implied. */
  type?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const lowerMap = (names: ReadonlySet<string>): ReadonlyMap<string, string> => new Map([...names].map((name) => [name.toLowerCase(), name]));
const SVG_ELEMENT_CASE = lowerMap(SVG_ELEMENTS);
const SVG_ATTRIBUTE_CASE = lowerMap(SVG_ATTRIBUTES);
const SVG_ATTRIBUTES_LOWER = new Set(SVG_ATTRIBUTE_CASE.keys());

/** What a start tag becomes: dropped, or written with this name and these allowed attributes. */
interface TagRule {
  name: string;
  allowed: ReadonlySet<string>;
  attributeCase?: ReadonlyMap<string, string>;
}

/** An HTML value as feedparser 6.0.10 returns it: URLs resolved, sanitized, re-serialized, trimmed. */
export function cleanHtml(html: string, options: CleanOptions): string {
  let source = html.replace(MARKUP_DECLARATION, '&lt;!$1').replace(SHORT_TAG, (_match, tag: string) => {
    const name = tag.toLowerCase();
    return VOID_ELEMENTS.has(name) ? `<${tag} />` : `<${tag}></${tag}>`;
  });
  source = source.replaceAll('&#39;', "'").replaceAll('&#34;', '"');
  if (options.sanitize) source = source.replaceAll('<![CDATA[', '&lt;![CDATA[');
  const pieces: string[] = [];
  let dropping = 0;
  let svg = 0;
  let math = 0;
  // The sanitizer's rule for a start tag, tracking <svg>/<math> islands where their vocabularies apply.
  const ruleFor = (name: string, attrs: Record<string, string>): TagRule | undefined => {
    if (!options.sanitize) return { name, allowed: ACCEPTABLE_ATTRIBUTES };
    if (ACCEPTABLE_ELEMENTS.has(name) && svg === 0) return { name, allowed: ACCEPTABLE_ATTRIBUTES };
    if (DROPPED_WITH_CONTENT.has(name)) dropping++;
    if ((name === 'svg' || name === 'math') && attrs.xmlns === undefined && (options.type ?? 'text/html').endsWith('html')) {
      attrs.xmlns = name === 'svg' ? SVG_NS : MATHML_NS;
    }
    if (name === 'math' && attrs.xmlns === MATHML_NS) math++;
    if (name === 'svg' && attrs.xmlns === SVG_NS) svg++;
    if (math > 0 && MATHML_ELEMENTS.has(name)) return { name, allowed: MATHML_ATTRIBUTES };
    const svgName = SVG_ELEMENT_CASE.get(name);
    if (svg > 0 && svgName !== undefined) return { name: svgName, allowed: SVG_ATTRIBUTES_LOWER, attributeCase: SVG_ATTRIBUTE_CASE };
    return ACCEPTABLE_ELEMENTS.has(name) ? { name, allowed: ACCEPTABLE_ATTRIBUTES } : undefined;
  };
  const endName = (name: string): string | undefined => {
    if (!options.sanitize || (ACCEPTABLE_ELEMENTS.has(name) && svg === 0)) return name;
    if (DROPPED_WITH_CONTENT.has(name)) dropping--;
    if (math > 0 && MATHML_ELEMENTS.has(name)) {
      if (name === 'math') math--;
      return name;
    }
    const svgName = SVG_ELEMENT_CASE.get(name);
    if (svg > 0 && svgName !== undefined) {
      if (name === 'svg') svg--;
      return svgName;
    }
    return ACCEPTABLE_ELEMENTS.has(name) ? name : undefined;
  };
  tokenizeHtml(source, {
    start(name, attrs) {
      const rule = ruleFor(name, attrs);
      if (rule) pieces.push(startTag(rule, attrs, options, svg > 0 || math > 0));
    },
    end(name) {
      const written = endName(name);
      if (written !== undefined && !VOID_ELEMENTS.has(name)) pieces.push(`</${written}>`);
    },
    text(raw) {
      // Like feedparser's counter, a stray </script> can take it below zero, which also hides text.
      if (dropping === 0) pieces.push(rewriteReferences(raw));
    },
    comment(raw) {
      pieces.push(`<!--${raw}-->`);
    },
  });
  return pieces.join('').trim().replaceAll('\r\n', '\n');
}

function startTag(rule: TagRule, raw: Record<string, string>, options: CleanOptions, foreign: boolean): string {
  const { name } = rule;
  // Inside SVG or MathML an xlink: attribute needs its namespace declared.
  if (foreign && raw['xmlns:xlink'] === undefined && Object.keys(raw).some((key) => key.startsWith('xlink:'))) raw['xmlns:xlink'] = XLINK_NS;
  const attrs: [string, string][] = [];
  for (const key of Object.keys(raw).sort()) {
    let value = raw[key] ?? '';
    if (key === 'rel' || key === 'type') value = value.toLowerCase();
    if (RELATIVE_URI_ATTRIBUTES.has(`${name}@${key}`)) value = safeAbsoluteUrl(options.base, value.trim());
    if (options.sanitize) {
      if (key === 'style') {
        value = cleanStyle(value);
        if (value === '') continue;
      } else if (!rule.allowed.has(key)) {
        continue;
      } else if (key === 'href') {
        value = safeUrl(value);
      }
    }
    attrs.push([rule.attributeCase?.get(key) ?? key, value]);
  }
  const written = attrs
    .map(([key, value]) => ` ${key}="${value.replaceAll('>', '&gt;').replaceAll('<', '&lt;').replaceAll('"', '&quot;').replace(BARE_AMPERSAND, '&amp;')}"`)
    .join('');
  return VOID_ELEMENTS.has(name) ? `<${name}${written} />` : `<${name}${written}>`;
}

/** Character references stay as written (with their `;`); names HTML does not define lose their `&`. */
function rewriteReferences(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(CHAR_OR_ENTITY_REF, (match, char: string | undefined, _semi1: string, name: string | undefined) => {
    if (char !== undefined) {
      const code = char[0] === 'x' || char[0] === 'X' ? Number.parseInt(char.slice(1), 16) : Number(char);
      const mapped = cp1252Char(code);
      return mapped === undefined ? `&#${char.toLowerCase()};` : `&#x${mapped.charCodeAt(0).toString(16)};`;
    }
    if (name === undefined) return match;
    return name === 'apos' || decodeHTMLStrict(`&${name};`) !== `&${name};` ? `&${name};` : `&amp;${name}`;
  });
}

const CSS_URL = /url\s*\(\s*[^\s)]+?\s*\)\s*/g;
const CSS_GAUNTLET = /^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$/;
const CSS_DECLARATION = /([-\w]+)\s*:\s*([^:;]*)/g;
const CSS_VALUE = /^(#[0-9a-fA-F]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;

/** A style attribute reduced to the declarations feedparser allows; '' drops the attribute. */
function cleanStyle(style: string): string {
  const value = style.replace(CSS_URL, ' ');
  if (!CSS_GAUNTLET.test(value)) return '';
  if (value.replace(/\s*[-\w]+\s*:\s*[^:;]*;?/g, '').trim() !== '') return '';
  const clean: string[] = [];
  for (const [, property = '', propertyValue = ''] of value.matchAll(CSS_DECLARATION)) {
    if (propertyValue === '') continue;
    const name = property.toLowerCase();
    if (CSS_PROPERTIES.has(name)) {
      clean.push(`${property}: ${propertyValue};`);
    } else if (['background', 'border', 'margin', 'padding'].includes(name.split('-')[0] ?? '')) {
      if (propertyValue.split(/\s+/).filter(Boolean).every((word) => CSS_KEYWORDS.has(word) || CSS_VALUE.test(word))) {
        clean.push(`${property}: ${propertyValue};`);
      }
    }
  }
  return clean.join(' ');
}
