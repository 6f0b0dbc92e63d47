/**
 * One unmasked, unfragmented binary WebSocket frame (RFC 6455 §5.2), as a server sends it: FIN +
 * opcode 2, the payload length in 7, 7+16 or 7+64 bits, then the payload. A relay sends the same bytes
 * to every socket of a board, so protocol.ts frames a message once and writes that buffer to each
 * socket, instead of ws building a header and corking a two-part write per socket (under load the relay
 * path was most of the server's allocations).
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = 0x82
  if (length < 126) {
    frame[1] = length
  } else if (length < 65_536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerBytes)
  return frame
}
