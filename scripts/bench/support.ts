/** What the benchmarks share: their statistics and the command line they print with their numbers. */

/** The value below which `p` per cent of `values` lie (nearest rank); NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: number[]): number => percentile(values, 50);

/** The command that reproduces this run: the settings it read from the environment, then `npm run bench <name>`. */
export function benchCommand(name: string): string {
  const settings = Object.entries(process.env)
    .filter(([key]) => key === "GLOSSA_DIST_DIR" || key.startsWith("BENCH_"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
  return [...settings, "npm run bench", name].join(" ");
}
