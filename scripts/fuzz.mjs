// Runs only the property and fuzz tests (*.fuzz.test.ts under src/) with a chosen number of cases.
//   npm run fuzz                                  # MARSAD_FUZZ_RUNS, else 200 cases per property
//   npm run fuzz -- --runs 100000                 # a long run
//   npm run fuzz -- --seed 1234 --path "41:0:2"   # replay the failure fast-check reported
//   npm run fuzz -- --runs 5000 src/ingest        # only the fuzz files under a folder (or named files)
// Options: --case-ms N (one case slower than this fails; default 2000), --timeout-ms N (a test file
// still running after this is killed: the backstop for a loop that never returns, which no in-thread
// timer can interrupt; default scales with --runs), --concurrency N (test files run at once).
// `npm test` runs the same files at the default count, so CI keeps them.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OPTIONS = {
  '--runs': 'MARSAD_FUZZ_RUNS',
  '--seed': 'MARSAD_FUZZ_SEED',
  '--path': 'MARSAD_FUZZ_PATH',
  '--case-ms': 'MARSAD_FUZZ_CASE_MS',
};

function* fuzzFiles(path) {
  if (!statSync(path).isDirectory()) {
    if (path.endsWith('.fuzz.test.ts')) yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) yield* fuzzFiles(join(path, entry.name));
}

function usage(message) {
  console.error(
    `fuzz: ${message}\nusage: npm run fuzz -- [--runs N] [--seed N] [--path P] [--case-ms N] [--timeout-ms N] [--concurrency N] [folders or files]`,
  );
  process.exit(2);
}

const env = { ...process.env };
const roots = [];
let timeoutMs;
let concurrency;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const [name, inline] = arg.split(/=(.*)/s);
  if (name in OPTIONS || name === '--timeout-ms' || name === '--concurrency') {
    const value = inline ?? args[++i];
    if (value === undefined || value === '') usage(`${name} needs a value`);
    if (name !== '--path' && name !== '--seed' && !/^[1-9]\d*$/.test(value))
      usage(`${name} must be a positive whole number, not "${value}"`);
    if (name === '--timeout-ms') timeoutMs = Number(value);
    else if (name === '--concurrency') concurrency = Number(value);
    else env[OPTIONS[name]] = value;
  } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else roots.push(arg);
}

const files = (roots.length > 0 ? roots : ['src']).flatMap((root) => [...fuzzFiles(root)]).sort();
if (files.length === 0) usage(`no *.fuzz.test.ts under ${roots.join(', ')}`);
const runs = Number(env.MARSAD_FUZZ_RUNS ?? 200);
// Generous: a file's properties average a few milliseconds a case; 200 ms a case is a hang.
timeoutMs ??= Math.max(10 * 60_000, runs * 200);

const started = Date.now();
console.error(`fuzz: ${runs} cases per property, ${files.length} files`);
const { status } = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-timeout=${timeoutMs}`,
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    ...files,
  ],
  { stdio: 'inherit', env },
);
console.error(`fuzz: ${runs} cases per property, done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status ?? 1);
