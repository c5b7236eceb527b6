// Zod compiles a schema with `new Function` when it may, and probes for that when the schema is built. The page's
// CSP (no unsafe-eval) refuses the probe and reports it as a script-src violation, so zod interprets schemas here.
// Imported first by main.tsx, since the probe runs as the contract's schemas are built.
import { z } from 'zod'

z.config({ jitless: true })
