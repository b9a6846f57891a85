// The `marsad` command line. Each subcommand lives in its own module; this file wires them and
// turns MarsadErrors into one clear line on stderr and a non-zero exit code.

import { Command, CommanderError } from 'commander';
import { MarsadError } from '../core/errors.ts';
import { registerAnalyze } from './analyze-command.ts';
import { registerDb } from './db-command.ts';
import { registerEval } from './eval-command.ts';
import { registerExport } from './export-command.ts';
import { registerIngest } from './ingest-command.ts';
import type { Io } from './io.ts';
import { registerKb } from './kb-command.ts';
import { registerQueue } from './queue-command.ts';
import { registerSearch } from './search-command.ts';
import { registerServe } from './serve-command.ts';
import { registerWorker } from './worker-command.ts';

function buildProgram(io: Io): Command {
  const program = new Command('marsad')
    .description('Marsad (مرصد): Arabic news into verifiable, structured event data')
    .version(io.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  registerAnalyze(program, io);
  registerDb(program, io);
  registerEval(program, io);
  registerExport(program, io);
  registerIngest(program, io);
  registerKb(program, io);
  registerQueue(program, io);
  registerSearch(program, io);
  registerServe(program, io);
  registerWorker(program, io);
  return program;
}

/** Runs the CLI and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof MarsadError) {
      io.stderr.write(`marsad: ${error.message} [${error.code}]\n`);
      return error.code === 'BAD_DATE' || error.code === 'BAD_OPTION' ? 2 : 1;
    }
    throw error;
  }
}

function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version: '0.1.0' };
}
