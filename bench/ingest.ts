import { readCorpus } from '../seed/ingest/eval/corpus.ts';
import { IngestRun, ingestFiles } from '../seed/ingest/ingest.ts';
import { readSource, sourceFromBuffer } from '../seed/ingest/read.ts';
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
  /** The corpus's plain-text releases run together into one long release, drafted at two lengths. */
  long: LongRelease[];
}

/** One long release: its size, the draft's time and the floor's (reading and splitting it). */
export interface LongRelease {
  megabytes: number;
  ms: number;
  floorMs: number;
}

/** The long releases' sizes: a curator's upload may be up to 10 MB; twice the size should take twice the time. */
const LONG_MEGABYTES = [0.5, 1];

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
    long: await measureLong(files),
  };
}

async function measureLong(files: readonly string[]): Promise<LongRelease[]> {
  const texts = await Promise.all(files.filter((file) => file.endsWith('.txt')).map(readSource));
  const corpus = texts.map((source) => source.text).join('\n\n');
  const out: LongRelease[] = [];
  for (const megabytes of LONG_MEGABYTES) {
    const text = corpus.repeat(Math.ceil((megabytes * 2 ** 20) / corpus.length));
    const bytes = Buffer.from(text);
    const source = await sourceFromBuffer('long.txt', bytes);
    const ms = await medianMs(async () => void (await new IngestRun().draft(source)), 1);
    const floorMs = await medianMs(
      async () => void splitSentences((await sourceFromBuffer('long.txt', bytes)).text),
      1,
    );
    out.push({ megabytes: bytes.length / 2 ** 20, ms, floorMs });
  }
  return out;
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
