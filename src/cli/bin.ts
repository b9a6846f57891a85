// Process entry: `bin/marsad.js` runs the compiled form of this file; `tsx src/cli/bin.ts` the source.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
