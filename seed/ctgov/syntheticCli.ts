import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_ADC_SHARE, writeSyntheticRegistry } from './synthetic.ts';

/** `npm run ctgov:synthetic -- --count N [--seed S] [--adc-share F] [--versions] [--out file.zip]`. */

const wholeNumber = (min: number) => (value: string) => {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < min)
    throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return parsed;
};

const share = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1)
    throw new InvalidArgumentError('expected a number from 0 to 1');
  return parsed;
};

const DEFAULT_OUT = '.data/ctgov-synthetic.zip';

const program = new Command('ctgov:synthetic')
  .description(
    'Write a synthetic ClinicalTrials.gov registry: a ZIP of NCT########.json study records in the API v2 layout,\n' +
      'as in the registry full download. Deterministic: the same --count and --seed give the same bytes.',
  )
  .requiredOption('--count <n>', 'study records to write (e.g. 100000, 500000)', wholeNumber(0))
  .option('--seed <s>', 'seed of the random generator', wholeNumber(1), 1)
  .option(
    '--adc-share <f>',
    'share of studies with an antibody-drug conjugate intervention',
    share,
    DEFAULT_ADC_SHARE,
  )
  .option('--versions', 'also write <out>.update.zip: a later version of every tenth study', false)
  .option('--out <file>', 'the ZIP to write (replaced)', DEFAULT_OUT)
  .addHelpText('after', `\nThen import it: npm run import:ctgov -- ${DEFAULT_OUT}`);

program.parse();
const options = program.opts<{
  count: number;
  seed: number;
  adcShare: number;
  versions: boolean;
  out: string;
}>();
await mkdir(dirname(options.out), { recursive: true });
const started = performance.now();
const result = await writeSyntheticRegistry({
  ...options,
  onProgress: (written) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${written.toLocaleString('en')} studies`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const seconds = (performance.now() - started) / 1000;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `wrote ${result.studies.toLocaleString('en')} studies (${result.adcStudies.toLocaleString('en')} with an ADC) to ${result.out}, ${mb(result.bytes)}, in ${seconds.toFixed(1)} s (${Math.round(result.studies / seconds).toLocaleString('en')} studies/s)`,
);
if (result.update)
  console.log(
    `wrote ${result.update.studies.toLocaleString('en')} later versions to ${result.update.out}, ${mb(result.update.bytes)}`,
  );
