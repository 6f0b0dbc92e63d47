// A `ws` WebSocket as a PeerSocket, and its events forwarded to the sync core's SocketEvents.
//
// sendShared writes a prebuilt frame (wsFrame.ts) straight to the TCP socket under ws: ws writes to the
// same socket synchronously in call order (no compression, so it never queues), so the two kinds of
// writes cannot reorder, and ws.bufferedAmount still counts both. The frame is built by the first socket
// that sends a shared message and reused by every other one: under load, relays were most of the
// server's allocations when ws built a header and corked a two-part write per socket.
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import type { PeerSocket, SharedMessage, SocketEvents } from './peerSocket'
import { binaryFrame } from './wsFrame'

export class WsPeerSocket implements PeerSocket {
  constructor(
    private readonly ws: WebSocket,
    /** The TCP socket under `ws`, for sendShared. */
    private readonly tcp: Duplex,
  ) {}

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN
  }

  get bufferedBytes(): number {
    return this.ws.bufferedAmount
  }

  send(message: Uint8Array, done: (error?: Error) => void): void {
    this.ws.send(message, done)
  }

  sendShared(message: SharedMessage): boolean {
    if (!this.tcp.writable) return false
    message.frame ??= binaryFrame(message.bytes)
    this.tcp.write(message.frame)
    return true
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason)
  }

  terminate(): void {
    this.ws.terminate()
  }

  ping(): void {
    this.ws.ping()
  }
}

/** Wires ws's events to `events`; call once, right after the upgrade. */
export function forwardWsEvents(ws: WebSocket, events: SocketEvents): void {
  ws.on('error', (error: Error & { code?: string }) => {
    // ws reports protocol violations here (e.g. a frame over maxPayload) and closes the socket itself.
    events.error({
      code: error.code,
      message: error.message,
      frameTooBig: error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
    })
  })
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) events.binaryMessage(toBytes(data))
    else events.textMessage(byteLength(data))
  })
  // SocketEvents' methods use no `this`: handed to ws as they are, without a closure per socket.
  ws.on('pong', events.pong)
  ws.on('close', events.close)
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

const byteLength = (data: RawData) =>
  Array.isArray(data) ? data.reduce((sum, b) => sum + b.byteLength, 0) : data.byteLength
