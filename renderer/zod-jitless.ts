/**
 * zod probes `new Function` to decide whether to compile its parsers; our CSP forbids eval, so the probe shows
 * up as a CSP violation on every page. Without it zod parses the same way, only without generated code.
 * This must run before any schema is built, and the contract builds its schemas when it is imported, so it
 * is its own module, imported by main.tsx ahead of the app (modules run in import order).
 */
import { z } from 'zod';

z.config({ jitless: true });
