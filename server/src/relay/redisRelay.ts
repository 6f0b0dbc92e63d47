import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import type { Logger } from '../log'
import { messageAwareness } from '../sync/messages'
import { localRelays, type OpenRelay, type Relay, type RelayTarget } from '../sync/relay'

// Relaying between instances through Redis (REDIS_URL). One stream per board document: an instance
// XADDs an update only once its store made it durable (the room calls the relay after the write), tagged
// with its instance id, and every instance XREADs each loaded document's stream from the last id it read,
// skipping its own entries. Presence goes over pub/sub (never stored, a lost message is renewed by the
// client's next heartbeat). Redis holds nothing the store lacks, so it may lose everything: a room that
// opens, and every room after a reconnect, catches up from the store (RelayTarget.catchUp) besides
// reading its stream, and Yjs ignores what the doc already holds.

export interface RedisRelays {
  /** Opens a room's relay: local sockets plus the other instances (RoomDeps.relays). */
  open: OpenRelay
  readonly instanceId: string
  /** Resolves when Redis answers a PING within `timeoutMs`; rejects naming why not (for /readyz). */
  ping(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export interface RedisRelayOptions {
  /** Approximate cap of each stream (XADD MAXLEN ~): an instance further behind catches up from the store. */
  maxStreamLength?: number
  /** How long one XREAD waits; also how late a room opened meanwhile starts reading. */
  blockMs?: number
}

interface Follower {
  target: RelayTarget
  local: Relay
  /** The last stream id read; undefined until the room's start id is known. */
  lastId: string | undefined
}

const idBytes = 36 // a randomUUID, prefixed to each presence message

export function createRedisRelays(url: string, log: Logger, options: RedisRelayOptions = {}): RedisRelays {
  const maxStreamLength = options.maxStreamLength ?? 10_000
  const blockMs = options.blockMs ?? 250
  const instanceId = randomUUID()
  const relayLog = log.child({ relay: 'redis', instanceId })
  // Commands wait through a reconnect (null retries), so an XADD issued while Redis is away goes out once
  // it is back; the blocking XREAD and the subscriber each need a connection of their own.
  const connect = () => {
    const client = new Redis(url, { protocol: 2, maxRetriesPerRequest: null, lazyConnect: false })
    client.on('error', (error: Error) => relayLog.warn({ err: error }, 'redis connection error'))
    return client
  }
  const commands = connect()
  const reader = connect()
  const subscriber = connect()
  const followers = new Map<string, Follower>()
  const channels = new Map<string, Follower>()
  let closed = false
  let readerWasReady = false
  /** Ends the XREAD in flight when the reader reconnects: the one sent before may never answer. */
  let abandonRead: () => void = () => undefined

  const streamKey = (t: RelayTarget) => `jb:updates:${t.boardId}:${t.documentName}`
  const channelOf = (t: RelayTarget) => `jb:awareness:${t.boardId}:${t.documentName}`

  const catchUp = (follower: Follower) => void follower.target.catchUp()

  // After a reconnect the stream may be gone (a Redis without persistence restarted) and what others
  // added while it was away never reached it: every room reloads from the store. Stream ids are times, so
  // reading on from the last id still gets what a restarted Redis receives from now on.
  reader.on('ready', () => {
    if (readerWasReady) {
      relayLog.info({ rooms: followers.size }, 'redis back: catching up every room from the store')
      for (const follower of followers.values()) catchUp(follower)
      abandonRead()
    }
    readerWasReady = true
  })

  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const follower = channels.get(channel.toString())
    if (!follower || message.subarray(0, idBytes).toString() === instanceId) return
    try {
      const decoder = decoding.createDecoder(message.subarray(idBytes))
      if (decoding.readVarUint(decoder) !== messageAwareness) return
      follower.target.applyRemoteAwareness(decoding.readVarUint8Array(decoder))
    } catch (error) {
      relayLog.warn({ err: error }, 'dropped an undecodable presence message')
    }
  })

