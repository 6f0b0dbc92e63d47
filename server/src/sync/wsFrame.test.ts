import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { testScope } from '../testing/testScope'
import { binaryFrame } from './wsFrame'

// A real ws server and client over a real socket: the frames are written to the server's TCP socket
// directly, interleaved with ws's own sends, and must arrive as the same messages, in order.
const { cleanups: closers } = testScope()

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff)

describe('binaryFrame', () => {
  it('is read by a ws client as the same binary messages, in order with ws.send, across every length encoding', async () => {
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const ws of wss.clients) ws.terminate()
          wss.close(() => resolve())
        }),
    )
    wss.on('connection', (ws, req) => {
      for (const length of lengths) {
        req.socket.write(binaryFrame(payload(length)))
        ws.send(payload(length + 1)) // ws's own framing, between ours
      }
    })
    await new Promise((resolve) => wss.once('listening', resolve))
    const { port } = wss.address() as AddressInfo
    const client = new WebSocket(`ws://127.0.0.1:${port}`)
    closers.push(async () => client.close())
    const received: Uint8Array[] = []
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject)
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true)
        received.push(new Uint8Array(data))
        if (received.length === lengths.length * 2) resolve()
      })
    })
    expect(received.map((m) => m.byteLength)).toEqual(lengths.flatMap((n) => [n, n + 1]))
    lengths.forEach((n, i) => {
      expect(received[2 * i]).toEqual(payload(n))
      expect(received[2 * i + 1]).toEqual(payload(n + 1))
    })
  })
})
