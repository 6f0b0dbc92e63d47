import net from 'node:net'

/*
 * A sticky-free TCP load balancer for tests, as deploy/nginx.conf is in production: each new connection
 * goes to the next backend in turn, and a backend that refuses the connection (killed) is skipped for
 * the next one. No affinity: a client that reconnects lands wherever the turn is. `setBackends` swaps
 * the list (an instance restarted on another port).
 */

export interface RoundRobinProxy {
  port: number
  wsUrl: string
  setBackends(ports: readonly number[]): void
  close(): Promise<void>
}

export async function startRoundRobinProxy(initial: readonly number[]): Promise<RoundRobinProxy> {
  let backends = [...initial]
  let turn = 0
  const sockets = new Set<net.Socket>()

  /** Connects to the next backend that accepts, trying each at most once; undefined if none does. */
  const connectUpstream = async (): Promise<net.Socket | undefined> => {
    for (let tries = 0; tries < backends.length; tries++) {
      const port = backends[turn++ % backends.length]!
      const upstream = await new Promise<net.Socket | undefined>((resolve) => {
        const socket = net.connect(port, '127.0.0.1')
        socket.once('connect', () => resolve(socket))
        socket.once('error', () => resolve(undefined))
      })
      if (upstream) return upstream
    }
    return undefined
  }

  const server = net.createServer((client) => {
    client.pause()
    sockets.add(client)
    client.on('error', () => client.destroy())
    client.once('close', () => sockets.delete(client))
    void connectUpstream().then((upstream) => {
      if (!upstream || client.destroyed) {
        upstream?.destroy()
        client.destroy()
        return
      }
      sockets.add(upstream)
      upstream.on('error', () => upstream.destroy())
      upstream.once('close', () => {
        sockets.delete(upstream)
        client.destroy()
      })
      client.once('close', () => upstream.destroy())
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    setBackends(ports) {
      backends = [...ports]
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
