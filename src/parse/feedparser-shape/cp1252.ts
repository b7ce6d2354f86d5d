import iconv from 'iconv-lite';

// C1 controls (U+0080-U+009F) in feeds are nearly always windows-1252 bytes mislabelled as
// ISO-8859-1 (curly quotes at 0x91-0x94); feedparser reads them as windows-1252 does.
const C1 = /[\u0080-\u009f]/g;

/** The windows-1252 character for a code point in 0x80-0x9F, else undefined. */
export function cp1252Char(code: number): string | undefined {
  if (code < 0x80 || code > 0x9f) return undefined;
  const char = iconv.decode(Buffer.from([code]), 'windows-1252');
  return char === '\ufffd' ? undefined : char;
}

/** Text with its C1 controls read as windows-1252. */
export function demoronize(text: string): string {
  return C1.test(text) ? text.replace(C1, (char) => cp1252Char(char.charCodeAt(0)) ?? char) : text;
}
