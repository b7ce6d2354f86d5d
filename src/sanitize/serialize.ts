// Escaping for the HTML serialisation algorithm:
// https://html.spec.whatwg.org/multipage/parsing.html#escapingString

const textSpecial = /[&<>\u00a0]/;
const textSpecials = /[&<>\u00a0]/g;
// In attribute values < and > are escaped too, as browsers do since 2025: a value that reads
// as markup can never turn into markup if the output is ever parsed in another context.
const attributeSpecial = /[&"<>\u00a0]/;
const attributeSpecials = /[&"<>\u00a0]/g;

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' };
const replace = (c: string): string => replacements[c] ?? c;

/** Text as the content of a normal element. */
export function escapeText(text: string): string {
  return textSpecial.test(text) ? text.replace(textSpecials, replace) : text;
}

/** An attribute value, for a double-quoted attribute. */
export function escapeAttribute(value: string): string {
  return attributeSpecial.test(value) ? value.replace(attributeSpecials, replace) : value;
}
