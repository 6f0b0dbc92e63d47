/** Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes; never loops unbounded. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(intervalMs)
  }
  return check()
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves when GET `url` answers 2xx, within `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  return waitFor(
    async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
        await response.arrayBuffer()
        return response.ok
      } catch {
        return false
      }
    },
    timeoutMs,
    100,
  )
}
