import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SeedFileData, SeedRecord } from '../format.ts';
import { seedYaml } from '../ingest/emit.ts';
import { slug } from '../ingest/registry.ts';
import {
  VOCABULARY_FILES,
  type Vocabulary,
  type VocabularyFile,
  type VocabularySource,
  vocabulary,
} from '../ingest/vocabulary.ts';

/*
 * The INN stem table as a source document of its own: what the vocabulary (seed/vocabulary/inn-stems.yaml,
 * payloads, linkers, antibodies, targets) says, one sentence a line, and the payloads, linkers, antibodies and
 * targets it states. An ADC imported from ClinicalTrials.gov cites `inn-stem-table#<stem>` for the payload and
 * linker its INN implies, and `inn-stem-table#antibody-<antibody>` for its targets.
 */

export const STEM_TABLE_ID = 'inn-stem-table';
export const STEM_TABLE_TITLE =
  'ADC linker–payload INN stems (WHO INN Programme, USAN Council; Pipeline Atlas vocabulary)';

/** The sentence of a stem: its word (`deruxtecan`). */
export const stemSentenceKey = (stem: string): string => stem;
export const antibodySentenceKey = (antibody: string): string => `antibody-${slug(antibody)}`;
export const payloadSentenceKey = (id: string): string => `payload-${id}`;
export const linkerSentenceKey = (id: string): string => `linker-${id}`;
export const targetSentenceKey = (id: string): string => `target-${id}`;

const also = (aliases: readonly string[]): string =>
  aliases.length > 0 ? ` (also ${aliases.join(', ')})` : '';
const sourceLine = (what: string, source: VocabularySource): string =>
  `${what}: ${source.title}; ${source.publisher}; ${source.url}; retrieved ${source.retrieved}.`;

/** The stem table's seed file and source text, made from the vocabulary. */
export function stemTable(v: Vocabulary = vocabulary()): { seed: SeedFileData; text: string } {
  const sentences: Record<string, string> = {};
  const text: string[] = [STEM_TABLE_TITLE, ''];
  const sentence = (key: string, line: string): string => {
    sentences[key] = line;
    text.push(line);
    return key;
  };
  const section = (heading: string, file: VocabularyFile) => {
    text.push('', heading, `(seed/vocabulary/${VOCABULARY_FILES[file]})`);
    text.push(sourceLine('Source', v.sources[file]));
  };
  const payloadName = new Map(v.payloads.map((payload) => [payload.id, payload.name]));
  const linkerName = new Map(v.linkers.map((linker) => [linker.id, linker.name]));
  const targetName = new Map(v.targets.map((target) => [target.id, target.name]));

  section('Linker–payload stems: the second word of an ADC INN', 'stems');
  const stemsOf = { payload: new Map<string, string[]>(), linker: new Map<string, string[]>() };
  for (const stem of v.stems) {
    const parts = [
      stem.payload ? `payload ${payloadName.get(stem.payload)}` : undefined,
      stem.linker ? `linker ${linkerName.get(stem.linker)}` : undefined,
      `as in ${stem.examples.join(', ')}`,
    ].filter((part) => part !== undefined);
    const key = sentence(stemSentenceKey(stem.stem), `-${stem.stem}: ${stem.implies} (${parts.join('; ')}).`);
    if (stem.payload) stemsOf.payload.set(stem.payload, [...(stemsOf.payload.get(stem.payload) ?? []), key]);
    if (stem.linker) stemsOf.linker.set(stem.linker, [...(stemsOf.linker.get(stem.linker) ?? []), key]);
  }

  section('Payloads', 'payloads');
  const payloads: SeedRecord[] = v.payloads.map((payload) => {
    const key = sentence(
      payloadSentenceKey(payload.id),
      `Payload ${payload.name}${also(payload.aliases)}: ${payload.class}; ${payload.mechanism}.`,
    );
    return {
      id: payload.id,
      name: payload.name,
      ...(payload.aliases.length > 0 ? { aliases: payload.aliases } : {}),
      payloadClass: payload.class,
      mechanism: payload.mechanism,
      cite: [key, ...(stemsOf.payload.get(payload.id) ?? [])],
    };
  });

  section('Linkers', 'linkers');
  const linkers: SeedRecord[] = v.linkers.map((linker) => {
    const key = sentence(
      linkerSentenceKey(linker.id),
      `Linker ${linker.name}${also(linker.aliases)}: ${linker.type}.`,
    );
    return {
      id: linker.id,
      name: linker.name,
      ...(linker.aliases.length > 0 ? { aliases: linker.aliases } : {}),
      linkerType: linker.type,
      cite: [key, ...(stemsOf.linker.get(linker.id) ?? [])],
    };
  });

  section('Antibodies: the first word of an ADC INN, and the targets it binds', 'antibodies');
  const antibodies: SeedRecord[] = v.antibodies.map((antibody) => {
    const key = sentence(
      antibodySentenceKey(antibody.name),
      `Antibody ${antibody.name}: binds ${antibody.targets.map((id) => targetName.get(id)).join(', ')}.`,
    );
    return { id: slug(antibody.name), name: antibody.name, targets: antibody.targets, cite: [key] };
  });

  section('Targets', 'targets');
  const targets: SeedRecord[] = v.targets.map((target) => {
    const key = sentence(targetSentenceKey(target.id), `Target ${target.name}${also(target.aliases)}.`);
    return {
      id: target.id,
      name: target.name,
      ...(target.aliases.length > 0 ? { aliases: target.aliases } : {}),
      cite: [key],
    };
  });

  const stems = v.sources.stems;
  const seed: SeedFileData = {
    document: {
      id: STEM_TABLE_ID,
      title: STEM_TABLE_TITLE,
      date: stems.retrieved,
      url: stems.url,
      sourceFile: `sources/${STEM_TABLE_ID}.txt`,
    },
    sentences,
    targets,
    antibodies,
    payloads,
    linkers,
  };
  return { seed, text: `${text.join('\n')}\n` };
}

