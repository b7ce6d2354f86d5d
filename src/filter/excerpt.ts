import { parseFragment, serialize } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * The excerpt Venus's filters/excerpt.py makes: the first `width` characters of the text of an
 * HTML fragment, counted as Python's textwrap counts them (words joined by single spaces), cut
 * after the last whole word that fits, followed by " …". Elements are copied as they are, and
 * the fragment is parsed and serialized again, so every element the cut leaves open is closed.
 * Returns the HTML unchanged when its text fits.
 */
export function venusExcerpt(html: string, width: number): string {
  const fragment = parseFragment(html);
  const state = { words: 0, used: 0, full: false };
  copyUpTo(fragment, width, state);
  return state.full ? serialize(fragment) : html;
}

interface CutState {
  /** Words placed so far; a space goes before every word but the first. */
  words: number;
  /** Characters of the joined text placed so far. */
  used: number;
  full: boolean;
}

function copyUpTo(parent: ParentNode, width: number, state: CutState): void {
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) break;
    if (state.full) {
      nodes.splice(i);
      return;
    }
    if (node.nodeName === '#text' && 'value' in node) {
      const kept = fitWords(node.value, width, state);
      if (kept !== undefined) node.value = kept;
    } else if ('childNodes' in node) {
      copyUpTo(node, width, state);
    }
  }
}

/** The part of `text` that fits, with " …" when it does not all fit; undefined when all of it fits. */
function fitWords(text: string, width: number, state: CutState): string | undefined {
  const words = text.split(/\s+/).filter((word) => word !== '');
  let kept = 0;
  let end = 0;
  for (const word of words) {
    const cost = (state.words > 0 ? 1 : 0) + word.length;
    // textwrap breaks a single word longer than the width rather than leaving the line empty.
    if (state.used + cost > width && !(state.words === 0 && kept === 0)) {
      state.full = true;
      const head = text.slice(0, end).trimEnd();
      return `${head} …`;
    }
    const wordAt = text.indexOf(word, end);
    end = wordAt + word.length;
    state.used += cost;
    state.words++;
    kept++;
    if (state.used > width) {
      state.full = true;
      return `${text.slice(0, wordAt)}${word.slice(0, width)} …`;
    }
  }
  return undefined;
}
