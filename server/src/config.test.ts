import { describe, expect, it } from 'vitest'
import { defaultConfig, readConfigFromEnv } from './config'

describe('readConfigFromEnv', () => {
  it('uses the documented defaults', () => {
    const config = readConfigFromEnv({})
    expect(config).toMatchObject({
      maxUpdatesPerSecond: 200,
      updateBurst: 400,
      maxConnectionsPerBoard: 500,
      maxConnectionsPerIp: 200,
      exemptLoopbackFromIpLimit: true,
      trustProxyHops: 0,
      maxLoadedBoards: 2_000,
      maxDocBytes: 64 * 1024 * 1024,
      maxBufferedBytes: 16 * 1024 * 1024,
      allowedOrigins: [],
      metricsToken: undefined,
    })
    expect(config).toEqual({ ...defaultConfig, maxLoadingBufferBytes: 4 * defaultConfig.maxMessageBytes })
  })

  it('reads overrides', () => {
    const config = readConfigFromEnv({
      MAX_UPDATES_PER_SECOND: '50',
      EXEMPT_LOOPBACK_FROM_IP_LIMIT: 'false',
      TRUST_PROXY: '1',
      ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173',
      METRICS_TOKEN: 's3cret',
    })
    expect(config.maxUpdatesPerSecond).toBe(50)
    expect(config.exemptLoopbackFromIpLimit).toBe(false)
    expect(config.trustProxyHops).toBe(1)
    expect(config.allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173'])
    expect(config.metricsToken).toBe('s3cret')
  })

  it('selects PostgreSQL by a postgres:// DATABASE_URL and refuses any other URL', () => {
    expect(readConfigFromEnv({}).databaseUrl).toBeUndefined()
    expect(readConfigFromEnv({ DATABASE_URL: '' }).databaseUrl).toBeUndefined()
    const url = 'postgres://jb:pw@db.internal:5432/journeyboard'
    expect(readConfigFromEnv({ DATABASE_URL: url }).databaseUrl).toBe(url)
    expect(readConfigFromEnv({ DATABASE_URL: 'postgresql://db/jb' }).databaseUrl).toBe('postgresql://db/jb')
    expect(() => readConfigFromEnv({ DATABASE_URL: 'mysql://db/jb' })).toThrow(
      /DATABASE_URL must be a postgres/,
    )
    // The message quotes only the start of the value, so a password in it is not logged whole.
    expect(() => readConfigFromEnv({ DATABASE_URL: 'sqlite:///very/secret/path' })).toThrow(
      /"sqlite:\/\/\/ve"/,
    )
  })

  it('selects the Redis relay by REDIS_URL, only together with a shared DATABASE_URL', () => {
    const db = 'postgres://db/jb'
    expect(readConfigFromEnv({ DATABASE_URL: db }).redisUrl).toBeUndefined()
    expect(readConfigFromEnv({ DATABASE_URL: db, REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe(
      'redis://cache:6379',
    )
    expect(readConfigFromEnv({ DATABASE_URL: db, REDIS_URL: 'rediss://cache' }).redisUrl).toBe(
      'rediss://cache',
    )
    expect(() => readConfigFromEnv({ DATABASE_URL: db, REDIS_URL: 'http://cache' })).toThrow(
      /REDIS_URL must be a redis:\/\//,
    )
    expect(() => readConfigFromEnv({ REDIS_URL: 'redis://cache:6379' })).toThrow(
      /REDIS_URL is set but DATABASE_URL is not: instances relaying through Redis must share a store/,
    )
  })

  it.each([
    ['DRAIN_DELAY_MS', '-1'],
    ['MAX_UPDATES_PER_SECOND', '0'],
    ['MAX_CONNECTIONS_PER_IP', 'lots'],
    ['EXEMPT_LOOPBACK_FROM_IP_LIMIT', 'maybe'],
    ['ALLOWED_ORIGINS', 'https://a.example/'],
  ])('refuses %s=%s at startup with a message naming it', (name, value) => {
    expect(() => readConfigFromEnv({ [name]: value })).toThrow(name)
  })
})
