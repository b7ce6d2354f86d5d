import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFragment, serialize } from 'parse5';
import { excerptHtml } from './excerpt.ts';

/** Markup is valid when parsing and serializing it again changes nothing. */
const roundTrips = (html: string): boolean => serialize(parseFragment(html)) === html;

describe('excerptHtml', () => {
  it('keeps short content as it is', () => {
    assert.deepEqual(excerptHtml('<p>Short <em>one</em></p>', 100), { html: '<p>Short <em>one</em></p>', truncated: false });
  });

  it('cuts at the last word break and closes every open element', () => {
    const { html, truncated } = excerptHtml('<div><p>One <strong>two three</strong> four</p><p>five</p></div>', 9);
    assert.equal(html, '<div><p>One <strong>two…</strong></p></div>');
    assert.equal(truncated, true);
    assert.ok(roundTrips(html));
  });

  it('drops whole elements after the cut, at every depth', () => {
    const { html } = excerptHtml('<ul><li>alpha beta</li><li>gamma</li></ul><pre>code</pre>', 10);
    assert.equal(html, '<ul><li>alpha beta</li><li>…</li></ul>');
  });

  it('counts runs of white space as one character, as a browser shows them', () => {
    assert.equal(excerptHtml('<p>a \n\n   b</p>', 3).truncated, false);
  });

  it('cuts a single long word rather than dropping it', () => {
    assert.equal(excerptHtml('<p>Supercalifragilistic</p>', 5).html, '<p>Super…</p>');
  });

  it('keeps images and links before the cut with their attributes', () => {
    const { html } = excerptHtml('<p><a href="https://x.example/">link</a> <img src="https://x.example/i.png" alt="an image"> and much more text</p>', 10);
    assert.equal(html, '<p><a href="https://x.example/">link</a> <img src="https://x.example/i.png" alt="an image"> and…</p>');
  });
});
