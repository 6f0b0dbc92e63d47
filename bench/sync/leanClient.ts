import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

/**
 * A y-websocket client without the provider's machinery: one socket, one Y.Doc, the sync handshake and
 * awareness renewal, byte for byte what `WebsocketProvider` sends. Why not the provider itself: in a
 * room of 20 every update reaches 19 peers, and 1,000 providers in one process would apply ~40,000
 * updates a second they don't need, saturating the load process and polluting the latency figures.
 * Here only a room's observer applies remote updates; writers receive and drop them, as a socket must.
 */
const messageSync = 0
const messageAwareness = 1
const messageAuth = 2
const syncStep1 = 0
const syncStep2 = 1
const syncUpdate = 2

/** y-protocols renews a client's awareness state every outdatedTimeout / 2 (30 s / 2). */
export const awarenessRenewMs = 15_000

export interface LeanClientOptions {
  url: string
  /** Apply updates from the server to `doc` (the observer); writers drop them. */
  applyRemote: boolean
  /** The presence state every browser would announce (name, color, cursor). */
  awarenessState: Record<string, unknown>
}

export class LeanClient {
  readonly doc = new Y.Doc({ gc: true })
  synced = false
  /** Set when the server closed the socket or refused a write. */
  failure: string | undefined
  private ws: WebSocket | undefined
  private awarenessClock = 0
  private renewTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: LeanClientOptions) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(this.encodeSync(syncUpdate, update))
    })
  }

  /** Resolves true once the server's sync step 2 arrived, false on close, error or timeout. */
  connect(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const ws = new WebSocket(this.options.url, { perMessageDeflate: false })
      ws.binaryType = 'nodebuffer'
      this.ws = ws
      let settled = false
      const settle = (ok: boolean) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(ok)
      }
      const timer = setTimeout(() => {
        this.failure ??= `not synced within ${timeoutMs} ms`
        settle(false)
      }, timeoutMs)
      ws.on('open', () => {
        this.send(this.encodeSync(syncStep1, Y.encodeStateVector(this.doc)))
        this.sendAwareness()
        this.renewTimer = setInterval(() => this.sendAwareness(), awarenessRenewMs)
      })
      ws.on('message', (data: Buffer) => {
        this.onMessage(data)
        if (this.synced) settle(true)
      })
      ws.on('error', (error) => {
        this.failure ??= `socket error: ${error.message}`
        settle(false)
      })
      ws.on('close', (code) => {
        clearInterval(this.renewTimer)
        if (!this.synced || code !== 1000) this.failure ??= `closed with ${code}`
        settle(false)
      })
    })
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  close(): void {
    clearInterval(this.renewTimer)
    this.ws?.terminate()
    this.doc.destroy()
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message)
  }

  private encodeSync(type: number, payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint8Array(encoder, payload)
    return encoding.toUint8Array(encoder)
  }

  /** The awareness wire format (y-protocols encodeAwarenessUpdate) for our one client id. */
  private sendAwareness(): void {
    this.awarenessClock++
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, this.doc.clientID)
    encoding.writeVarUint(update, this.awarenessClock)
    encoding.writeVarString(update, JSON.stringify(this.options.awarenessState))
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, messageAwareness)
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
    this.send(encoding.toUint8Array(message))
  }

  private onMessage(data: Buffer): void {
    // Writers drop relayed updates unread (sync, update: bytes 0, 2), keeping the load process light.
    if (!this.options.applyRemote && this.synced && data[0] === messageSync && data[1] === syncUpdate) return
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    const type = decoding.readVarUint(decoder)
    if (type === messageAuth) {
      this.failure ??= 'permission denied'
      return
    }
    if (type !== messageSync) return // awareness of others: a browser would draw cursors; we don't need them
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (syncType === syncStep1) {
      this.send(this.encodeSync(syncStep2, Y.encodeStateAsUpdate(this.doc, payload)))
    } else if (syncType === syncStep2) {
      if (this.options.applyRemote) Y.applyUpdate(this.doc, payload, this)
      this.synced = true
    } else if (syncType === syncUpdate && this.options.applyRemote) {
      Y.applyUpdate(this.doc, payload, this)
    }
  }
}
