/** Timing samples and the printed report. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

/** One measured operation: the product's way (through the API) beside hand-written SQL on the same data. */
export interface Row {
  name: string;
  api: number[];
  raw: number[];
  /** p95 target in ms; only the aggregate rows carry one. */
  targetP95?: number;
}

export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function thousands(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e3).toFixed(0)} kB`;
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

const COLS = [38, 6, 8, 8, 8, 8, 8, 8, 7, 12, 6] as const;

export function tableHeader(): string {
  const h = [
    'operation',
    'n',
    'api p50',
    'api p95',
    'api max',
    'raw p50',
    'raw p95',
    'raw max',
    'ratio',
    'target',
    '',
  ];
  const line = h.map((c, i) => pad(c, COLS[i]!, i > 0 && i < 9)).join(' ');
  return `${line}\n${'-'.repeat(line.length)}`;
}

export interface Verdict {
  name: string;
  pass: boolean;
}

/** ratio = API p95 / raw p95: what the service layer costs over the bare query. */
export function tableRow(r: Row, verdicts: Verdict[]): string {
  const a = summarize(r.api);
  const b = summarize(r.raw);
  let target = '';
  let result = '';
  if (r.targetP95 !== undefined) {
    const pass = a.p95 <= r.targetP95;
    verdicts.push({ name: r.name, pass });
    target = `p95 ≤ ${r.targetP95} ms`;
    result = pass ? 'PASS' : 'FAIL';
  }
  const ratio = b.p95 > 0 ? `${(a.p95 / b.p95).toFixed(2)}×` : '-';
  const cells = [
    r.name,
    String(a.n),
    ms(a.p50),
    ms(a.p95),
    ms(a.max),
    ms(b.p50),
    ms(b.p95),
    ms(b.max),
    ratio,
  ];
  return [...cells.map((c, i) => pad(c, COLS[i]!, i > 0)), pad(target, COLS[9]!), result].join(' ');
}

/** Times one call in milliseconds. */
export async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
