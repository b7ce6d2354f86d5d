import { parentPort } from 'node:worker_threads';
import type { SanitizePolicy } from '../sanitize/index.ts';
import type { WorkerJob, WorkerReply } from './parse-pool.ts';
import { readFeed, toWireError } from './read-feed.ts';

// The worker side of parse-pool.ts: one job at a time, in the order they come.
const port = parentPort;
if (port === null) throw new Error('parse-worker-loop.ts runs only as a worker thread (see parse-pool.ts)');
// Each policy crosses once per worker (pools share one among most feeds); jobs name it by id.
const policies = new Map<number, SanitizePolicy>();
port.on('message', (job: WorkerJob) => {
  if (job.policyId !== undefined && job.policy !== undefined) policies.set(job.policyId, job.policy);
  const sanitize = job.policyId === undefined ? job.sanitize : policies.get(job.policyId);
  let reply: WorkerReply;
  try {
    reply = { id: job.id, parsed: readFeed({ ...job.request, sanitize }) };
  } catch (error) {
    reply = { id: job.id, error: toWireError(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