  const deliver = (follower: Follower, fields: Buffer[]) => {
    let from: string | undefined
    let update: Buffer | undefined
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]!.toString()
      if (name === 'i') from = fields[i + 1]!.toString()
      else if (name === 'u') update = fields[i + 1]
    }
    if (from !== instanceId && update) follower.target.applyRemoteUpdate(update)
  }

  const readLoop = async () => {
    while (!closed) {
      const reading = [...followers].filter(([, f]) => f.lastId !== undefined)
      if (reading.length === 0) {
        await new Promise((r) => setTimeout(r, blockMs))
        continue
      }
      try {
        const keys = reading.map(([key]) => key)
        const ids = reading.map(([, f]) => f.lastId as string)
        const abandoned = new Promise<null>((resolve) => {
          abandonRead = () => resolve(null)
        })
        const read = reader.xreadBuffer('COUNT', 1000, 'BLOCK', blockMs, 'STREAMS', ...keys, ...ids)
        read.catch(() => undefined) // an abandoned read's failure is nobody's
        // An abandoned read's entries are read again: lastId only moves with a reply taken here.
        const reply = await Promise.race([read, abandoned])
        for (const [key, entries] of reply ?? []) {
          const follower = followers.get(key.toString())
          if (!follower) continue
          for (const [id, fields] of entries) {
            follower.lastId = id.toString()
            deliver(follower, fields)
          }
        }
      } catch (error) {
        if (closed) return
        relayLog.warn({ err: error }, 'reading the update streams failed; retrying')
        await new Promise((r) => setTimeout(r, blockMs))
      }
    }
  }
  void readLoop()

  const open: OpenRelay = (target) => {
    const key = streamKey(target)
    const channel = channelOf(target)
    const local = localRelays(target)
    const follower: Follower = { target, local, lastId: undefined }
    followers.set(key, follower)
    channels.set(channel, follower)
    subscriber.subscribe(channel).catch((error: Error) => relayLog.warn({ err: error }, 'subscribe failed'))
    // Starts after the stream's newest entry; what was added before it is in the store (XADD follows the
    // write), and so is what was stored between the room's load and now: catchUp reloads both.
    commands
      .xrevrange(key, '+', '-', 'COUNT', 1)
      .then((newest) => {
        follower.lastId = newest[0]?.[0] ?? '0-0'
        catchUp(follower)
      })
      .catch((error: Error) => relayLog.warn({ err: error, key }, 'finding where the stream ends failed'))

    const publish = (update: Uint8Array) => {
      commands
        .xadd(key, 'MAXLEN', '~', maxStreamLength, '*', 'i', instanceId, 'u', Buffer.from(update))
        .catch((error: Error) => relayLog.warn({ err: error, key }, 'relaying a stored update failed'))
    }
    return {
      sharedStore: true,
      storedInBatch(update, from) {
        local.storedInBatch(update, from)
        publish(update)
      },
      storedNow(update, from) {
        local.storedNow(update, from)
        publish(update)
      },
      awareness(message, from) {
        local.awareness(message, from)
        commands
          .publish(channel, Buffer.concat([Buffer.from(instanceId), message]))
          .catch((error: Error) => relayLog.warn({ err: error }, 'relaying presence failed'))
      },
      storedElsewhere: (update) => local.storedElsewhere(update),
      awarenessFromElsewhere: (message) => local.awarenessFromElsewhere(message),
      close() {
        local.close()
        if (followers.get(key) === follower) followers.delete(key)
        if (channels.get(channel) === follower) {
          channels.delete(channel)
          subscriber.unsubscribe(channel).catch(() => undefined)
        }
      },
    }
  }

  return {
    open,
    instanceId,
    async ping(timeoutMs = 1000) {
      if (commands.status !== 'ready') throw new Error(`redis is ${commands.status}`)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis did not answer in ${timeoutMs} ms`)), timeoutMs)
      })
      const answer = commands.ping()
      // The loser of the race still settles: a ping that fails after the timeout (Redis restarting,
      // "Connection is closed") must not become an unhandled rejection, which fails the process's tests.
      answer.catch(() => undefined)
      try {
        await Promise.race([answer, timeout])
      } finally {
        clearTimeout(timer)
      }
    },
    async close() {
      closed = true
      reader.disconnect()
      subscriber.disconnect()
      await commands.quit().catch(() => commands.disconnect())
    },
  }
}
