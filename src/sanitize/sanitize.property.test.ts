// Property tests on generated HTML-ish input: whatever the feed sends, the output holds only
// allowlisted elements, attributes and URL schemes, and sanitizing it again changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sanitizeHtml } from './index.ts';
import { problems } from './output-problems.test-helper.ts';

// Kept, unwrapped, dropped with content, raw-text, table and foreign-content elements, and
// elements whose parsing rules move others around (p, li, a, nobr, headings).
const tagNames = [
  'p', 'div', 'span', 'a', 'b', 'i', 'em', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'pre', 'code', 'blockquote',
  'table', 'tbody', 'tr', 'td', 'th', 'caption', 'col', 'colgroup', 'img', 'picture', 'source', 'video', 'audio', 'track',
  'figure', 'figcaption', 'ruby', 'rt', 'rp', 'br', 'hr', 'details', 'summary',
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'option', 'textarea', 'noscript',
  'noembed', 'xmp', 'title', 'template', 'plaintext', 'base', 'meta', 'link', 'frameset', 'body', 'html', 'head',
  'svg', 'math', 'mtext', 'mglyph', 'foreignObject', 'desc', 'annotation-xml', 'animate', 'set', 'use',
  'font', 'marquee', 'nobr', 'menu', 'center', 'my-widget', 'image', 'listing',
];

const attributeNames = [
  'href', 'src', 'srcset', 'cite', 'poster', 'title', 'alt', 'width', 'height', 'colspan', 'start', 'type', 'media',
  'onclick', 'onerror', 'onload', 'ONMOUSEOVER', 'style', 'id', 'class', 'name', 'action', 'formaction', 'data',
  'xlink:href', 'xmlns', 'srcdoc', 'background', 'rel', 'target', 'autoplay', 'controls', 'is', 'data-x',
];

// Schemes as written, including the spellings browsers still read as javascript:.
const schemes = [
  'http:', 'https:', 'mailto:', 'javascript:', 'JaVaScRiPt:', 'java\tscript:', 'java&#x09;script:', '&#106;avascript:',
  'javascript&colon;', ' \u0001javascript:', 'vbscript:', 'data:', 'data:image/png;base64,', 'data:image/svg+xml,',
  'data:text/html,', 'ftp:', 'file:', 'blob:', 'about:', 'jar:', 'feed:', '',
];

const urlBody = fc.constantFrom('//x.example/a', 'alert(1)', 'a b', '/rel?q=1&amp;r=2#f', '../up', '#top', 'iVBORw0KGgo=', '%0aalert(1)', '');
const url = fc.tuple(fc.constantFrom(...schemes), urlBody).map(([scheme, body]) => scheme + body);
const srcset = fc.array(fc.tuple(url, fc.constantFrom('', ' 1x', ' 2x', ' 100w', ' (', ',')), { maxLength: 3 })
  .map((candidates) => candidates.map(([u, d]) => u + d).join(', '));

const text = fc.constantFrom(
  'text', ' ', '\n', 'a < b', 'x > y', '&amp;', '&lt;script&gt;', '&#60;', '&nbsp;', '&', '&copy', '"', "'", '`',
  ']]>', '<!--', '-->', '</', '<', '\u0000', '\u00a0', '漢字',
);

const attributeValue = fc.oneof(url, srcset, text, fc.constant('alert(1)'));
const quoted = fc.tuple(fc.constantFrom(...attributeNames), attributeValue, fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => (quote === '' ? ` ${name}=${value.replace(/[\s>]/g, '')}` : ` ${name}=${quote}${value}${quote}`));
const attribute = fc.oneof({ weight: 4, arbitrary: quoted }, { weight: 1, arbitrary: fc.constantFrom(...attributeNames).map((n) => ` ${n}`) });

// Half the tags come from a few whose nesting rules interact once others are unwrapped
// (<h1><font><h2>, <a><marquee><a>, <li><menu><li>), so those meetings are frequent.
const interacting = ['p', 'a', 'li', 'dd', 'dt', 'h1', 'h2', 'font', 'marquee', 'menu', 'table', 'tr', 'td', 'rt', 'ruby', 'pre', 'nobr', 'div'];
const tagName = fc.oneof(fc.constantFrom(...tagNames), fc.constantFrom(...interacting));
const startTag = fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('>', '/>', ' >'))
  .map(([tag, attrs, end]) => `<${tag}${attrs.join('')}${end}`);
const endTag = tagName.map((tag) => `</${tag}>`);
const other = fc.constantFrom('<!-- c -->', '<!--[if IE]><script>alert(1)</script><![endif]-->', '<![CDATA[x]]>', '<!DOCTYPE html>', '<?xml x?>', '</>', '<//a>');
const token = fc.oneof(
  { weight: 5, arbitrary: startTag },
  { weight: 3, arbitrary: endTag },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: other },
);

/** HTML-ish input: a soup of start and end tags, attributes with hostile URLs, text and entities. */
const htmlish = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));
// Any character, with the ones the parser or the escaping treat specially made frequent.
const plainChar = fc.oneof(fc.constantFrom('>', '\u00a0', '\n', '\r', '\0', '\f', '\t', '"', '\ud800', '\udc00', '\ufeff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const baseUrl = fc.constantFrom(undefined, 'https://blog.example/posts/1/', 'javascript:alert(1)//', 'data:text/html,x');

describe('sanitizeHtml on generated input', () => {
  test('output has only allowlisted elements, attributes and URL schemes', () => {
    fc.assert(
      fc.property(htmlish, baseUrl, (input, base) => {
        const output = sanitizeHtml(input, { baseUrl: base });
        assert.deepEqual(problems(output), [], `input: ${JSON.stringify(input)}\noutput: ${JSON.stringify(output)}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('plain text takes the fast path with the same result as the parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: plainChar, maxLength: 200 }), (input) => {
        // The <br> forces the full parse; it cannot change how the text before it is read.
        assert.equal(`${sanitizeHtml(input)}<br>`, sanitizeHtml(`${input}<br>`));
      }),
      { numRuns: 2000 },
    );
  });

  test('sanitizing twice gives the same output', () => {
    fc.assert(
      fc.property(htmlish, baseUrl, (input, base) => {
        const once = sanitizeHtml(input, { baseUrl: base });
        assert.equal(sanitizeHtml(once, { baseUrl: base }), once);
      }),
      { numRuns: 2000 },
    );
  });
});
