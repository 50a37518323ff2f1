import { mkdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The source text of the small test documents. */
export const SOURCE =
  'Acme Bio develops Zumab. Zumab targets HER2. Beta Pharma licensed Zumab from Acme Bio.\n';

/** A small valid seed file; `extra` is appended as YAML (more lists or records). */
export function seedYaml(documentId: string, body: string): string {
  return `document:
  id: ${documentId}
  title: Test document ${documentId}
  date: 2020-01-02
  sourceFile: sources/${documentId}.txt
sentences:
  develops: Acme Bio develops Zumab.
  targets: Zumab targets HER2.
  licensed: Beta Pharma licensed Zumab from Acme Bio.
${body}`;
}

export const VALID_BODY = `companies:
  - id: acme-bio
    name: Acme Bio
    cite: [develops]
  - id: beta-pharma
    name: Beta Pharma
    cite: [licensed]
targets:
  - id: zumab-target
    name: HER2
    cite: [targets]
drugs:
  - id: zumab
    name: Zumab
    modality: ANTIBODY
    developers: [acme-bio]
    targets: [{ ref: zumab-target, cite: [targets] }]
    cite: [develops]
partnerships:
  - id: acme-beta-zumab
    name: Acme–Beta Zumab license
    parties: [{ ref: acme-bio, role: LICENSOR }, { ref: beta-pharma, role: LICENSEE }]
    drugs: [zumab]
    cite: [licensed]
`;

/** Writes seed files (name → YAML) and their sources into a fresh folder; returns the file paths. */
export async function writeSeedFiles(files: Record<string, string>, source = SOURCE): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
  mkdirSync(join(dir, 'sources'));
  const paths: string[] = [];
  for (const [name, yaml] of Object.entries(files)) {
    const documentId = /id: (\S+)/.exec(yaml)?.[1] ?? name;
    await writeFile(join(dir, 'sources', `${documentId}.txt`), source);
    const path = join(dir, `${name}.yaml`);
    await writeFile(path, yaml);
    paths.push(path);
  }
  return paths;
}
