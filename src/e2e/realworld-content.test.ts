// Content survives: the entry HTML of the real-world corpus (../shared/corpus/realworld, 337
// feed documents) keeps its code blocks, images, tables and links through the sanitizer.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultTreeAdapter, html, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { sanitizeHtml } from '../sanitize/index.ts';
import type { CorpusHtml } from './realworld-entries.ts';
import { loadRealworldHtml } from './realworld-entries.ts';

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

// Containers whose content is meant to go (active content, forms, fallbacks): what they hold
// is not counted as content the page should show.
const removedWithContent = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'noembed',
  'form', 'select', 'textarea', 'button', 'svg', 'math', 'title', 'head']);

// The counts this test compares.
type Kind = 'pre' | 'code' | 'table' | 'img' | 'a';
const kinds: readonly Kind[] = ['pre', 'code', 'table', 'img', 'a'];

const trackerHosts = /^(feeds\.feedburner\.com|feedproxy\.google\.com|stats\.wordpress\.com|pixel\.wp\.com|feeds\.wordpress\.com|ads\.pheedo\.com|www\.pheedo\.com|ad\.doubleclick\.net|www\.assoc-amazon\.com|medium\.com)$/;

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

// A URL a reader can follow or load: http(s), mailto, or relative; trackers excluded.
function usable(value: string | undefined, base: string): boolean {
  if (value === undefined || value.trim() === '') return false;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return false;
  return !(trackerHosts.test(url.hostname) && /^\/(~r|~ff|~a|1\.0|b\.gif|_\/stat)/.test(url.pathname));
}

function isPixel(element: Element): boolean {
  return /^\s*[01](px)?\s*$/.test(attr(element, 'width') ?? 'x') && /^\s*[01](px)?\s*$/.test(attr(element, 'height') ?? 'x');
}

/** How many of each kind a reader sees in `fragment`: images with a usable src, links with a usable href. */
function count(source: string, base: string): Record<Kind, number> {
  const counts: Record<Kind, number> = { pre: 0, code: 0, table: 0, img: 0, a: 0 };
  const pending: ChildNode[] = [...parseFragment(context, source, {}).childNodes];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!defaultTreeAdapter.isElementNode(node) || node.namespaceURI !== html.NS.HTML) continue;
    const tag = node.tagName;
    if (removedWithContent.has(tag)) continue;
    pending.push(...node.childNodes);
    if (tag === 'pre' || tag === 'code' || tag === 'table') counts[tag]++;
    if (tag === 'img' && usable(attr(node, 'src'), base) && !isPixel(node)) counts.img++;
    if (tag === 'a' && usable(attr(node, 'href'), base)) counts.a++;
  }
  return counts;
}

describe('real-world entry HTML keeps its content', () => {
  let entries: CorpusHtml[];
  before(() => {
    entries = loadRealworldHtml();
  });

  test('the corpus is there: thousands of entries with code, images, tables and links', () => {
    assert.ok(entries.length > 5000, `only ${entries.length} entries`);
    const totals = entries.reduce((sum, e) => addCounts(sum, count(e.html, e.baseUrl)), zero());
    for (const kind of kinds) assert.ok(totals[kind] >= 50, `only ${totals[kind]} <${kind}> in the corpus`);
  });

  test('every entry keeps each of its code blocks, tables, images and links', () => {
    const before = zero();
    const after = zero();
    const lost: string[] = [];
    for (const { where, html: source, baseUrl } of entries) {
      const was = count(source, baseUrl);
      const now = count(sanitizeHtml(source, { baseUrl }), baseUrl);
      addCounts(before, was);
      addCounts(after, now);
      const missing = kinds.filter((kind) => now[kind] !== was[kind]).map((kind) => `${kind} ${was[kind]} -> ${now[kind]}`);
      if (missing.length > 0) lost.push(`${where}: ${missing.join(', ')}`);
    }
    console.log(`before: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(after)}`);
    assert.deepEqual(lost, []);
  });
});

function zero(): Record<Kind, number> {
  return { pre: 0, code: 0, table: 0, img: 0, a: 0 };
}

function addCounts(sum: Record<Kind, number>, add: Record<Kind, number>): Record<Kind, number> {
  for (const kind of kinds) sum[kind] += add[kind];
  return sum;
}
