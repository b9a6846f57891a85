// A progress line for long work on stderr: how many done, the rate, and the time left when the total
// is known. On a terminal it redraws one line a few times a second; elsewhere (CI logs, pipes) it
// prints a plain line every few seconds, so logs stay readable. The formatting is a pure function.

export interface ProgressState {
  readonly label: string;
  readonly done: number;
  readonly total?: number;
  readonly failed: number;
  readonly seconds: number;
}

const BAR_WIDTH = 24;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** `label [#####-----] 120/300 40.0/s ETA 0:04, 2 failed` (bar and ETA only with a total). */
export function formatProgress({ label, done, total, failed, seconds }: ProgressState): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [label];
  if (total !== undefined && total > 0) {
    const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`, `${done}/${total}`);
  } else parts.push(`${done}`);
  parts.push(`${rate.toFixed(1)}/s`);
  if (total !== undefined && rate > 0 && done < total) parts.push(`ETA ${clock((total - done) / rate)}`);
  else parts.push(clock(seconds));
  return `${parts.join(' ')}${failed > 0 ? `, ${failed} failed` : ''}`;
}

export interface ProgressSink {
  write(text: string): void;
  readonly isTTY?: boolean;
}

/** A progress reporter; `tick` is cheap to call per item, `end` prints the final line. */
export function createProgress(label: string, sink: ProgressSink, total?: number) {
  const started = performance.now();
  const interval = sink.isTTY ? 200 : 5000;
  let last = 0;
  let done = 0;
  let failed = 0;
  const line = () =>
    formatProgress({
      label,
      done,
      failed,
      seconds: (performance.now() - started) / 1000,
      ...(total !== undefined && { total }),
    });
  return {
    tick(ok = true) {
      done++;
      if (!ok) failed++;
      const now = performance.now();
      if (now - last < interval) return;
      last = now;
      sink.write(sink.isTTY ? `\r${line()}\u001b[K` : `${line()}\n`);
    },
    end() {
      sink.write(sink.isTTY ? `\r${line()}\u001b[K\n` : `${line()}\n`);
    },
  };
}
