// The streams a command talks to, passed in so tests can run commands in-process.

export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly version: string;
}
