import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeBody } from './decode.ts';
import { parseFeed } from './parse-feed.ts';

const testdata = new URL('./testdata/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, testdata));
const url = 'https://enc.example/feed';

/** Parses a testdata document and returns its feed title (the text that carries the non-ASCII). */
function titleOf(name: string, contentType?: string): string | undefined {
  return parseFeed(read(name), contentType === undefined ? { url } : { url, contentType }).title;
}

test('windows-1252 declared in the prolog: 0x93/0x94 become curly quotes', () => {
  assert.equal(titleOf('windows-1252.xml'), '\u201cQuoted\u201d caf\u00e9');
});

test('ISO-8859-1 in the prolog is read as windows-1252, as browsers do', () => {
  assert.equal(titleOf('iso-8859-1.xml'), 'Caf\u00e9 \u00bb na\u00efve \u201cq\u201d');
});

test('UTF-16 with a byte-order mark, little and big endian', () => {
  assert.equal(titleOf('utf-16le-bom.xml'), '\u65e5\u672c\u8a9e \u2014 dash');
  assert.equal(titleOf('utf-16be-bom.xml'), '\u00c5ngstr\u00f6m');
});

test('UTF-8 byte-order mark is stripped', () => {
  const decoded = decodeBody(read('utf-8-bom.xml'), undefined);
  assert.ok(decoded.text.startsWith('<rss'));
  assert.equal(titleOf('utf-8-bom.xml'), '\u00fcber');
});

test('charset from Content-Type when the document declares none', () => {
  assert.equal(titleOf('koi8-r-no-prolog.xml', 'application/rss+xml; charset="KOI8-R"'), '\u041f\u0440\u0438\u0432\u0435\u0442');
});

test('no label and not UTF-8: decoded as windows-1252 with a warning', () => {
  const feed = parseFeed(read('undeclared-1252.xml'), { url });
  assert.equal(feed.title, '\u201cguess\u201d');
  assert.ok(feed.warnings.some((warning) => warning.includes('windows-1252')));
});

test('a UTF-8 default charset from the server loses to a prolog the bytes bear out', () => {
  const feed = parseFeed(read('windows-1252.xml'), { url, contentType: 'text/xml; charset=utf-8' });
  assert.equal(feed.title, '\u201cQuoted\u201d caf\u00e9');
  assert.ok(feed.warnings.some((warning) => warning.includes('Content-Type says utf-8')));
});

test('a wrong legacy charset from the server loses to valid UTF-8 the prolog declares', () => {
  const body = Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>\u00fcber \u2014</title></channel></rss>');
  assert.equal(parseFeed(body, { url, contentType: 'text/xml; charset=iso-8859-1' }).title, '\u00fcber \u2014');
});

test('declared UTF-8 with a stray invalid byte keeps the rest and warns', () => {
  const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>\u00e9 '), Buffer.from([0xff]), Buffer.from('</title></channel></rss>')]);
  const feed = parseFeed(body, { url });
  assert.equal(feed.title, '\u00e9 \ufffd');
  assert.ok(feed.warnings.some((warning) => warning.includes('invalid UTF-8')));
});

test('unknown encoding names are ignored with a warning', () => {
  const decoded = decodeBody(Buffer.from('<?xml version="1.0" encoding="x-bogus"?><rss/>'), undefined);
  assert.equal(decoded.encoding, 'utf-8');
  assert.ok(decoded.warnings.some((warning) => warning.includes('x-bogus')));
});

test('a string body is used as is, minus a BOM', () => {
  assert.equal(decodeBody('\ufeff<rss/>', 'text/xml; charset=iso-8859-1').text, '<rss/>');
});
