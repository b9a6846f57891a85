// Builds the browser UI (src/ui) into dist/ui, which `marsad serve` serves at `/`:
//   app.js, app.css            bundled and minified by esbuild (d3-geo and topojson-client inside)
//   index.html, favicon.svg    copied as they are
//   countries-110m.json        the world outlines of world-atlas, so the event map needs no network
// Run by `npm run build` (and `prepare`, so `npm ci` builds it) or alone: `npm run build:ui`.

import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/ui');
const out = join(root, 'dist/ui');
const require = createRequire(import.meta.url);

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: join(source, 'main.ts'), out: 'app' },
    { in: join(source, 'app.css'), out: 'app' },
  ],
  outdir: out,
  bundle: true,
  format: 'esm',
  // Browsers of the last few years; the UI uses no newer syntax than these read.
  target: ['chrome111', 'firefox115', 'safari16.4'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

await Promise.all([
  copyFile(join(source, 'index.html'), join(out, 'index.html')),
  copyFile(join(source, 'favicon.svg'), join(out, 'favicon.svg')),
  copyFile(require.resolve('world-atlas/countries-110m.json'), join(out, 'countries-110m.json')),
]);

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map'))
  .map(([file, { bytes }]) => `${file.replace(/^dist\/ui\//, '')} ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`build-ui: dist/ui (${sizes.join(', ')})`);
