import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities';

/** Which kinds of entity trouble a document has shown; each is reported once. */
export interface EntityIssues {
  unescapedAmpersand: boolean;
  undefinedEntity: string | undefined;
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Decodes character data: XML's five entities, numeric references and HTML's named ones. */
export function decodeText(raw: string, issues: EntityIssues): string {
  if (raw.indexOf('&') === -1) return raw;
  if (!issues.unescapedAmpersand || issues.undefinedEntity === undefined) noteIssues(raw, issues);
  // Strict mode: a bare `&` (as in "AT&T") stays literal instead of eating "&not" etc.
  // &lang; and &rang; keep their HTML 4 meaning (U+2329/U+232A), which feeds were written against.
  return decodeHTMLStrict(raw.replace(/&([lr])ang;/g, (_match, side: string) => (side === 'l' ? '\u2329' : '\u232a')));
}

/** Decodes an attribute value; HTML's attribute rules keep `?a=1&copy=2` in URLs intact. */
export function decodeAttribute(raw: string): string {
  return raw.indexOf('&') === -1 ? raw : decodeHTMLAttribute(raw);
}

/** Classifies each `&` with a plain scan: a reference, an entity XML does not define, or a bare `&`. */
function noteIssues(raw: string, issues: EntityIssues): void {
  for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', at + 1)) {
    let end = at + 1;
    if (raw.charCodeAt(end) === 35 /* # */) {
      end++;
      while (end < raw.length && isNameChar(raw.charCodeAt(end))) end++;
      if (end > at + 2 && raw.charCodeAt(end) === 59 /* ; */) continue;
      issues.unescapedAmpersand = true;
      continue;
    }
    while (end < raw.length && isNameChar(raw.charCodeAt(end))) end++;
    if (end === at + 1 || raw.charCodeAt(end) !== 59) {
      issues.unescapedAmpersand = true;
      continue;
    }
    const name = raw.slice(at + 1, end);
    if (!XML_ENTITIES.has(name) && issues.undefinedEntity === undefined) issues.undefinedEntity = name;
  }
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
