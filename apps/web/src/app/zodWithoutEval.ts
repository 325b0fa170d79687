import { z } from 'zod';

// Zod probes for eval to compile its parsers when a schema is built; the console's
// content security policy forbids eval, so it parses without, and nothing is reported.
z.config({ jitless: true });
