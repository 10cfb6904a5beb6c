import { z } from 'zod';

// zod compiles fast parsers with `new Function`, which the renderer's CSP (no 'unsafe-eval')
// refuses and reports. Switch that off before any schema is built: this module is imported first.
z.config({ jitless: true });
