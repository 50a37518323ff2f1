import { z } from 'zod';

/*
 * Zod compiles its object parsers with `new Function` unless told not to, and first probes whether it may: under
 * the explorer's CSP (no 'unsafe-eval') that probe is a violation report. Imported first by curation/index.ts,
 * before any schema (the seed format's, which the curation screen checks edits with) is built.
 */
z.config({ jitless: true });
