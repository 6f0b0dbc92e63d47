// The transport under a connection, as the sync core sees it: send, send one message shared by many
// sockets, close, ping. The room, the protocol and the join never see `ws` or a TCP socket, so they are
// unit-tested with an in-memory socket (testing/memorySocket.ts); wsPeerSocket.ts is the WebSocket
// implementation. Events go the other way: the transport calls the `SocketEvents` that `join` returns.

export interface PeerSocket {
  /** Open: a message sent now can still reach the peer. */
  readonly isOpen: boolean
  /** Bytes accepted for this peer and not yet handed to the kernel (ws's bufferedAmount). */
  readonly bufferedBytes: number
  /** `done` runs once the message has been handed to the kernel, or with the error the write failed with. */
  send(message: Uint8Array, done: (error?: Error) => void): void
  /**
   * One message that many sockets get (relays, awareness): the transport prepares it once for all of them
   * (the WebSocket frames it once and writes the same buffer to each socket). False when the socket can no
   * longer be written to (it is closing; its close event is on the way); throws if the write failed.
   */
  sendShared(message: SharedMessage): boolean
  close(code: number, reason: string): void
  /** Drops the connection without a close handshake. */
  terminate(): void
  /** The peer answers with a pong (SocketEvents.pong). */
  ping(): void
}

/** A message sent to many sockets, with what the transport prepared from it (built by the first socket). */
export class SharedMessage {
  /** The WebSocket frame of `bytes`, built once by the first WebSocket that sends it (wsPeerSocket.ts). */
  frame: Buffer | undefined = undefined
  constructor(readonly bytes: Uint8Array) {}
}

export interface SocketError {
  /** The transport's error code, when it has one (e.g. ws's WS_ERR_*). */
  code: string | undefined
  message: string
  /** The peer sent a frame over the size limit (the transport closes the socket itself). */
  frameTooBig: boolean
}

/** What the transport tells the sync core about one socket. Methods use no `this`, so they can be passed on. */
export interface SocketEvents {
  /** A complete binary message; `data` may be a view of a buffer the transport reuses once this returns. */
  binaryMessage(data: Uint8Array): void
  textMessage(byteLength: number): void
  pong(): void
  error(error: SocketError): void
  close(code: number): void
}
