// First: zod is configured before any module of the screen builds a schema (the seed format's).
import '../zodConfig.ts';

/*
 * The curation screen, loaded when a curator first opens it: readers never download it, nor the seed format's
 * schemas it checks edits with.
 */
export { CurationScreen } from './screen.ts';
