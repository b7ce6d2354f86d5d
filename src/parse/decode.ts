import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** A document's text and how it was decoded. */
export interface DecodedBody {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  warnings: string[];
}

const UTF8 = 'utf-8';
// WHATWG Encoding (https://encoding.spec.whatwg.org/#names-and-labels) reads these labels as
// windows-1252; feeds labelled ISO-8859-1 routinely contain its curly quotes at 0x93/0x94.
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252']);
const CHARSET_PARAM = /;\s*charset\s*=\s*["']?([^"';\s]+)/i;
const PROLOG_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/;

/**
 * Turns a body into text. Order of evidence: byte-order mark, then the Content-Type
 * charset, then the XML declaration's encoding, then UTF-8; when the header and the
 * declaration disagree, the bytes' UTF-8 validity breaks the tie.
 */
export function decodeBody(body: Uint8Array | string, contentType: string | undefined): DecodedBody {
  if (typeof body === 'string') {
    return { text: body.charCodeAt(0) === 0xfeff ? body.slice(1) : body, encoding: UTF8, warnings: [] };
  }
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const fromBom = sniffBom(bytes);
  if (fromBom) return { text: iconv.decode(bytes.subarray(fromBom.length), fromBom.encoding), encoding: fromBom.encoding, warnings: [] };

  const warnings: string[] = [];
  const header = normalizeLabel(CHARSET_PARAM.exec(contentType ?? '')?.[1], 'Content-Type charset', warnings);
  const prolog = normalizeLabel(PROLOG_ENCODING.exec(bytes.toString('latin1', 0, 512))?.[1], 'XML declaration encoding', warnings);
  let encoding = header ?? prolog;
  if (header && prolog && header !== prolog) {
    // Servers often send a default charset the document contradicts; believe whichever label the bytes bear out.
    if (header === UTF8 || prolog === UTF8) encoding = isUtf8(bytes) ? UTF8 : header === UTF8 ? prolog : header;
    warnings.push(`Content-Type says ${header} but the document declares ${prolog}; decoded as ${encoding}`);
  }
  if (encoding === undefined || encoding === UTF8) return decodeUtf8(bytes, encoding === undefined, warnings);
  return { text: iconv.decode(bytes, encoding), encoding, warnings };
}

function sniffBom(bytes: Buffer): { encoding: string; length: number } | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: UTF8, length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  // No BOM, but "<?" as UTF-16 (https://www.w3.org/TR/xml/#sec-guessing-no-ext-info).
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { encoding: 'utf-16le', length: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { encoding: 'utf-16be', length: 0 };
  return undefined;
}

/** Maps a declared label to an encoding iconv-lite knows; undefined (with a warning) when it is unusable. */
function normalizeLabel(label: string | undefined, source: string, warnings: string[]): string | undefined {
  if (label === undefined) return undefined;
  const name = label.trim().toLowerCase();
  if (name === 'utf8' || name === UTF8) return UTF8;
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  // Without a BOM these bytes were readable as ASCII, so a UTF-16/32 label cannot be right.
  if (name.startsWith('utf-16') || name.startsWith('utf-32') || name === 'ucs-2') {
    warnings.push(`${source} says ${label} but the bytes are not UTF-16; ignored it`);
    return undefined;
  }
  if (iconv.encodingExists(name)) return name;
  warnings.push(`${source} names an unknown encoding "${label}"; ignored it`);
  return undefined;
}

function decodeUtf8(bytes: Buffer, undeclared: boolean, warnings: string[]): DecodedBody {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: UTF8, warnings };
  if (undeclared) {
    // No label and not UTF-8: the likeliest encoding of an old feed is windows-1252, as browsers assume.
    warnings.push('document is not valid UTF-8 and declares no encoding; decoded as windows-1252');
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', warnings };
  }
  warnings.push('document declares UTF-8 but contains invalid UTF-8; bad bytes became U+FFFD');
  return { text: bytes.toString('utf8'), encoding: UTF8, warnings };
}
