import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wellFormednessProblems } from './xml-well-formed.test-helper.ts';

// The render tests trust this checker, so it must itself reject what is broken.
describe('wellFormednessProblems', () => {
  it('accepts a well-formed document', () => {
    const xml = '<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/><c>&lt;p&gt; &#169; &#x1F600;</c></a>\n';
    assert.deepEqual(wellFormednessProblems(xml), []);
  });

  const broken: [string, string][] = [
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['an HTML entity', '<a>&nbsp;</a>'],
    ['a raw < in text', '<a>1 < 2</a>'],
    ['an unquoted attribute', '<a x=1></a>'],
    ['a repeated attribute', '<a x="1" x="2"></a>'],
    ['two roots', '<a></a><b></b>'],
    ['a control character', '<a>bell\u0007</a>'],
    ['a late XML declaration', ' <?xml version="1.0"?><a/>'],
  ];
  for (const [what, xml] of broken) {
    it(`rejects ${what}`, () => {
      assert.notDeepEqual(wellFormednessProblems(xml), []);
    });
  }
});
