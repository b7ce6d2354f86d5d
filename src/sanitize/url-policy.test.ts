import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSrcset, checkUrl, createUrlPolicy } from './url-policy.ts';

const noBase = createUrlPolicy(undefined);
const withBase = createUrlPolicy('https://blog.example/posts/1/');

describe('checkUrl', () => {
  test('rejects schemes other than http, https and mailto, however they are disguised', () => {
    const disguised = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      '\u0001\u0010javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'jav\r\nascript:alert(1)',
      'javascript:alert(1)\u0000 ',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:image/png;base64,AAAA',
      'file:///etc/passwd',
      'ftp://files.example/x',
      'blob:https://blog.example/uuid',
    ];
    for (const url of disguised) {
      assert.equal(checkUrl(url, noBase), undefined, JSON.stringify(url));
      assert.equal(checkUrl(url, withBase), undefined, JSON.stringify(url));
    }
  });

  test('keeps web and mail URLs, as the URL parser writes them', () => {
    assert.equal(checkUrl('https://Example.COM/a b?q=1#f', noBase), 'https://example.com/a%20b?q=1#f');
    assert.equal(checkUrl('  http://example.com  ', noBase), 'http://example.com/');
    assert.equal(checkUrl('MAILTO:someone@example.com', noBase), 'mailto:someone@example.com');
  });

  test('resolves relative URLs against the base, and leaves them relative without one', () => {
    assert.equal(checkUrl('../a.png', withBase), 'https://blog.example/posts/a.png');
    assert.equal(checkUrl('//cdn.example/x', withBase), 'https://cdn.example/x');
    assert.equal(checkUrl('#top', withBase), 'https://blog.example/posts/1/#top');
    assert.equal(checkUrl('../a.png', noBase), '../a.png');
    assert.equal(checkUrl('./this:that', noBase), './this:that');
    assert.equal(checkUrl(' /x\t/y ', noBase), '/x/y');
  });

  test('drops empty URLs and URLs the parser rejects', () => {
    assert.equal(checkUrl('', withBase), undefined);
    assert.equal(checkUrl(' \t', noBase), undefined);
    assert.equal(checkUrl('http://exa mple.com/', noBase), undefined);
  });

  test('ignores a base that is not an absolute http(s) URL', () => {
    for (const base of ['javascript:alert(1)//', 'data:text/html,x', 'not a url', '/relative/']) {
      const policy = createUrlPolicy(base);
      assert.equal(policy.base, undefined, base);
      assert.equal(checkUrl('#x', policy), '#x');
    }
  });
});

describe('checkSrcset', () => {
  test('keeps passing candidates with their descriptors', () => {
    assert.equal(
      checkSrcset(' a.webp 1x,\n data:image/png;base64,AA==  2x , b.webp   800w ', withBase),
      'https://blog.example/posts/1/a.webp 1x, https://blog.example/posts/1/b.webp 800w',
    );
  });

  test('reads commas inside URLs and trailing commas as the HTML spec does', () => {
    assert.equal(checkSrcset('https://a.example/x,y.png 1x,https://a.example/z.png,,', noBase), 'https://a.example/x,y.png 1x, https://a.example/z.png');
  });

  test('returns undefined when no candidate passes', () => {
    assert.equal(checkSrcset('javascript:alert(1) 1x, data:image/png,x', noBase), undefined);
    assert.equal(checkSrcset(' , ', noBase), undefined);
  });
});
