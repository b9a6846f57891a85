// One bounded HTTP GET: http and https only, redirects followed by hand up to a limit (each hop's
// scheme checked again), one deadline for the whole exchange including the body, and the body
// streamed and abandoned as soon as it passes the size limit (decompressed bytes count, so a gzip
// bomb stops there too). Failures are IngestFailures with FETCH_* codes.

import { DEFAULT_MAX_BYTES, decodeText } from '../decode.ts';
import { formatBytes, ingestFail } from './item.ts';

export type FetchFunction = typeof globalThis.fetch;

export interface HttpOptions {
  /** The fetch to use; the global one by default (tests and proxies inject their own). */
  readonly fetch?: FetchFunction;
  /** Deadline for one request, redirects and body included; 20 s by default. */
  readonly timeoutMs?: number;
  /** Largest body accepted, in bytes; DEFAULT_MAX_BYTES (8 MiB) by default. */
  readonly maxBytes?: number;
  /** Redirects followed before giving up; 5 by default. */
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** Aborts the request from outside (the command's Ctrl-C). */
  readonly signal?: AbortSignal;
}

export interface FetchedResponse {
  readonly status: number;
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly headers: Headers;
  /** Empty for a 304. */
  readonly body: Uint8Array;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'Marsad/0.1 (news event coder; +https://github.com/marsad)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The URL parsed, or FETCH_BAD_URL unless it is http or https. */
export function httpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw ingestFail('FETCH_BAD_URL', raw, 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw ingestFail('FETCH_BAD_URL', raw, `only http and https are fetched, not ${url.protocol}`);
  return url;
}

/**
 * GETs `url` with `headers`. Returns 2xx and 304 responses with their body; anything else throws
 * FETCH_STATUS, and a body that cannot come whole within the limits throws FETCH_TOO_LARGE or
 * FETCH_TIMEOUT. `accept(contentType)` may refuse a response before its body is read.
 */
export async function fetchBounded(
  url: string,
  opts: HttpOptions = {},
  headers: Record<string, string> = {},
  accept?: (contentType: string, url: string) => void,
): Promise<FetchedResponse> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = httpUrl(url);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout.signal, opts.signal]) : timeout.signal;
  try {
    for (let hop = 0; ; hop++) {
      const response = await doFetch(current, {
        headers: { 'user-agent': opts.userAgent ?? USER_AGENT, ...headers },
        redirect: 'manual',
        signal,
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (location === null)
          throw ingestFail('FETCH_STATUS', current.href, response.status, 'without a Location');
        if (hop >= maxRedirects) throw ingestFail('FETCH_REDIRECTS', url, maxRedirects);
        current = httpUrl(new URL(location, current).href);
        continue;
      }
      if (response.status === 304)
        return { status: 304, url: current.href, headers: response.headers, body: new Uint8Array(0) };
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        throw ingestFail('FETCH_STATUS', current.href, response.status, response.statusText);
      }
      try {
        accept?.(response.headers.get('content-type') ?? '', current.href);
      } catch (error) {
        await response.body?.cancel().catch(() => {});
        throw error;
      }
      const body = await readBody(response, maxBytes, current.href);
      return { status: response.status, url: current.href, headers: response.headers, body };
    }
  } catch (error) {
    if (timeout.signal.aborted) throw ingestFail('FETCH_TIMEOUT', current.href, timeoutMs);
    if (opts.signal?.aborted) throw ingestFail('FETCH_FAILED', current.href, 'aborted');
    throw networkError(error, current.href);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw ingestFail('FETCH_TOO_LARGE', url, formatBytes(maxBytes));
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw ingestFail('FETCH_TOO_LARGE', url, formatBytes(maxBytes));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** An IngestFailure or MarsadError as it is; a network error as FETCH_FAILED with its cause. */
function networkError(error: unknown, url: string): unknown {
  if (error instanceof Error && (error.name === 'IngestFailure' || error.name === 'MarsadError'))
    return error;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return ingestFail('FETCH_FAILED', url, reason);
}

const CHARSET_PARAM = /;\s*charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/**
 * The body as text: the charset of the Content-Type header, else of a BOM, <meta charset> or the
 * XML declaration, else UTF-8. UTF-8 goes through decodeText (binary and invalid UTF-8 refused);
 * legacy charsets such as windows-1256 are decoded as the WHATWG Encoding standard says.
 */
export function decodeBody(body: Uint8Array, contentType: string, url: string): string {
  let charset = CHARSET_PARAM.exec(contentType)?.[1];
  const hasBom = (body[0] === 0xef && body[1] === 0xbb) || body[0] === 0xff || body[0] === 0xfe;
  if (charset === undefined && !hasBom) {
    const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
    charset = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  }
  const label = charset?.toLowerCase();
  if (hasBom || label === undefined || label === 'utf-8' || label === 'utf8') return decodeText(body, url);
  const decoder = decoderFor(label);
  if (decoder === undefined) return decodeText(body, url);
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return decodeText(body, url);
  if (body.subarray(0, 65536).includes(0)) return decodeText(body, url);
  return decoder.decode(body);
}

function decoderFor(label: string) {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}
