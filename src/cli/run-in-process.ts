// Runs the CLI in this process with captured streams: what the command tests drive.

import { Readable } from 'node:stream';
import type { Io } from './io.ts';
import { main } from './main.ts';

export async function runInProcess(args: string[], stdin: string | Buffer = '') {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    version: 'test',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
