import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { renderConfigReference } from './index.ts';

it('the README carries the configuration reference made from the schema', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(
    readme.includes(renderConfigReference()),
    'README.md is out of date: paste the output of renderConfigReference() under "Configuration"',
  );
});
