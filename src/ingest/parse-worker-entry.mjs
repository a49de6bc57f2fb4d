// A worker thread does not inherit the TypeScript loader its parent runs under (tsx, or
// Vitest's), so it registers tsx itself before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
