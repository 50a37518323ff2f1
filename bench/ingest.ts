import { readCorpus } from '../seed/ingest/eval/corpus.ts';
import { ingestFiles } from '../seed/ingest/ingest.ts';
import { readSource } from '../seed/ingest/read.ts';
import { splitSentences } from '../seed/ingest/sentences.ts';

/**
 * The ingester's speed on the development corpus, in one process (the rules are plain JavaScript: one core).
 * The floor is what the libraries alone cost for the same files: reading them and splitting their sentences.
 */
export interface IngestBench {
  releases: number;
  rounds: number;
  releasesPerSecond: number;
  floorReleasesPerSecond: number;
  /** Milliseconds per release, median over rounds. */
  msPerRelease: number;
  /** The first round: the language model and the vocabulary loaded, nothing compiled yet. */
  coldReleasesPerSecond: number;
}

export async function measureIngest(rounds: number): Promise<IngestBench> {
  const files = readCorpus().releases.map((release) => release.input);
  const floor = async () => {
    for (const file of files) splitSentences((await readSource(file)).text);
  };
  const full = async () => {
    await ingestFiles(files);
  };
  const coldStart = performance.now();
  await full();
  const coldMs = performance.now() - coldStart;
  await floor();
  const fullMs = await medianMs(full, rounds);
  const floorMs = await medianMs(floor, rounds);
  return {
    releases: files.length,
    rounds,
    releasesPerSecond: (files.length * 1000) / fullMs,
    floorReleasesPerSecond: (files.length * 1000) / floorMs,
    msPerRelease: fullMs / files.length,
    coldReleasesPerSecond: (files.length * 1000) / coldMs,
  };
}

async function medianMs(work: () => Promise<void>, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
