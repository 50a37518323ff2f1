import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_ELEMENTS_PER_DOCUMENT, generateSynthetic } from './generate.ts';

/** `npm run seed:synthetic -- --scale N [--seed S] [--out DIR]`. */

const positiveInt = (value: string) => {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
};

const DEFAULT_OUT = '.data/synthetic';

const program = new Command('seed:synthetic')
  .description(
    'Write a synthetic, realistic drug pipeline in the seed format: one YAML file and one source text per\n' +
      'synthetic document. Deterministic: the same --scale and --seed give the same bytes.',
  )
  .requiredOption(
    '--scale <n>',
    'nodes plus relationships to generate, roughly (e.g. 10000, 1000000)',
    positiveInt,
  )
  .option('--seed <s>', 'seed of the random generator', positiveInt, 1)
  .option('--out <dir>', 'output folder (emptied first)', DEFAULT_OUT)
  .option('--per-document <n>', 'elements per document file', positiveInt, DEFAULT_ELEMENTS_PER_DOCUMENT)
  .addHelpText('after', `\nThen load it: npm run seed -- ${DEFAULT_OUT}`);

program.parse();
const options = program.opts<{ scale: number; seed: number; out: string; perDocument: number }>();
const started = performance.now();
const result = await generateSynthetic({
  scale: options.scale,
  seed: options.seed,
  outDir: options.out,
  elementsPerDocument: options.perDocument,
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `wrote ${result.files.length} files (${result.elements.toLocaleString('en')} nodes + relationships) to ${options.out} in ${seconds.toFixed(1)} s`,
);
