import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { sanitizeHtml } from './index.ts';
import { problems } from './output-problems.test-helper.ts';

interface Vector {
  source: string;
  name: string;
  input: string;
}

const vectors = JSON.parse(readFileSync(new URL('testdata/xss/vectors.json', import.meta.url), 'utf8')) as Vector[];

describe('XSS vectors (feedparser, html5lib, DOMPurify)', () => {
  test('the whole set is there', () => {
    assert.equal(vectors.length, 1038);
  });

  test('the checker sees what it must reject', () => {
    const bad = '<svg></svg><p onclick="x" style="y"><a href="javascript:x">a</a><img src="data:," srcset="vbscript:x 1x"><!--c--></p>' +
      '<img src="data:image/svg+xml,x"><img src="data:image/png,x">';
    assert.deepEqual(problems(bad).sort(), [
      'URL data:, in src',
      'URL data:image/svg+xml,x in src',
      'URL javascript:x in href',
      'URL vbscript:x in srcset',
      'attribute onclick on <p>',
      'attribute srcset on <img>',
      'attribute style on <p>',
      'comment',
      'element <svg>',
    ]);
  });

  for (const { source, name, input } of vectors) {
    test(`${source}: ${name}`, () => {
      for (const options of [{}, { baseUrl: 'https://blog.example/posts/1/' }]) {
        const output = sanitizeHtml(input, options);
        assert.deepEqual(problems(output), [], output);
        assert.equal(sanitizeHtml(output, options), output, 'sanitizing the output again changes it');
      }
    });
  }
});
