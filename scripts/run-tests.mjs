// Runs every *.test.ts under src/, bench/ and scripts/ with Node's own test runner (Node 20 has no globs).
// Extra arguments pass through: `npm run test:unit -- --test-name-pattern=clitic`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function* testFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (entry.name.endsWith('.test.ts')) yield path;
  }
}

const files = ['src', 'bench', 'scripts'].flatMap((dir) => [...testFiles(dir)]).sort();
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(status ?? 1);
