// The figures `marsad kb stats` reports: how many entities of each kind, how many offices, and how
// much of the curation log is in effect.

import type { CurationOp } from './curation.ts';
import type { RoleName } from './entity.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

export interface KbStats {
  readonly entities: number;
  readonly kinds: Record<string, number>;
  readonly roles: {
    readonly total: number;
    readonly holders: number;
    readonly byRole: Partial<Record<RoleName, number>>;
  };
  readonly curation: { readonly log: string; readonly ops: number; readonly byOp: Record<string, number> };
}

export function kbStats(kb: KnowledgeBase, ops: readonly CurationOp[], log: string): KbStats {
  const kinds: Record<string, number> = {};
  const byRole: Partial<Record<RoleName, number>> = {};
  let total = 0;
  let holders = 0;
  for (const e of kb.all()) {
    kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    if (e.roles?.length) holders++;
    for (const { role } of e.roles ?? []) {
      byRole[role] = (byRole[role] ?? 0) + 1;
      total++;
    }
  }
  const byOp: Record<string, number> = {};
  for (const { op } of ops) byOp[op] = (byOp[op] ?? 0) + 1;
  return {
    entities: kb.size,
    kinds,
    roles: { total, holders, byRole },
    curation: { log, ops: ops.length, byOp },
  };
}

export function formatStats(s: KbStats): string {
  const count = (entries: [string, number | undefined][]) =>
    entries.map(([name, n]) => `  ${name.padEnd(22)} ${String(n ?? 0).padStart(6)}`);
  const lines = [
    `${s.entities} entities`,
    ...count(Object.entries(s.kinds).sort((a, b) => b[1] - a[1])),
    `${s.roles.total} roles held by ${s.roles.holders} persons`,
    ...count(Object.entries(s.roles.byRole)),
    `${s.curation.ops} curation operations applied from ${s.curation.log}`,
    ...count(Object.entries(s.curation.byOp)),
  ];
  return `${lines.join('\n')}\n`;
}
