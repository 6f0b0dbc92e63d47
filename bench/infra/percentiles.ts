/** Distribution of a sample, in the sample's unit (milliseconds throughout the benchmark). */
export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits))

/** Nearest-rank percentiles, as panbench.mjs computes them, so our figures match the README's. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0)
    return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN }
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
  const sum = sorted.reduce((total, value) => total + value, 0)
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] as number),
    mean: round(sum / sorted.length),
  }
}
