import { z } from 'zod';

// The page's policy forbids eval, and zod probes for it (logging a violation) as soon as a schema
// is built. This module is imported before anything that builds schemas.
z.config({ jitless: true });
