import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** A document's text and how it was decoded. */
export interface DecodedBody {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  /** The label the encoding was chosen by, lower-cased as the document or server wrote it. */
  label?: string;
  /** Set when the bytes contradict their declared encoding (feedparser counts it as not well-formed). */
  malformed?: string;
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
  if (fromBom) {
    const rest = bytes.subarray(fromBom.length);
    const decoded: DecodedBody = { text: iconv.decode(rest, fromBom.encoding), encoding: fromBom.encoding, warnings: [] };
    if (fromBom.encoding === UTF8 && !isUtf8(rest)) decoded.malformed = 'the document has a UTF-8 byte-order mark but is not UTF-8';
    return decoded;
  }

  const warnings: string[] = [];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const headerLabel = CHARSET_PARAM.exec(contentType ?? '')?.[1];
  // RFC 3023 section 3.1: text/xml without a charset is us-ascii, whatever the document declares.
  // That is the label reported (as feedparser does); the bytes are still read by the evidence below.
  const textXmlDefault = mediaType !== undefined && isTextXml(mediaType) && headerLabel === undefined;
  const prologLabel = PROLOG_ENCODING.exec(bytes.toString('latin1', 0, 512))?.[1];
  const header = normalizeLabel(headerLabel, 'Content-Type charset', warnings);
  const prolog = normalizeLabel(prologLabel, 'XML declaration encoding', warnings);
  const encoding = header ?? prolog;
  const decoded = decodeAs(bytes, encoding, header, prolog, warnings);
  if (mediaType !== undefined && !isXmlMediaType(mediaType)) decoded.malformed = `served as ${mediaType}, not an XML media type`;
  if (prologLabel !== undefined && prolog === undefined && decoded.malformed === undefined) decoded.malformed = `the declared encoding "${prologLabel}" is unknown`;
  // The label the encoding was chosen by, as written; feedparser reports gb2312 as its superset gb18030.
  const label = (encoding === header ? headerLabel : encoding === prolog ? prologLabel : undefined)?.trim().toLowerCase();
  if (label !== undefined && decoded.encoding !== 'windows-1252' || label === 'iso-8859-1' || label === 'us-ascii') {
    decoded.label = label === 'gb2312' ? 'gb18030' : label;
  }
  if (textXmlDefault) decoded.label = 'us-ascii';
  return decoded;
}

function decodeAs(bytes: Buffer, chosen: string | undefined, header: string | undefined, prolog: string | undefined, warnings: string[]): DecodedBody {
  let encoding = chosen;
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
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { encoding: 'utf-32be', length: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', length: 0 };
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
  return { text: bytes.toString('utf8'), encoding: UTF8, warnings, malformed: 'declared UTF-8 but is not valid UTF-8' };
}

/** text/xml, text/xml-external-parsed-entity and text/*+xml: the media types RFC 3023 gives a us-ascii default. */
function isTextXml(mediaType: string): boolean {
  return mediaType === 'text/xml' || mediaType === 'text/xml-external-parsed-entity' || (mediaType.startsWith('text/') && mediaType.endsWith('+xml'));
}

/** Whether a Content-Type names XML (or JSON, for JSON Feed); anything else makes the document suspect. */
function isXmlMediaType(mediaType: string): boolean {
  return mediaType.endsWith('/xml') || mediaType.endsWith('+xml') || mediaType.includes('xml-') || mediaType.endsWith('json');
}

