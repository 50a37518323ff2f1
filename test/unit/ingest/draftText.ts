import { IngestRun } from '../../../seed/ingest/ingest.ts';

/** Drafts `text` as a release of its own run (no graph), or fails with the refusal's reason. */
export async function draftText(text: string, file = 'release.txt', run = new IngestRun()) {
  const outcome = await run.draft({ file, format: 'text', text });
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.seed;
}

/** A minimal release around `body`: a headline and a dateline, so the document rules have what they need. */
export const release = (body: string, dateline = 'BOSTON, May 5, 2024 /PRNewswire/ --') =>
  `Acme Therapeutics Announces News\n\n${dateline} ${body}\n`;
