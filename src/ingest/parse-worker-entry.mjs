// A worker thread does not inherit the TypeScript loader its parent runs under (tsx, or
// Vitest's), so it registers tsx itself before loading the worker's code; the pool calls the
// default export with each batch.
import { register } from 'tsx/esm/api';

register();
const { parseBatch } = await import('./parse-worker.ts');
export default parseBatch;
