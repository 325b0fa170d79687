import { z } from 'zod';

/**
 * Zod compiles its parsers with eval when it may. In a browser the console's content security
 * policy forbids eval, and the probe alone is reported as a violation: there, schemas parse
 * without it. This module is imported first, before any schema is built.
 */
if ('window' in globalThis) z.config({ jitless: true });
