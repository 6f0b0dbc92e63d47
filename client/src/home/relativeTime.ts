const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "just now", "5 minutes ago", "yesterday"… for a past timestamp (ms). */
export function relativeTime(thenMs: number, nowMs: number = Date.now(), locale = 'en'): string {
  const elapsed = nowMs - thenMs
  if (elapsed < 45_000) return 'just now'
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.round(elapsed / ms), unit)
  }
  return format.format(-Math.max(1, Math.round(elapsed / 60_000)), 'minute')
}
