import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTreeAdapter, html, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { DEFAULT_ALLOWLIST } from './allowlist.ts';
import { nestsAsParsed } from './nesting.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
const voids = new Set(['br', 'hr', 'img', 'col', 'source', 'track']);
// Elements the walk unwraps whose parsing rules matter, beside the allowlist.
const extra = ['marquee', 'center', 'menu', 'font', 'nobr', 'button', 'option', 'optgroup', 'rb', 'rtc'];
const tags = [...DEFAULT_ALLOWLIST.elements.keys(), ...extra];
const containers = tags.filter((tag) => !voids.has(tag));

// The chain of last-child elements under `root`, as tag names.
function lastChildChain(root: ParentNode): string[] {
  const chain: string[] = [];
  for (let node: ParentNode = root; ; ) {
    const last = node.childNodes.at(-1);
    if (last === undefined || !defaultTreeAdapter.isElementNode(last)) return chain;
    chain.push(last.tagName);
    node = last as Element;
  }
}

// What parse5 does: does `tag` end up as the child of the innermost of `open`?
function parserNests(open: readonly string[], tag: string): boolean | undefined {
  const prefix = open.map((t) => `<${t}>`).join('');
  if (lastChildChain(parseFragment(context, prefix, {})).join('>') !== open.join('>')) return undefined;
  const chain = lastChildChain(parseFragment(context, `${prefix}<${tag}>`, {}));
  return chain.join('>') === [...open, tag].join('>');
}

function compare(stacks: readonly (readonly string[])[]): number {
  let compared = 0;
  for (const open of stacks) {
    for (const tag of tags) {
      const expected = parserNests(open, tag);
      if (expected === undefined) break;
      assert.equal(nestsAsParsed(open, tag), expected, `<${tag}> inside ${open.join(' > ') || '(top)'}`);
      compared++;
    }
  }
  return compared;
}

describe('nestsAsParsed agrees with parse5', () => {
  test('at the top level and under one open element', () => {
    const compared = compare([[], ...containers.map((t) => [t])]);
    assert.ok(compared > 3000, `only ${compared} pairs were realisable`);
  });

  test('under two open elements', () => {
    assert.ok(compare(containers.flatMap((outer) => containers.map((inner) => [outer, inner]))) > 100_000);
  });

  test('inside table structure and ruby', () => {
    const stacks = [
      ['table'],
      ['table', 'tbody'],
      ['table', 'tbody', 'tr'],
      ['table', 'tbody', 'tr', 'td'],
      ['table', 'tbody', 'tr', 'th', 'p'],
      ['table', 'caption'],
      ['table', 'colgroup'],
      ['a', 'table', 'tbody', 'tr', 'td'],
      ['p', 'table', 'tbody', 'tr', 'td'],
      ['ruby', 'rtc'],
      ['ruby', 'rtc', 'rt'],
      ['ruby', 'span', 'rt'],
    ];
    assert.ok(compare(stacks) > 500);
  });
});
