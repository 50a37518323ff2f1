import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Document, isSeq, visit } from 'yaml';
import type { SeedFileData } from '../format.ts';

const JSON_SCHEMA = join(import.meta.dirname, '..', 'schema', 'seed.schema.json');

/** The seed files' JSON schema, as a seed file in `dir` names it for editors. */
export const schemaPathFrom = (dir: string) => relative(dir, JSON_SCHEMA);

/** Where a draft went: its seed file and its source text beside it, as `npm run seed` reads them. */
export interface WrittenDraft {
  seedFile: string;
  sourceFile: string;
}

/**
 * Writes the seed file and its source text (`sources/<id>.txt` beside it). Lists of plain values (citations,
 * aliases) are written on one line, as the hand-made seed files do.
 */
export async function writeDraft(
  dir: string,
  seed: SeedFileData,
  text: string,
  origin: string,
): Promise<WrittenDraft> {
  const id = seed.document.id;
  const seedFile = join(dir, `${id}.yaml`);
  const sourceFile = join(dir, 'sources', `${id}.txt`);
  await mkdir(join(dir, 'sources'), { recursive: true });
  await writeFile(sourceFile, text.endsWith('\n') ? text : `${text}\n`);
  await writeFile(seedFile, draftYaml(seed, origin, schemaPathFrom(dir)));
  return { seedFile, sourceFile };
}

export async function removeDraft(draft: WrittenDraft): Promise<void> {
  await Promise.all([rm(draft.seedFile, { force: true }), rm(draft.sourceFile, { force: true })]);
}

export function draftYaml(seed: SeedFileData, origin: string, schema = JSON_SCHEMA): string {
  return seedYaml(seed, schema, [
    `Drafted by \`npm run ingest\` from ${origin}: every fact cites the sentences it was read from.`,
    'Review it against the text (docs/ingest.md), then load it with `npm run seed -- <this folder>`.',
  ]);
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
