import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripForbiddenXmlChars, xmlText } from './xml-text.ts';

describe('xmlText', () => {
  it('escapes the five XML specials', () => {
    assert.equal(xmlText(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 forbids and keeps the rest', () => {
    const input = 'a\u0000b\u0007c\u001Fd\tе\n\r\uFFFE\uFFFF\uD800x\uDC00y';
    assert.equal(stripForbiddenXmlChars(input), 'abcd\tе\n\rxy');
  });

  it('keeps characters outside the BMP (valid surrogate pairs)', () => {
    assert.equal(xmlText('smile \u{1F600} \uE000'), 'smile \u{1F600} \uE000');
  });
});
