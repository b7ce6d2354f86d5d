import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeHttpUrl, resolveUrl, xmlBaseOf } from './urls.ts';
import { parseXml } from './xml/build.ts';

test('resolveUrl resolves relative references and trims', () => {
  assert.equal(resolveUrl(' ../b/c ', 'https://x.example/a/d/'), 'https://x.example/a/b/c');
  assert.equal(resolveUrl('//cdn.example/x', 'https://x.example/'), 'https://cdn.example/x');
  assert.equal(resolveUrl('mailto:a@x.example', undefined), 'mailto:a@x.example');
});

test('resolveUrl drops unsafe schemes, junk and relative references without a base', () => {
  assert.equal(resolveUrl('javascript:alert(1)', 'https://x.example/'), undefined);
  assert.equal(resolveUrl(' JavaScript:alert(1)', undefined), undefined);
  assert.equal(resolveUrl('data:text/html,<b>x</b>', undefined), undefined);
  assert.equal(resolveUrl('vbscript:x', undefined), undefined);
  assert.equal(resolveUrl('/relative', undefined), undefined);
  assert.equal(resolveUrl('', 'https://x.example/'), undefined);
  assert.equal(resolveUrl('http://[bad', undefined), undefined);
});

test('looksLikeHttpUrl', () => {
  assert.equal(looksLikeHttpUrl('https://x.example/p'), true);
  assert.equal(looksLikeHttpUrl('HTTP://x.example/p'), true);
  assert.equal(looksLikeHttpUrl('tag:x.example,2024:1'), false);
});

test('xmlBaseOf resolves nested xml:base outward-in and ignores unsafe ones', () => {
  const { root } = parseXml('<a xml:base="https://x.example/one/"><b xml:base="two/"><c xml:base="javascript:x"><d/></c></b></a>');
  const b = root?.children[0];
  assert.ok(b?.kind === 'element');
  const c = b.children[0];
  assert.ok(c?.kind === 'element');
  assert.equal(xmlBaseOf(b, undefined), 'https://x.example/one/two/');
  assert.equal(xmlBaseOf(c.children[0]?.kind === 'element' ? c.children[0] : undefined, undefined), 'https://x.example/one/two/');
});

test('xmlBaseOf is undefined when no xml:base is in scope, and relative ones use the document URL', () => {
  assert.equal(xmlBaseOf(parseXml('<a><b/></a>').root, 'https://x.example/'), undefined);
  assert.equal(xmlBaseOf(parseXml('<a xml:base="sub/"/>').root, 'https://x.example/feed'), 'https://x.example/sub/');
});
