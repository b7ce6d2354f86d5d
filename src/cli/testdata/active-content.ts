// Test helper: lists whatever in a published HTML page could run script, found by
// parsing the page the way a browser does (parse5), not by grepping its text.
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset']);

/** Script elements, event-handler attributes and script-bearing URLs in `html`, one string each. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const stack: Node[] = [parse(html)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if ('tagName' in node) {
      if (['script', 'iframe', 'object', 'embed', 'base'].includes(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        if (name.startsWith('on')) found.push(`${node.tagName}[${name}]`);
        if (urlAttributes.has(name) && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\t\n\r]/g, ''))) {
          found.push(`${node.tagName}[${name}=${value}]`);
        }
      }
    }
    if ('childNodes' in node) stack.push(...node.childNodes);
    if ('content' in node) stack.push(node.content);
  }
  return found;
}
