import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from './build.ts';
import { ATOM_NS, CONTENT_NS } from './namespaces.ts';
import { innerHtml, textOf } from './query.ts';
import type { XmlElement } from './tree.ts';

function element(node: XmlElement | undefined, index: number): XmlElement {
  const child = node?.children.filter((c) => c.kind === 'element')[index];
  assert.ok(child && child.kind === 'element', `no element child ${index}`);
  return child;
}

test('CDATA text is kept apart from escaped text and never entity-decoded', () => {
  const { root } = parseXml('<a>x &amp;lt; <![CDATA[<b>&amp;</b>]]></a>');
  assert.deepEqual(root?.children, [
    { kind: 'text', text: 'x &lt; ', cdata: false },
    { kind: 'text', text: '<b>&amp;</b>', cdata: true },
  ]);
});

test('namespaces: declared prefixes, default namespace, and undeclared conventional prefixes', () => {
  const { root } = parseXml('<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><c:encoded/><content:encoded/><f xmlns="http://www.w3.org/2005/Atom"><g/></f></rss>');
  assert.equal(element(root, 0).ns, CONTENT_NS);
  assert.equal(element(root, 0).local, 'encoded');
  assert.equal(element(root, 1).ns, CONTENT_NS);
  assert.equal(element(element(root, 2), 0).ns, ATOM_NS);
  assert.equal(root?.ns, '');
});

test('local names are lower-cased, qualified names keep their spelling', () => {
  const { root } = parseXml('<rss><PubDate>x</PubDate></rss>');
  assert.equal(element(root, 0).local, 'pubdate');
  assert.equal(element(root, 0).name, 'PubDate');
});

test('attributes are entity-decoded, keeping query strings intact', () => {
  const { root } = parseXml('<a href="/?a=1&amp;b=2&copy=3" t="&lt;x&gt;"/>');
  assert.equal(root?.attrs.href, '/?a=1&b=2&copy=3');
  assert.equal(root?.attrs.t, '<x>');
});

test('bad nesting closes the inner element at its parent end tag, with a warning', () => {
  const doc = parseXml('<r><item><title>t</item><item>2</item></r>');
  assert.equal(doc.root?.children.length, 2);
  assert.equal(textOf(element(element(doc.root, 0), 0)), 't');
  assert.ok(doc.warnings.some((warning) => warning.includes('<title>')));
});

test('self-closing elements are not mistaken for bad nesting', () => {
  assert.deepEqual(parseXml('<r><a/><b x="1"/></r>').warnings, []);
});

test('elements open at the end of the document are marked incomplete', () => {
  const doc = parseXml('<r><i>done</i><i>half');
  assert.equal(element(doc.root, 0).complete, true);
  assert.equal(element(doc.root, 1).complete, false);
  assert.equal(doc.root?.complete, false);
  assert.ok(doc.warnings.some((warning) => warning.includes('truncated')));
});

test('innerHtml reads escaped markup as text and raw markup by serializing it', () => {
  const { root } = parseXml('<r><d>&lt;p&gt;a&lt;/p&gt;</d><d>x <p class="c&amp;d">y<br/></p></d></r>');
  assert.equal(innerHtml(element(root, 0)), '<p>a</p>');
  assert.equal(innerHtml(element(root, 1)), 'x <p class="c&amp;d">y<br></p>');
});

test('content after the root element is ignored', () => {
  const { root } = parseXml('<a>1</a><b>2</b>');
  assert.equal(root?.name, 'a');
  assert.equal(textOf(root as XmlElement), '1');
});
