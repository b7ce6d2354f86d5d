import { testGoldenPairs } from '../test-golden.ts';

testGoldenPairs(new URL('./testdata/', import.meta.url).pathname);
