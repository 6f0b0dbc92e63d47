// Which records a Yjs update creates, changes or deletes, for write policies that judge an update by
// what it touches (a locked note, the structure) before it is applied.
//
// A record is an entry of a top-level map (`notes` → `note:…`, `stages` → `stage:…`), named by the
// top-level type and the map key; content directly in a top-level sequence (a top-level Y.Array or
// Y.Text) is the record `{ type, key: null }`. Anything nested inside an entry (a note's fields, the
// characters of its Y.Text) is a change to that entry.
//
// An update names where its items go only partly: an item with a left or right neighbour carries no
// parent (Yjs copies it from the neighbour when it integrates), and a nested item names its parent by
// the id of the item that holds the parent type. So each item is resolved through its neighbour or
// parent item, which is either earlier in the same update or already in the doc, up to the top-level
// type. The delete set is resolved against the doc (and the update's own items). Items whose parent can
// be found in neither (missing dependencies) are counted in `unresolved`, so a policy can refuse what it
// cannot judge. Items that attach to collected content (under a deleted type) and items the doc already
// has change nothing when applied, so they touch nothing.
//
// Nothing is applied; the doc is only read. Cost: one decode of the update plus a walk per item, so a
// policy that needs it pays for it, and the server decodes nothing more when no policy does.
import * as Y from 'yjs'

export type RecordChange = 'created' | 'changed' | 'deleted'

export interface TouchedRecord {
  /** The top-level type's name (`notes`). */
  type: string
  /** The entry's key in that top-level map (`note:…`); null for content of a top-level sequence. */
  key: string | null
  /**
   * `created`: a new entry under a key that had no live value; `changed`: the entry's value replaced,
   * or anything inside it added or deleted; `deleted`: the live entry deleted without a replacement.
   */
  change: RecordChange
}

export interface TouchedRecords {
  /** One per record, in the order first touched. */
  records: TouchedRecord[]
  /** Items and deletions whose record could not be found in the update or the doc. */
  unresolved: number
}

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Where an item sits: the top-level type, the record key, and whether the item is the entry itself. */
interface Place {
  type: string
  key: string | null
  entry: boolean
}

/**
 * The place of an item that attaches to collected (GC) content: Yjs turns it into a GC struct too, so it
 * changes nothing (an edit of a note that lost a concurrent conflict and was collected).
 */
const inert = Symbol('inert')
type Resolved = Place | typeof inert | null

/** `update` may be passed already decoded (Y.decodeUpdate), so a caller that decoded it pays once. */
export function touchedRecords(update: Uint8Array | DecodedUpdate, doc: Y.Doc): TouchedRecords {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const resolver = new PlaceResolver(structs, doc)
  const touched = new Touches(doc)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue // GC and Skip carry no content
    // Already in the doc (a resent update): Yjs skips it, so it touches nothing.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const place = resolver.ofUpdateItem(struct)
    if (place === inert) continue
    if (place) touched.added(place)
    else touched.unresolved++
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) resolver.forDeleted(client, clock, len, touched)
  }
  return { records: touched.list(), unresolved: touched.unresolved }
}

class Touches {
  unresolved = 0
  private readonly records = new Map<string, TouchedRecord>()
  /** Records with a new entry item in this update (created or replaced), never downgraded to deleted. */
  private readonly newEntries = new Set<string>()

  constructor(private readonly doc: Y.Doc) {}

  added(place: Place): void {
    const id = recordKey(place)
    if (place.entry && place.key !== null) {
      this.newEntries.add(id)
      // An entry created by this update stays a creation, whatever else the update does inside it.
      if (this.records.get(id)?.change !== 'created')
        this.set(place, this.hasLiveEntry(place.type, place.key) ? 'changed' : 'created')
      return
    }
    if (!this.records.has(id)) this.set(place, 'changed')
  }

  deleted(place: Place, liveEntry: boolean): void {
    const id = recordKey(place)
    if (liveEntry && !this.newEntries.has(id)) this.set(place, 'deleted')
    else if (!this.records.has(id)) this.set(place, 'changed')
  }

  list(): TouchedRecord[] {
    return [...this.records.values()]
  }

  private set(place: Place, change: RecordChange): void {
    this.records.set(recordKey(place), { type: place.type, key: place.key, change })
  }

  private hasLiveEntry(type: string, key: string): boolean {
    const entry = this.doc.share.get(type)?._map.get(key)
    return entry !== undefined && !entry.deleted
  }
}

const recordKey = (place: Place) => `${place.type}\u0000${place.key ?? ''}\u0000${place.key === null}`

class PlaceResolver {
  /**
   * The update's items and collected (GC) ranges per client, in clock order (as an update lists them).
   * An update holds GC ranges for content it created and deleted at once (the fields of a note created
   * or changed and deleted in one transaction).
   */
  private readonly own = new Map<number, (Y.Item | Y.GC)[]>()
  private readonly places = new Map<Y.Item, Resolved>()

