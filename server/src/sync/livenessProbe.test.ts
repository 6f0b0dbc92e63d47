import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type SyncHarness, startSyncHarness } from '../testing/syncHarness'
import { pongReceived, probeLiveness } from './livenessProbe'

// The probe on a socket that owns a presence id someone else announces, with the clock under test's
// control: a pong in time keeps the socket, silence past the timeout terminates it.

let harness: SyncHarness
beforeEach(async () => {
  harness = await startSyncHarness()
  vi.useFakeTimers()
})
afterEach(async () => {
  vi.useRealTimers()
  await harness.stop()
})

describe('probeLiveness', () => {
  it('terminates a socket that does not answer within the timeout', () => {
    const { conn, socket } = harness.connect()
    probeLiveness(conn, 200)
    expect(socket.pings).toBe(1)
    vi.advanceTimersByTime(199)
    expect(socket.terminated).toBe(false)
    vi.advanceTimersByTime(1)
    expect(socket.terminated).toBe(true)
  })

  it('keeps a socket that answers, long after the timeout', () => {
    const { conn, socket } = harness.connect()
    probeLiveness(conn, 200)
    vi.advanceTimersByTime(50)
    pongReceived(conn)
    vi.advanceTimersByTime(10_000)
    expect(socket.terminated).toBe(false)
    expect(conn.isAlive).toBe(true)
  })

  it('sends one probe at a time', () => {
    const { conn, socket } = harness.connect()
    probeLiveness(conn, 200)
    probeLiveness(conn, 200)
    expect(socket.pings).toBe(1)
  })
})
