import { afterEach } from 'vitest'
import type { ClientOptions } from './clients'
import { connectClient, startTestServer, type TestClient, type TestServer } from './testServer'

/**
 * Servers and clients a test file starts, torn down after each test in reverse order. Call once at the
 * top of a test file; push any other teardown (raw sockets, temp dirs) onto `cleanups`.
 */
export function testScope() {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  return {
    cleanups,
    async start(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
      const t = await startTestServer(options)
      cleanups.push(() => t.stop())
      return t
    },
    client(t: TestServer, boardId: string, token: string, options?: ClientOptions): TestClient {
      const c = connectClient(t, boardId, token, options)
      cleanups.push(() => c.destroy())
      return c
    },
  }
}