const SEED_DIR = join(import.meta.dirname, '..');
/**
 * Where the stem table lives: beside the seed files but not among them, so `npm run seed` loads the Kadcyla story
 * alone; the ClinicalTrials.gov import loads it before the first study that cites it.
 */
export const REFERENCE_DIR = join(SEED_DIR, 'reference');

/** The seed file of the INN stem table, which imported ADCs cite. */
export const STEM_TABLE_FILE = join(REFERENCE_DIR, `${STEM_TABLE_ID}.yaml`);

/** The stem table as YAML, lists of plain values on one line, with a header that says where it comes from. */
export function stemTableYaml(seed: SeedFileData, schemaPath: string): string {
  return seedYaml(seed, schemaPath, [
    'Generated from seed/vocabulary/*.yaml (inn-stems, payloads, linkers, antibodies, targets) by',
    '`npm run import:ctgov -- --write-stem-table`: edit the vocabulary and generate it again, not this file.',
    'ADCs imported from ClinicalTrials.gov cite its sentences (`inn-stem-table#deruxtecan`).',
  ]);
}

/** Writes `<dir>/inn-stem-table.yaml` and `<dir>/sources/inn-stem-table.txt`; returns both paths. */
export async function writeStemTable(
  dir: string = REFERENCE_DIR,
): Promise<{ seedFile: string; sourceFile: string }> {
  const { seed, text } = stemTable();
  const seedFile = join(dir, `${STEM_TABLE_ID}.yaml`);
  const sourceFile = join(dir, 'sources', `${STEM_TABLE_ID}.txt`);
  const schemaPath = relative(dir, join(SEED_DIR, 'schema', 'seed.schema.json'));
  await mkdir(join(dir, 'sources'), { recursive: true });
  await writeFile(sourceFile, text);
  await writeFile(seedFile, stemTableYaml(seed, schemaPath.startsWith('.') ? schemaPath : `./${schemaPath}`));
  return { seedFile, sourceFile };
}
