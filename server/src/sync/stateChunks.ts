import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodeIntegratedState } from '../limits/pendingUpdates'

/*
 * Encodes a doc's integrated state as several Yjs updates (v1) of at most `maxChunkBytes` each, whose
 * union is the doc: what compaction stores, so that a large board can be sent to a joining client one
 * bounded message at a time (syncReply.ts) instead of as one frame that a slow link cannot deliver
 * before the client's 30 s liveness timeout.
 *
 * Each chunk is self-contained in the Yjs sense: structs are emitted in dependency order (an item only
 * after the items its origin, right origin and parent point into, and after its own client's earlier
 * clocks), so a client that applies the chunks in order integrates every one at once and never parks
 * structs as pending (which would make it re-merge the growing pending update on every later chunk).
 * The delete set comes last, once every struct it names is there: in the last struct chunk if it fits,
 * else in chunks of its own.
 *
 * The content is the doc's, not the history's: deleted content is already garbage-collected, so the
 * chunks together are within a few header bytes per chunk of `Y.encodeStateAsUpdate`. Pending structs
 * (updates with missing dependencies, limits/pendingUpdates.ts) are never included.
 *
 * A single struct bigger than `maxChunkBytes` is split when its content is a run of characters or JSON
 * values (a long pasted text, a big array); what cannot be split (one embedded binary, one huge map
 * value) becomes one chunk of its own, over the limit.
 */

type Struct = Y.Item | Y.GC

export function encodeStateInChunks(doc: Y.Doc, maxChunkBytes: number): Uint8Array[] {
  // Most boards fit in one chunk: Yjs's own encoder is ~5× faster than the ordered walk below.
  const whole = encodeIntegratedState(doc)
  if (whole.byteLength <= maxChunkBytes) return [whole]
  const writer = new ChunkWriter(maxChunkBytes)
  const clients = doc.store.clients as Map<number, Struct[]>
  /** Per client, the index of the next struct to emit. */
  const next = new Map<number, number>()
  const emittedBefore = (client: number, clock: number): boolean => {
    const structs = clients.get(client)
    if (!structs) return true // not in the store: nothing to wait for
    const i = next.get(client) ?? 0
    return i < structs.length ? clock < structs[i]!.id.clock : true
  }
  const visiting = new Set<Struct>()
  // Explicit stack of "emit `client` through `clock`" frames: documents can nest deeper than the JS stack.
  const stack: [client: number, clock: number][] = []
  for (const client of [...clients.keys()].sort((a, b) => b - a)) {
    stack.push([client, Number.POSITIVE_INFINITY])
    while (stack.length > 0) {
      const [c, clock] = stack[stack.length - 1]!
      const structs = clients.get(c)!
      const i = next.get(c) ?? 0
      if (i >= structs.length || structs[i]!.id.clock > clock) {
        stack.pop()
        continue
      }
      const struct = structs[i]!
      if (!visiting.has(struct)) {
        visiting.add(struct)
        const missing = dependencies(struct).filter((id) => !emittedBefore(id.client, id.clock))
        if (missing.length > 0) {
          for (const id of missing) stack.push([id.client, id.clock])
          continue
        }
      }
      // Dependencies are out (a cycle, which a valid doc cannot have, would only cost the client a retry).
      visiting.delete(struct)
      writer.addStruct(c, struct)
      next.set(c, i + 1)
    }
  }
  const ds = Y.createDeleteSetFromStructStore(doc.store)
  // A small board stays one row: the delete set joins the last struct chunk when it fits.
  if (!writer.flush(encodeDeleteSet(ds))) writeDeleteSetChunks(ds, writer)
  // An empty doc is still one (empty) update, so a compacted board always has a row.
  return writer.chunks.length > 0 ? writer.chunks : [new Uint8Array([0, 0])]
}

function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return []
  const ids: Y.ID[] = []
  if (struct.origin) ids.push(struct.origin)
  if (struct.rightOrigin) ids.push(struct.rightOrigin)
  const parent = struct.parent
  if (parent instanceof Y.AbstractType && parent._item) ids.push(parent._item.id)
  else if (parent instanceof Y.ID) ids.push(parent)
  return ids
}

