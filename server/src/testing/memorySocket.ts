import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { messageAuth, messageAwareness, messageSync } from '../sync/messages'
import type { PeerSocket, SharedMessage } from '../sync/peerSocket'

// A PeerSocket in memory, for unit tests of the room, the rooms, the protocol and the join: it keeps what
// the server sent, as it was sent, and lets a test play the network (a slow reader, a closed socket).
// The real transport is tested over real sockets (wsPeerSocket.ts, via every integration test).

export class MemorySocket implements PeerSocket {
  /** Every message sent to this socket, in order (shared ones as their bytes). */
  readonly sent: Uint8Array[] = []
  closedWith: { code: number; reason: string } | undefined
  terminated = false
  pings = 0
  /** What the transport reports as queued for the peer; a test raises it to play a socket that does not read. */
  bufferedBytes = 0
  /** Sends hand over at once unless a test holds them (then `release()` hands them over). */
  holdSends = false
  private held: (() => void)[] = []

  get isOpen(): boolean {
    return this.closedWith === undefined && !this.terminated
  }

  send(message: Uint8Array, done: (error?: Error) => void): void {
    this.sent.push(message)
    const handOver = () => done()
    if (this.holdSends) this.held.push(handOver)
    else queueMicrotask(handOver)
  }

  sendShared(message: SharedMessage): boolean {
    if (!this.isOpen) return false
    this.sent.push(message.bytes)
    return true
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason }
  }

  terminate(): void {
    this.terminated = true
  }

  ping(): void {
    this.pings++
  }

  /** Hands every held send over to "the kernel", in order. */
  release(): void {
    this.holdSends = false
    for (const handOver of this.held.splice(0)) handOver()
  }

  /** The sync messages received, as [sync message type, payload]. */
  syncMessages(): [number, Uint8Array][] {
    return this.sent
      .filter((m) => m[0] === messageSync)
      .map((m) => {
        const decoder = decoding.createDecoder(m)
        decoding.readVarUint(decoder)
        return [decoding.readVarUint(decoder), decoding.readVarUint8Array(decoder)]
      })
  }

  /** Everything received as document state (sync step 2 and updates), applied to a fresh doc. */
  receivedDoc(): Y.Doc {
    const doc = new Y.Doc()
    for (const [type, payload] of this.syncMessages()) {
      if (type !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, payload)
    }
    return doc
  }

  /** The reasons of the permission-denied messages received. */
  permissionDenied(): string[] {
    return this.sent
      .filter((m) => m[0] === messageAuth)
      .map((m) => {
        const decoder = decoding.createDecoder(m)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder) // messagePermissionDenied
        return decoding.readVarString(decoder)
      })
  }

  awarenessMessages(): Uint8Array[] {
    return this.sent.filter((m) => m[0] === messageAwareness)
  }
}
