/** The bench's results: their shape, the targets judged on them, and the table printed on stdout. */
import type { CtgovBench } from './ctgov.ts';
import type { IngestBench, LongRelease } from './ingest.ts';
import type { LoadResult } from './load.ts';
import {
  EMPTY_REQUEST,
  PEER_NOT_APPLICABLE,
  QUESTIONS,
  type QuestionResult,
  type Throughput,
} from './queries.ts';
import { AS_OF_PAIR } from './timeQuestions.ts';
import type { WebResult } from './web.ts';

export interface ScaleResult {
  scale: number;
  generateSeconds: number;
  baseline: LoadResult;
  loader: LoadResult;
  fixture: Record<string, string>;
  questions: QuestionResult[];
  throughput: { api: Throughput; peer: Throughput };
  memory: { serverPeakRssMb: number; peerPeakRssMb: number; neo4jPeakRssMb: number };
}

export interface BenchResults {
  date: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; memoryGb: number; loadAverage: number[]; node: string };
  neo4jJavaArgs: string[];
  rounds: number;
  scales: ScaleResult[];
  web: WebResult[] | null;
  ingest: IngestBench | null;
  ctgov: CtgovBench[];
  targets: Target[];
}

export interface Target {
  name: string;
  value: string;
  pass: boolean;
}

/** Studies in the whole ClinicalTrials.gov registry, about. */
const REGISTRY_RECORDS = 500_000;
/** How much slower per MB the longer of the two long releases may draft: 1 is linear, 2 quadratic. */
const LONG_RELEASE_MAX_GROWTH = 1.5;

const msPerMegabyte = (long: LongRelease | undefined) => (long ? long.ms / long.megabytes : Number.NaN);

/** Press releases the ingester drafts per second, at least. */
const INGEST_MIN_RELEASES_PER_SECOND = 20;
/** The scale the targets are stated at. */
const TARGET_SCALE = 100_000;
/** An answer as of a day may cost this much more than the same answer of today (API p50s). */
const AS_OF_MAX_RATIO = 1.5;

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const fmt = (value: number) => Math.round(value).toLocaleString('en');

export function judge(results: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  const add = (name: string, value: string, pass: boolean) => targets.push({ name, value, pass });
  const at =
    results.scales.find((s) => s.scale === TARGET_SCALE) ?? results.scales[results.scales.length - 1];
  if (at) {
    const where = at.scale === TARGET_SCALE ? '' : ` [at ${fmt(at.scale)}; targets are for 100k]`;
    const judged = at.questions.filter((q) => q.name !== EMPTY_REQUEST.name);
    for (const q of judged) {
      add(`${q.name}: GraphQL/Cypher p50 ≤ 1.3${where}`, q.ratio.toFixed(2), q.ratio <= 1.3);
    }
    for (const q of judged) {
      if (q.peerError === PEER_NOT_APPLICABLE) continue;
      add(
        `${q.name}: faster than @neo4j/graphql${where}`,
        q.peer ? `${ms(q.api.p50)} vs ${ms(q.peer.p50)} ms` : `peer failed: ${q.peerError ?? '?'}`,
        q.peer ? q.api.p50 < q.peer.p50 : true,
      );
    }
    const asOf = at.questions.find((q) => q.name === AS_OF_PAIR.asOf);
    const today = at.questions.find((q) => q.name === AS_OF_PAIR.today);
    if (asOf && today) {
      const ratio = asOf.api.p50 / today.api.p50;
      add(
        `${AS_OF_PAIR.today}: asOf p50 ≤ ${AS_OF_MAX_RATIO}× without${where}`,
        `${ratio.toFixed(2)} (${ms(asOf.api.p50)} vs ${ms(today.api.p50)} ms)`,
        ratio <= AS_OF_MAX_RATIO,
      );
    }
    const search = at.questions.find((q) => q.name.startsWith('search'));
    if (search) add(`search p95 ≤ 20 ms${where}`, `${ms(search.api.p95)} ms`, search.api.p95 <= 20);
    const graph = at.questions.find((q) => q.name.startsWith('graph'));
    if (graph) add(`graph depth-2 p95 ≤ 50 ms${where}`, `${ms(graph.api.p95)} ms`, graph.api.p95 <= 50);
    add(
      `no errors at 16 clients${where}`,
      `${at.throughput.api.errors} of ${fmt(at.throughput.api.requests)}`,
      at.throughput.api.errors === 0,
    );
    const rate = at.loader.elementsPerSecond / at.baseline.elementsPerSecond;
    add(`loader ≥ 0.7 × baseline rate${where}`, rate.toFixed(2), rate >= 0.7);
  }
  for (let i = 1; i < results.scales.length; i++) {
    const small = results.scales[i - 1];
    const big = results.scales[i];
    if (!small || !big) continue;
    const elements = big.loader.elements / small.loader.elements;
    const time = big.loader.seconds / small.loader.seconds;
    add(
      `loader time grows no faster than the data (${fmt(small.scale)} → ${fmt(big.scale)})`,
      `×${time.toFixed(1)} time for ×${elements.toFixed(1)} elements`,
      time <= elements * 1.1,
    );
  }
  const million = results.scales.find((s) => s.scale === 1_000_000);
  if (million) {
    add(
      '1M elements loaded in < 120 s',
      `${million.loader.seconds.toFixed(0)} s`,
      million.loader.seconds < 120,
    );
  }
  if (results.ingest) {
    const rate = results.ingest.releasesPerSecond;
    add(
      'ingest ≥ 20 releases/s on one core',
      `${rate.toFixed(1)} releases/s`,
      rate >= INGEST_MIN_RELEASES_PER_SECOND,
    );
  }
  const [short, long] = results.ingest?.long ?? [];
  if (short && long) {
    const growth = msPerMegabyte(long) / msPerMegabyte(short);
    add(
      `a long release drafts in time linear in its size (ms/MB at ${long.megabytes.toFixed(1)} MB ≤ 1.5× at ${short.megabytes.toFixed(1)} MB)`,
      `${growth.toFixed(2)}×`,
      growth <= LONG_RELEASE_MAX_GROWTH,
    );
  }
  judgeCtgov(results.ctgov, add);
  const large = results.web?.find((w) => w.nodes === 5_000);
  if (large) {
    add(
      '5,000 nodes: navigation → settled layout < 2 s',
      `${ms(large.app.settledMs)} ms`,
      large.app.settledMs < 2_000,
    );
    const fps = large.app.panFps ?? 0;
    const bare = large.bare.panFps ?? 0;
    add('5,000 nodes: pan ≥ 30 fps', fps.toFixed(1), fps >= 30);
    add(
      '5,000 nodes: pan faster than bare Cytoscape.js',
      `${fps.toFixed(1)} vs ${bare.toFixed(1)} fps`,
      fps > bare,
    );
  }
  return targets;
}

