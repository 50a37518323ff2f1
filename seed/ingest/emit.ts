import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Document, isSeq, visit } from 'yaml';
import type { SeedFileData } from '../format.ts';

const JSON_SCHEMA = join(import.meta.dirname, '..', 'schema', 'seed.schema.json');

/** Where a document's seed file and its source text go in a seed folder, as `npm run seed` reads them. */
export interface SeedFiles {
  seedFile: string;
  sourceFile: string;
}

export function seedFilesOf(dir: string, id: string): SeedFiles {
  return { seedFile: join(dir, `${id}.yaml`), sourceFile: join(dir, 'sources', `${id}.txt`) };
}

/**
 * Writes the seed file (with `header` as its opening comment) and its source text (`sources/<id>.txt` beside it),
 * each aside and then renamed, so a reader of the folder sees whole files or none. Lists of plain values
 * (citations, aliases) are written on one line, as the hand-made seed files do.
 */
export async function writeSeedFiles(
  dir: string,
  seed: SeedFileData,
  text: string,
  header: readonly string[],
): Promise<SeedFiles> {
  const files = seedFilesOf(dir, seed.document.id);
  await writeWhole(files.sourceFile, text.endsWith('\n') ? text : `${text}\n`);
  try {
    await writeWhole(files.seedFile, seedYaml(seed, relative(dir, JSON_SCHEMA), header));
  } catch (error) {
    await rm(files.sourceFile, { force: true });
    throw error;
  }
  return files;
}

export async function removeSeedFiles(files: SeedFiles): Promise<void> {
  await Promise.all([rm(files.seedFile, { force: true }), rm(files.sourceFile, { force: true })]);
}

/** A draft of `npm run ingest`, from the release `origin`. */
export function writeDraft(
  dir: string,
  seed: SeedFileData,
  text: string,
  origin: string,
): Promise<SeedFiles> {
  return writeSeedFiles(dir, seed, text, draftHeader(origin));
}

async function writeWhole(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.part`;
  await writeFile(aside, content);
  await rename(aside, file);
}

const draftHeader = (origin: string) => [
  `Drafted by \`npm run ingest\` from ${origin}: every fact cites the sentences it was read from.`,
  'Review it against the text (docs/ingest.md), then load it with `npm run seed -- <this folder>`.',
];

export function draftYaml(seed: SeedFileData, origin: string, schema = JSON_SCHEMA): string {
  return seedYaml(seed, schema, draftHeader(origin));
}

/**
 * A seed file as the hand-made ones are written: the editor's schema line and a header comment, then the YAML,
 * lists of plain values (citations, aliases) on one line.
 */
export function seedYaml(seed: SeedFileData, schemaPath: string, header: readonly string[]): string {
  const document = new Document(seed);
  visit(document, {
    Seq(_key, node) {
      if (
        node.items.every((item) => !isSeq(item) && !(typeof item === 'object' && item && 'items' in item))
      ) {
        node.flow = true;
      }
    },
  });
  const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    ...header.map((line) => `# ${line}`),
    '',
  ];
  return `${lines.join('\n')}${document.toString({ lineWidth: 110 })}`;
}
