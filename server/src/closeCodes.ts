/**
 * WebSocket close codes the server sends. 1xxx are RFC 6455 codes; 4xxx are private.
 * The stock y-websocket client stops reconnecting on 4400–4499 (a deliberate "retrying cannot fix this"),
 * and reconnects on everything else — so a client bug is not retried in a loop, while a server-side
 * failure (1011) or a restart (1001) is.
 */
export const closeCodes = {
  /** Server is shutting down; the client reconnects to the next instance. */
  goingAway: 1001,
  /**
   * This instance is draining (SIGTERM/SIGINT, a rolling restart): the stock client reconnects, and
   * behind a load balancer reaches another instance, which loads the board from the shared store.
   */
  serviceRestart: 1012,
  /** A text frame arrived; the y-websocket protocol is binary only. */
  unsupportedData: 1003,
  /** Frame larger than config.maxMessageBytes (sent by ws itself via `maxPayload`). */
  messageTooBig: 1009,
  /** Loading the board or storing an edit failed; the board is reloaded and the client resyncs on reconnect. */
  internalError: 1011,
  /** The socket sent more than config.maxLoadingBufferBytes while its board was still loading. */
  tryAgainLater: 1013,
  /**
   * The link this socket joined with was rotated (POST /api/boards/<id>/links/<role>/rotate): its token
   * no longer works. Final, so the client does not retry with a dead token; the page says why.
   */
  linkRotated: 4401,
  /** Malformed or truncated protocol message, or an unknown message type. */
  malformedMessage: 4400,
  /** An update that would take the board past config.maxDocBytes; it is not applied or stored. */
  docTooLarge: 4413,
  /** A well-formed message carrying a Yjs update that Yjs cannot decode or apply. */
  invalidUpdate: 4422,
  /**
   * Updates whose dependencies never arrived passed config.maxPendingBytes on the board; they are
   * dropped. Final: an honest client never sends them.
   */
  pendingOverflow: 4424,
  /** More sync messages than config.maxUpdatesPerSecond (burst updateBurst). Transient: it reconnects. */
  rateLimited: 4529,
} as const

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes]