const varUintBytes = (n: number) => {
  let bytes = 1
  while (n > 0x7f) {
    n = Math.floor(n / 128)
    bytes++
  }
  return bytes
}

interface Run {
  client: number
  clock: number
  count: number
  parts: Uint8Array[]
  bytes: number
}

const runHeaderBytes = (run: Run) =>
  varUintBytes(run.count) + varUintBytes(run.client) + varUintBytes(run.clock)

/** Collects per-client runs of structs into updates of at most maxChunkBytes. */
class ChunkWriter {
  readonly chunks: Uint8Array[] = []
  private runs = new Map<number, Run>()
  /** Exact size of the update `flush` would write now (an empty one is [0, 0]). */
  private size = 2

  constructor(readonly maxChunkBytes: number) {}

  addStruct(client: number, struct: Struct): void {
    const whole = encodeStruct(struct, 0, struct.length)
    if (this.tryAdd(client, struct.id.clock, whole)) return
    this.flush()
    if (this.tryAdd(client, struct.id.clock, whole)) return
    if (!isSplittable(struct)) {
      this.add(client, struct.id.clock, whole) // alone and over the limit: the documented exception
      this.flush()
      return
    }
    // Too big for any chunk: cut its content into pieces that each fill a chunk (the chunk is empty here).
    const bytesPerUnit = whole.byteLength / struct.length
    let offset = 0
    while (offset < struct.length) {
      const remaining = struct.length - offset
      let count = Math.max(1, Math.min(remaining, Math.floor((this.maxChunkBytes - 64) / bytesPerUnit)))
      for (;;) {
        const cut = safeCut(struct, offset, count)
        const piece = encodeStruct(struct, offset, offset + cut)
        if (this.tryAdd(client, struct.id.clock + offset, piece)) {
          offset += cut
          break
        }
        if (count === 1) {
          this.add(client, struct.id.clock + offset, piece) // one unit over the limit
          offset += cut
          break
        }
        count = Math.max(1, Math.floor(count * 0.8))
      }
      if (offset < struct.length) this.flush()
    }
  }

  /** Ends the chunk; with `deleteSet`, ends it with that if it fits (and says whether it did). */
  flush(deleteSet?: Uint8Array): boolean {
    const withDeletes = deleteSet !== undefined && this.size - 1 + deleteSet.byteLength <= this.maxChunkBytes
    if (this.runs.size === 0 && !withDeletes) return false
    if (deleteSet && isEmptyDeleteSet(deleteSet) && this.runs.size === 0) return true
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, this.runs.size)
    for (const run of this.runs.values()) {
      encoding.writeVarUint(e, run.count)
      encoding.writeVarUint(e, run.client)
      encoding.writeVarUint(e, run.clock)
      for (const part of run.parts) encoding.writeUint8Array(e, part)
    }
    if (withDeletes) encoding.writeUint8Array(e, deleteSet)
    else encoding.writeVarUint(e, 0) // no deletions
    this.chunks.push(encoding.toUint8Array(e))
    this.runs = new Map()
    this.size = 2
    return withDeletes
  }

  /** Adds the struct's bytes if the chunk stays within the limit. */
  private tryAdd(client: number, clock: number, bytes: Uint8Array): boolean {
    if (this.sizeWith(client, clock, bytes) > this.maxChunkBytes) return false
    this.add(client, clock, bytes)
    return true
  }

  private sizeWith(client: number, clock: number, bytes: Uint8Array): number {
    const run = this.runs.get(client)
    if (run) {
      const grown = { ...run, count: run.count + 1 }
      return this.size + runHeaderBytes(grown) - runHeaderBytes(run) + bytes.byteLength
    }
    const fresh: Run = { client, clock, count: 1, parts: [], bytes: 0 }
    const runsBytes = varUintBytes(this.runs.size + 1) - varUintBytes(this.runs.size)
    return this.size + runsBytes + runHeaderBytes(fresh) + bytes.byteLength
  }

  private add(client: number, clock: number, bytes: Uint8Array): void {
    this.size = this.sizeWith(client, clock, bytes)
    const run = this.runs.get(client)
    if (run) {
      run.count++
      run.parts.push(bytes)
      run.bytes += bytes.byteLength
    } else {
      this.runs.set(client, { client, clock, count: 1, parts: [bytes], bytes: bytes.byteLength })
    }
  }
}

