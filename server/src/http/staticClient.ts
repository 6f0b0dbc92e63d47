import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

/*
 * Serves the built client (vite output in config.staticDir). Hashed files under /assets/ never change,
 * so they are cached for a year; index.html is revalidated every time so a deploy is picked up at once.
 * Unknown extension-less paths (`/`, `/b/<id>`) get index.html: the client router takes over.
 */

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

const immutableCache = 'public, max-age=31536000, immutable'
const revalidate = 'no-cache'

const notBuiltMessage =
  'Journeyboard: the web client has not been built yet.\n' +
  'Run `npm run build` (it writes dist/client), then restart the server with `npm start`.\n'

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string) {
  res.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

export function createStaticClient(staticDir: string) {
  const root = path.resolve(staticDir)
  const indexHtml = path.join(root, 'index.html')

  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return sendText(res, 400, 'bad path\n')
    }
    const file = path.resolve(root, `.${decoded}`)
    // Never serve anything outside the client directory (`/../`, encoded or not).
    const inside = file === root || file.startsWith(root + path.sep)
    if (inside && file !== root && (await isFile(file))) {
      const cache = decoded.startsWith('/assets/') ? immutableCache : revalidate
      return sendFile(req, res, file, cache)
    }
    const isSpaRoute = !decoded.startsWith('/assets/') && path.extname(decoded) === ''
    if (!isSpaRoute) return sendText(res, 404, 'not found\n')
    if (!(await isFile(indexHtml))) return sendText(res, 503, notBuiltMessage)
    sendFile(req, res, indexHtml, revalidate)
  }
}
