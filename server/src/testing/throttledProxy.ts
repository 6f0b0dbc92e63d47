import net from 'node:net'

/*
 * A TCP proxy in front of a test server whose server → client direction runs at `bytesPerSecond`,
 * released in slices every `sliceMs` (a slow link for real sockets). It reads from the server only as
 * fast as it forwards (plus `highWaterBytes`), so the server sees the backpressure a slow client causes.
 * The client → server direction is not throttled.
 */

export interface ThrottledProxy {
  port: number
  close(): Promise<void>
}

export async function startThrottledProxy(options: {
  targetPort: number
  bytesPerSecond: number
  sliceMs?: number
  highWaterBytes?: number
}): Promise<ThrottledProxy> {
  const sliceMs = options.sliceMs ?? 50
  const highWaterBytes = options.highWaterBytes ?? 64 * 1024
  const bytesPerSlice = Math.max(1, Math.round((options.bytesPerSecond * sliceMs) / 1000))
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(options.targetPort, '127.0.0.1')
    sockets.add(client).add(upstream)
    const queue: Buffer[] = []
    let queued = 0
    const timer = setInterval(() => {
      let budget = bytesPerSlice
      while (budget > 0 && queue.length > 0) {
        const head = queue[0]!
        const piece = head.subarray(0, budget)
        if (piece.byteLength === head.byteLength) queue.shift()
        else queue[0] = head.subarray(budget)
        budget -= piece.byteLength
        queued -= piece.byteLength
        client.write(piece)
      }
      if (queued < highWaterBytes) upstream.resume()
    }, sliceMs)
    upstream.on('data', (data: Buffer) => {
      queue.push(data)
      queued += data.byteLength
      if (queued >= highWaterBytes) upstream.pause()
    })
    client.pipe(upstream)
    const end = () => {
      clearInterval(timer)
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    for (const socket of [client, upstream]) {
      socket.on('close', end)
      socket.on('error', end)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
