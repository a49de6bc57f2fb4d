import { fileURLToPath } from 'node:url';

/** The repository root: ingest, Vite and the corpus generator run from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