/** The import's targets: ≥ 0.7 × the leanest writes, memory flat in the record count, the registry in 20 min. */
function judgeCtgov(
  runs: readonly CtgovBench[],
  add: (name: string, value: string, pass: boolean) => void,
): void {
  const at = runs.find((run) => run.records >= 100_000) ?? runs.at(-1);
  if (!at) return;
  const where = at.records >= 100_000 ? '' : ` [at ${fmt(at.records)}; the target is for 100k]`;
  add(`import:ctgov ≥ 0.7 × baseline rate${where}`, at.ratio.toFixed(2), at.ratio >= 0.7);
  const small = runs[0];
  const big = runs.at(-1) ?? at;
  if (small && big.records > small.records) {
    const growth = big.importPeakRssMb / small.importPeakRssMb;
    add(
      `import:ctgov peak memory flat (${fmt(small.records)} → ${fmt(big.records)} records)`,
      `${small.importPeakRssMb} → ${big.importPeakRssMb} MB`,
      growth <= 1.25,
    );
  }
  const registryMinutes = REGISTRY_RECORDS / big.importRecordsPerSecond / 60;
  add(
    `import:ctgov: the whole registry (${fmt(REGISTRY_RECORDS)}) in < 20 min${big.records >= REGISTRY_RECORDS ? '' : ' [extrapolated]'}`,
    `${registryMinutes.toFixed(0)} min`,
    registryMinutes < 20,
  );
}

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** The whole report as text: machine, then loading, queries, throughput, memory, web, targets. */
export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Pipeline Atlas bench (${r.mode}) ${r.date}`,
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' ')} at start; Node ${m.node}; Neo4j 5.26 embedded (${r.neo4jJavaArgs.join(' ')}); ${r.rounds} rounds per question`,
    '',
    'Loading (elements = nodes + relationships)',
    table(
      [
        'scale',
        'elements',
        'loader s',
        'validate s',
        'write s',
        'loader el/s',
        'baseline s',
        'baseline el/s',
        'ratio',
        'loader RSS MB',
        'neo4j RSS MB',
      ],
      r.scales.map((s) => [
        fmt(s.scale),
        fmt(s.loader.elements),
        s.loader.seconds.toFixed(1),
        (s.loader.phases?.validate ?? 0).toFixed(1),
        (s.loader.seconds - (s.loader.phases?.validate ?? 0)).toFixed(1),
        fmt(s.loader.elementsPerSecond),
        s.baseline.seconds.toFixed(1),
        fmt(s.baseline.elementsPerSecond),
        (s.loader.elementsPerSecond / s.baseline.elementsPerSecond).toFixed(2),
        s.loader.loaderPeakRssMb ?? '',
        s.loader.neo4jPeakRssMb,
      ]),
    ),
  );
  for (const s of r.scales) {
    out.push(
      '',
      `Queries at ${fmt(s.scale)} (ms; floor = hand-written Cypher through the driver; db hits by PROFILE)`,
      table(
        [
          'question',
          'API p50',
          'p95',
          'floor p50',
          'p95',
          'API/floor',
          'peer p50',
          'p95',
          'API db hits',
          'stmts',
          'floor db hits',
        ],
        s.questions.map((q) => [
          q.name,
          ms(q.api.p50),
          ms(q.api.p95),
          ms(q.floor.p50),
          ms(q.floor.p95),
          q.ratio.toFixed(2),
          q.peer ? ms(q.peer.p50) : q.peerError === PEER_NOT_APPLICABLE ? 'n/a' : 'error',
          q.peer ? ms(q.peer.p95) : '',
          fmt(q.apiDbHits),
          q.apiStatements,
          fmt(q.floorDbHits),
        ]),
      ),
      '',
      table(
        [
          `16 clients, ${QUESTIONS.length} questions in turn`,
          'req/s',
          'p50 ms',
          'p99 ms',
          'requests',
          'errors',
        ],
        (['api', 'peer'] as const).map((which) => {
          const t = s.throughput[which];
          return [
            which === 'api' ? 'Pipeline Atlas' : '@neo4j/graphql',
            t.requestsPerSecond.toFixed(0),
            t.p50,
            t.p99,
            fmt(t.requests),
            t.errors,
          ];
        }),
      ),
      `Peak RSS under that load: server ${s.memory.serverPeakRssMb} MB, @neo4j/graphql peer ${s.memory.peerPeakRssMb} MB, Neo4j ${s.memory.neo4jPeakRssMb} MB`,
    );
  }
  if (r.web) {
    out.push(
      '',
      'Web (headless Chromium, ms from navigation start; app ready = its first view loaded, then layout and add are parts of the draw; bare = Cytoscape.js with default options)',
      table(
        [
          'nodes',
          'edges',
          'app ready',
          'layout',
          'add',
          'app first draw',
          'app settled',
          'plan',
          'app pan fps',
          'bare first draw',
          'bare settled',
          'bare pan fps',
        ],
        r.web.map((w) => [
          fmt(w.nodes),
          fmt(w.edges),
          ms(w.app.readyMs ?? 0),
          ms(w.app.layoutMs),
          ms(w.app.addMs ?? 0),
          ms(w.app.firstDrawMs),
          ms(w.app.settledMs),
          w.app.plan,
          w.app.panFps?.toFixed(1) ?? '',
          ms(w.bare.firstDrawMs),
          ms(w.bare.settledMs),
          w.bare.panFps?.toFixed(1) ?? '',
        ]),
      ),
    );
  }
  if (r.ingest) {
    const i = r.ingest;
    out.push(
      '',
      `Ingest (the ${i.releases} releases of the development corpus, one process, median of ${i.rounds} rounds; floor = reading and sentence splitting only)`,
      table(
        [
          'releases/s',
          'ms/release',
          'first round releases/s',
          'floor releases/s',
          'share of time in the rules',
        ],
        [
          [
            i.releasesPerSecond.toFixed(1),
            i.msPerRelease.toFixed(1),
            i.coldReleasesPerSecond.toFixed(1),
            i.floorReleasesPerSecond.toFixed(1),
            `${Math.round((1 - i.releasesPerSecond / i.floorReleasesPerSecond) * 100)}%`,
          ],
        ],
      ),
      '',
      'One long release (the plain-text releases run together; a curator may upload 10 MB): ms per MB should not grow with the size',
      table(
        ['MB', 'draft s', 'floor s', 'ms per MB', 'ms per MB vs the shortest'],
        i.long.map((long) => [
          long.megabytes.toFixed(2),
          (long.ms / 1000).toFixed(2),
          (long.floorMs / 1000).toFixed(2),
          (long.ms / long.megabytes).toFixed(0),
          (long.ms / long.megabytes / msPerMegabyte(i.long[0])).toFixed(2),
        ]),
      ),
    );
  }
  if (r.ctgov.length) {
    out.push(
      '',
      'ClinicalTrials.gov import (synthetic registry ZIP, fresh store; baseline = the same rows by the leanest writes)',
      table(
        [
          'records',
          'elements',
          'import s',
          'records/s',
          'import RSS MB',
          'baseline s',
          'baseline el/s',
          'ratio',
        ],
        r.ctgov.map((c) => [
          fmt(c.records),
          fmt(c.elements),
          c.importSeconds.toFixed(1),
          c.importRecordsPerSecond.toFixed(0),
          c.importPeakRssMb,
          c.baseline.seconds.toFixed(1),
          fmt(c.baseline.elementsPerSecond),
          c.ratio.toFixed(2),
        ]),
      ),
    );
  }
  out.push('', 'Targets');
  for (const t of r.targets) out.push(`${t.pass ? 'pass' : 'MISS'}  ${t.name}: ${t.value}`);
  return out.join('\n');
}
