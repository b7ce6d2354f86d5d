import { parseFragment, serialize } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** An HTML excerpt and whether anything was cut off. */
export interface Excerpt {
  html: string;
  truncated: boolean;
}

/**
 * The first `length` characters of text of an HTML fragment, as HTML. The cut falls between
 * nodes, or inside the one text node where the budget runs out, at its last word break, with
 * an ellipsis. The fragment is parsed and serialized again, so every element the excerpt
 * opens is closed: markup stays valid whatever the cut.
 */
export function excerptHtml(html: string, length: number): Excerpt {
  const fragment = parseFragment(html);
  const state = { left: length, cut: false };
  trim(fragment, state);
  return state.cut ? { html: serialize(fragment), truncated: true } : { html, truncated: false };
}

function trim(parent: ParentNode, state: { left: number; cut: boolean }): void {
  const nodes = 'content' in parent && parent.nodeName === 'template' ? [] : parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) break;
    if (state.cut) {
      // Everything after the cut goes, at every depth.
      nodes.splice(i);
      return;
    }
    if (node.nodeName === '#text' && 'value' in node) {
      const text = node.value;
      // Runs of white space count as one character, as a browser shows them.
      const shown = text.replace(/\s+/g, ' ').length;
      if (shown <= state.left) {
        state.left -= shown;
        continue;
      }
      node.value = cutAtWord(text.replace(/\s+/g, ' '), state.left);
      state.cut = true;
    } else if ('childNodes' in node) {
      trim(node, state);
    }
  }
}

function cutAtWord(text: string, budget: number): string {
  const head = text.slice(0, budget + 1);
  const space = head.lastIndexOf(' ');
  // A single word longer than the budget is cut mid-word rather than dropped.
  const cut = space > 0 ? head.slice(0, space) : text.slice(0, budget);
  return `${cut.trimEnd()}…`;
}
