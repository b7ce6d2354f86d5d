import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEnvironment } from './environment.ts';

describe('the memo tag', () => {
  it('renders its body once per list of arguments and reuses it, escaped once', () => {
    const env = createEnvironment([]);
    let calls = 0;
    env.addGlobal('count', () => (calls += 1));
    const template = '{% memo "part", root %}<b>{{ count() }} {{ text }}</b>{% endmemo %}';
    const render = (root: string): string => env.renderString(template, { root, text: '<&>' });
    assert.equal(render(''), '<b>1 &lt;&amp;&gt;</b>');
    assert.equal(render(''), '<b>1 &lt;&amp;&gt;</b>', 'the same arguments reuse the first rendering');
    assert.equal(render('../'), '<b>2 &lt;&amp;&gt;</b>', 'other arguments render the body again');
    assert.equal(calls, 2);
  });

  it('keeps nothing from one environment (one site render) to the next', () => {
    const template = '{% memo "part" %}{{ value }}{% endmemo %}';
    assert.equal(createEnvironment([]).renderString(template, { value: 'first' }), 'first');
    assert.equal(createEnvironment([]).renderString(template, { value: 'second' }), 'second');
  });
});
