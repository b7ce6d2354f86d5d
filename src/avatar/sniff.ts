/** An image format Planet publishes as an avatar, with the extension and type it is served as. */
export interface ImageType {
  ext: 'png' | 'jpg' | 'gif' | 'webp' | 'ico';
  contentType: string;
}

const png: ImageType = { ext: 'png', contentType: 'image/png' };
const jpg: ImageType = { ext: 'jpg', contentType: 'image/jpeg' };
const gif: ImageType = { ext: 'gif', contentType: 'image/gif' };
const webp: ImageType = { ext: 'webp', contentType: 'image/webp' };
const ico: ImageType = { ext: 'ico', contentType: 'image/x-icon' };

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

/**
 * The raster format the bytes are, by their magic numbers (the WHATWG MIME Sniffing standard's
 * image patterns, https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern), never by
 * the server's Content-Type; undefined for anything else, SVG included (see avatarProblem).
 */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpg;
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return gif;
  // "RIFF" <4 length bytes> "WEBPVP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50, 0x56, 0x50], 8)) return webp;
  // ICONDIR: reserved 0, type 1 (icon), then at least one image entry.
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6 + 16 && (bytes[4] ?? 0) + (bytes[5] ?? 0) > 0) return ico;
  return undefined;
}

/** True when the bytes read as an SVG document (possibly gzipped): refused, it can carry script. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0x1f, 0x8b])) return true;
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').toLowerCase();
  return head.includes('<svg');
}

/** Largest avatar accepted, in bytes: a face or an icon, not a photo album. */
export const avatarMaxBytes = 200 * 1024;

/**
 * Why these bytes may not be published as an avatar, or undefined when they may. Remote SVG is
 * refused rather than rasterised: it may hold script and external references, and a rasteriser
 * is a dependency Planet does not carry; the next candidate (or the initials) stands in.
 */
export function avatarProblem(bytes: Uint8Array, maxBytes = avatarMaxBytes): string | undefined {
  if (bytes.length === 0) return 'it is empty';
  if (bytes.length > maxBytes) return `it is ${bytes.length} bytes, more than the ${maxBytes} allowed`;
  if (sniffImage(bytes) !== undefined) return undefined;
  if (looksLikeSvg(bytes)) return 'it is SVG (or gzip), which is not published from other sites because it can carry script';
  return 'it is not a PNG, JPEG, GIF, WebP or ICO image';
}
