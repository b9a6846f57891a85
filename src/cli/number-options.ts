// Numeric command-line values, checked once for every command: a clear BAD_OPTION naming the flag.

import { fail } from '../core/errors.ts';

export function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw fail('BAD_OPTION', `${flag} needs a positive whole number, not "${value}"`);
  return n;
}

export function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw fail('BAD_OPTION', `${flag} needs a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