  constructor(
    structs: DecodedUpdate['structs'],
    private readonly doc: Y.Doc,
  ) {
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue
      let items = this.own.get(struct.id.client)
      if (!items) {
        items = []
        this.own.set(struct.id.client, items)
      }
      items.push(struct as Y.Item | Y.GC)
    }
  }

  /**
   * An item of the update: its parent is a top-level name, the id of the item holding its parent type,
   * or (null) its neighbour's. Followed iteratively, with every place remembered, so a long chain of
   * neighbours in one update costs one walk, and a hostile one (even a cycle) cannot hang or overflow.
   */
  ofUpdateItem(start: Y.Item): Place | typeof inert | undefined {
    const links: { item: Y.Item; nested: boolean }[] = []
    const visited = new Set<Y.Item>()
    let item = start
    let place: Resolved
    for (;;) {
      const known = this.places.get(item)
      if (known !== undefined) {
        place = known
        break
      }
      const parent: unknown = item.parent
      if (typeof parent === 'string') {
        place = { type: parent, key: item.parentSub, entry: true }
        this.places.set(item, place)
        break
      }
      visited.add(item)
      const nested = parent instanceof Y.ID
      links.push({ item, nested })
      const ref = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin)
      const next = ref ? this.find(ref.client, ref.clock) : undefined
      if (next === 'collected') {
        place = inert
        break
      }
      if (!next || visited.has(next.item)) {
        place = null
        break
      }
      if (!next.inUpdate) {
        place = locateInDoc(next.item) ?? null
        break
      }
      item = next.item
    }
    // A nested item sits inside its holder's record (not as the entry); a neighbour shares its place.
    for (let i = links.length - 1; i >= 0; i--) {
      const { item: link, nested } = links[i]!
      if (place && place !== inert && nested) place = { ...place, entry: false }
      this.places.set(link, place)
    }
    return place ?? undefined
  }

  /** The structs of a deleted range: in the doc, or items of this same update (counted where added). */
  forDeleted(client: number, clock: number, len: number, touched: Touches): void {
    const end = clock + len
    const state = Y.getState(this.doc.store, client)
    if (clock < state) {
      const structs = this.doc.store.clients.get(client)!
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue // already gone: nothing changes
        const place = locateInDoc(struct)
        if (!place) touched.unresolved++
        else touched.deleted(place, place.entry && place.key !== null && isLiveEntry(struct, place.key))
      }
    }
    if (end > state && !this.ownCover(client, Math.max(clock, state), end)) touched.unresolved++
  }

  /** Whether the update's own items of `client` cover the clocks [from, to). */
  private ownCover(client: number, from: number, to: number): boolean {
    let next = from
    for (const item of this.own.get(client) ?? []) {
      if (item.id.clock > next) break
      next = Math.max(next, item.id.clock + item.length)
      if (next >= to) return true
    }
    return false
  }

  /** Binary search: an update lists each client's structs in clock order. */
  private ownAt(client: number, clock: number): Y.Item | Y.GC | undefined {
    const items = this.own.get(client)
    if (!items) return undefined
    let low = 0
    let high = items.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const item = items[mid]!
      if (clock < item.id.clock) high = mid - 1
      else if (clock >= item.id.clock + item.length) low = mid + 1
      else return item
    }
    return undefined
  }

  /** The item with this id, in the update or the doc; 'collected' if it is a GC struct there. */
  private find(client: number, clock: number): { item: Y.Item; inUpdate: boolean } | 'collected' | undefined {
    const mine = this.ownAt(client, clock)
    if (mine) return mine instanceof Y.Item ? { item: mine, inUpdate: true } : 'collected'
    if (clock >= Y.getState(this.doc.store, client)) return undefined
    const structs = this.doc.store.clients.get(client)!
    const struct = structs[Y.findIndexSS(structs, clock)]
    return struct instanceof Y.Item ? { item: struct, inUpdate: false } : 'collected'
  }
}

/** An integrated item's place: up through the items holding its parent types to the top level. */
function locateInDoc(item: Y.Item): Place | undefined {
  let current = item
  for (;;) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return undefined
    if (parent._item === null) {
      const type = topLevelName(parent)
      return type === undefined ? undefined : { type, key: current.parentSub, entry: current === item }
    }
    current = parent._item
  }
}

function topLevelName(type: Y.AbstractType<unknown>): string | undefined {
  for (const [name, shared] of type.doc?.share ?? []) if (shared === type) return name
  return undefined
}

function isLiveEntry(item: Y.Item, key: string): boolean {
  return (item.parent as Y.AbstractType<unknown>)._map.get(key) === item
}
