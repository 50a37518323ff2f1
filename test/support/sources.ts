import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every `.ts` file under a folder, for tests that read the code itself (import rules). */
export async function typeScriptFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await typeScriptFiles(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** `import … from '…'` and `export … from '…'`, without `import type` (erased, so free to reach anything). */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm;

/** What a file imports as values (module specifiers as written). */
export async function valueImports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(VALUE_IMPORT)].map((match) => match[1] as string);
}
