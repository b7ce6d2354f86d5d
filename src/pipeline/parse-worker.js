// Entry point of a parse worker (see parse-pool.ts). A worker thread starts without the module
// hooks its parent registered, so it loads TypeScript itself: through tsx, as bin/planet.js does,
// unless this Node strips types on its own (process.features.typescript, Node 22.10+).
import { register } from 'tsx/esm/api';

if (process.features.typescript === undefined) register();
await import('./parse-worker-loop.ts');
