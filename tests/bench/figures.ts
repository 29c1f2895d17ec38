/** One measured figure. `bar` is the limit the figure must stay under (or over, for `min`). */
export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: 'ms' | 'x' | '';
  bar?: { max?: number; min?: number };
}

export interface Area {
  name: string;
  run(): Promise<Figure[]>;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** Runs fn n times after a short warm-up and returns each duration in ms. */
export async function timeMany(
  n: number,
  fn: (i: number) => unknown | Promise<unknown>,
  warmup = 5,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

export function passes(f: Figure): boolean | undefined {
  if (!f.bar) return undefined;
  if (f.bar.max !== undefined && !(f.value <= f.bar.max)) return false;
  if (f.bar.min !== undefined && !(f.value >= f.bar.min)) return false;
  return true;
}
