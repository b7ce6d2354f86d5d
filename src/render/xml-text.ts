// XML 1.0 Char production (https://www.w3.org/TR/xml/#charsets): tab, LF, CR and
// U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF. With the `u` flag a valid surrogate pair
// is one code point, so only lone surrogates fall outside these ranges.
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text without the characters XML 1.0 forbids (a feed may carry them; they break parsers). */
export function stripForbiddenXmlChars(text: string): string {
  return text.replace(forbidden, '');
}

/** Text made safe for XML character data and quoted attributes: forbidden chars dropped, then escaped. */
export function xmlText(text: string): string {
  return stripForbiddenXmlChars(text).replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}
