import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testScope } from '../testing/testScope'
import { makeTempDir, removeDir } from '../testing/testServer'

/** Serving dist/client: SPA fallback, cache headers, no escape from the directory, and a hint if unbuilt. */

const { cleanups, start } = testScope()

function buildFakeClient(): string {
  const dir = makeTempDir()
  cleanups.push(() => removeDir(dir))
  const client = path.join(dir, 'client')
  mkdirSync(path.join(client, 'assets'), { recursive: true })
  writeFileSync(path.join(client, 'index.html'), '<!doctype html><title>Journeyboard</title>')
  writeFileSync(path.join(client, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(path.join(dir, 'secret.txt'), 'outside')
  return client
}

describe('static client', () => {
  it('serves index.html for / and for /b/<id>, revalidated each time', async () => {
    const t = await start({ config: { staticDir: buildFakeClient() } })
    for (const route of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await fetch(`${t.httpUrl}${route}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('<title>Journeyboard</title>')
    }
  })

  it('serves hashed assets with a long cache, and 404 for missing ones', async () => {
    const t = await start({ config: { staticDir: buildFakeClient() } })
    const res = await fetch(`${t.httpUrl}/assets/index-abc123.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await fetch(`${t.httpUrl}/assets/missing.js`)).status).toBe(404)
  })

  it('never serves files outside the client directory', async () => {
    const t = await start({ config: { staticDir: buildFakeClient() } })
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await fetch(`${t.httpUrl}${attempt}`)
      expect(await res.text()).not.toBe('outside')
    }
  })

  it('explains how to build the client when dist/client is missing', async () => {
    const t = await start()
    const res = await fetch(`${t.httpUrl}/b/whatever`)
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toMatch(/text\/plain/)
    expect(await res.text()).toContain('npm run build')
  })
})
