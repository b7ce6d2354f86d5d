import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { FetchError } from '../model/index.ts';
import { abandonBody, headerValue } from './client.ts';
import type { HopResponse } from './client.ts';

/** The content codings we decode (https://www.rfc-editor.org/rfc/rfc9110#section-8.4.1). */
type Coding = 'gzip' | 'deflate' | 'br';

const CODING_NAMES: Record<string, Coding> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

/** zlib's own error codes (Z_DATA_ERROR, ...) and brotli's (ERR__ERROR_FORMAT_...): the body is not what it claims. */
const DECODE_ERROR = /^(Z_|ERR__ERROR_)/;

/**
 * Reads a response body as a stream, decoding its Content-Encoding and counting the decoded
 * bytes against `maxBytes`; it stops reading as soon as the cap is passed, so a small
 * compressed body cannot inflate into a huge one. `where` names the feed in messages.
 */
export async function readBody(response: HopResponse, where: string, maxBytes: number): Promise<Buffer> {
  const codings = parseCodings(response, where);
  const length = Number(headerValue(response, 'content-length'));
  // Content-Length says nothing about an encoded body's decoded size, but a plain body over the cap needs no reading.
  if (codings.length === 0 && length > maxBytes) {
    abandonBody(response);
    throw tooLarge(where, maxBytes);
  }

  const decoded = decode(response.body, codings);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      // Leaving the loop destroys the stream, and with it the decoders and the connection.
      if (total > maxBytes) throw tooLarge(where, maxBytes);
      chunks.push(buffer);
    }
  } catch (error) {
    if (isDecodeError(error)) {
      const message = `fetch: ${where} sent a body that is not valid ${codings.join(', ')} as its Content-Encoding claims (${error.message}) (feed kept; the server is misconfigured)`;
      throw new FetchError('bad-encoding', message, { cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/** The codings named by Content-Encoding, in the order they were applied; an unknown one is an error. */
function parseCodings(response: HopResponse, where: string): Coding[] {
  const header = headerValue(response, 'content-encoding') ?? '';
  const codings: Coding[] = [];
  for (const name of header.toLowerCase().split(',')) {
    const token = name.trim();
    if (token === '' || token === 'identity') continue;
    const coding = CODING_NAMES[token];
    if (coding === undefined) {
      abandonBody(response);
      throw new FetchError(
        'bad-encoding',
        `fetch: ${where} sent its body in the unsupported Content-Encoding "${token}" although we asked only for gzip, deflate or br (feed kept; the server is misconfigured)`,
      );
    }
    codings.push(coding);
  }
  return codings;
}

/** Chains one decoder per coding, last applied first; errors anywhere surface on the returned stream. */
function decode(body: Readable, codings: Coding[]): Readable {
  const decoders = codings.toReversed().map(decoderFor);
  const last = decoders.at(-1);
  if (last === undefined) return body;
  // The callback may ignore errors: pipeline destroys the last stream with them, and the reader sees them there.
  pipeline([body, ...decoders], () => undefined);
  return last;
}

function decoderFor(coding: Coding): Transform {
  // Unzip reads gzip and zlib-wrapped deflate alike, since servers mix up the two labels.
  return coding === 'br' ? createBrotliDecompress() : createUnzip();
}

function isDecodeError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && DECODE_ERROR.test(error.code);
}

function tooLarge(where: string, maxBytes: number): FetchError {
  return new FetchError(
    'too-large',
    `fetch: ${where} sent a body larger than ${maxBytes} bytes once decompressed (feed kept; raise fetch.max_size in planet.toml if the feed is really that big)`,
  );
}