const isSplittable = (struct: Struct): struct is Y.Item =>
  struct instanceof Y.Item &&
  struct.length > 1 &&
  (struct.content instanceof Y.ContentString ||
    struct.content instanceof Y.ContentAny ||
    struct.content instanceof Y.ContentJSON)

/** `count` units from `offset`, one fewer if that would cut a UTF-16 surrogate pair in half. */
function safeCut(struct: Struct, offset: number, count: number): number {
  if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return count
  const end = offset + count
  if (end >= struct.length || count === 1) return count
  const code = struct.content.str.charCodeAt(end - 1)
  return code >= 0xd800 && code <= 0xdbff ? count - 1 : count
}

/** The struct's units [from, to) as they would appear in an update (a split item, as Yjs would split it). */
function encodeStruct(struct: Struct, from: number, to: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  if (from === 0 && to === struct.length) {
    struct.write(encoder, 0)
  } else {
    const item = struct as Y.Item
    const { client, clock } = item.id
    let content = item.content.copy()
    if (from > 0) content = content.splice(from)
    if (to < item.length) content.splice(to - from)
    const origin = from > 0 ? Y.createID(client, clock + from - 1) : item.origin
    const piece = new Y.Item(
      Y.createID(client, clock + from),
      null,
      origin,
      null,
      item.rightOrigin,
      item.parent,
      item.parentSub,
      content,
    )
    piece.write(encoder, 0)
  }
  return encoder.toUint8Array()
}

const isEmptyDeleteSet = (bytes: Uint8Array) => bytes.byteLength === 1 && bytes[0] === 0

/** The delete set as Yjs writes it after an update's structs (v1). */
function encodeDeleteSet(ds: ReturnType<typeof Y.createDeleteSetFromStructStore>): Uint8Array {
  const e = encoding.createEncoder()
  writeDeleteSetEntries(
    e,
    [...ds.clients.entries()].sort((a, b) => b[0] - a[0]),
  )
  return encoding.toUint8Array(e)
}

type DeleteSetEntry = [client: number, items: { clock: number; len: number }[]]

function writeDeleteSetEntries(e: encoding.Encoder, entries: DeleteSetEntry[]): void {
  encoding.writeVarUint(e, entries.length)
  for (const [client, items] of entries) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, items.length)
    for (const { clock, len } of items) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
}

/** The delete set as updates without structs, split by client and range to stay under the limit. */
function writeDeleteSetChunks(
  ds: ReturnType<typeof Y.createDeleteSetFromStructStore>,
  writer: ChunkWriter,
): void {
  const max = writer.maxChunkBytes
  let entries: DeleteSetEntry[] = []
  let size = 3
  const flush = () => {
    if (entries.length === 0) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0) // no structs
    writeDeleteSetEntries(e, entries)
    writer.chunks.push(encoding.toUint8Array(e))
    entries = []
    size = 3
  }
  for (const [client, items] of [...ds.clients.entries()].sort((a, b) => b[0] - a[0])) {
    let current: { clock: number; len: number }[] | undefined
    for (const item of items) {
      const itemBytes = varUintBytes(item.clock) + varUintBytes(item.len)
      const headerBytes = current ? 0 : varUintBytes(client) + 5
      if (size + headerBytes + itemBytes > max && entries.length > 0) {
        flush()
        current = undefined
      }
      if (!current) {
        current = []
        entries.push([client, current])
        size += varUintBytes(client) + 5
      }
      current.push({ clock: item.clock, len: item.len })
      size += itemBytes
    }
  }
  flush()
}
