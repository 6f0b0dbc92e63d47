import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Initial JavaScript of a built app: the entry script(s) and every modulepreload in its index.html,
 * which is what a browser fetches before the first render. Lazy chunks (loaded on demand) are not
 * counted. Sizes are gzip -9, as the render anchors' README measured tldraw and Excalidraw.
 */
export interface BundleSize {
  files: string[]
  rawBytes: number
  gzipBytes: number
}

export function initialJsSize(distDir: string): BundleSize | null {
  const indexFile = path.join(distDir, 'index.html')
  if (!existsSync(indexFile)) return null
  const html = readFileSync(indexFile, 'utf8')
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] as string)
  const files = [...new Set(refs)].filter((ref) => !/^https?:/.test(ref))
  let rawBytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const bytes = readFileSync(path.join(distDir, file.replace(/^\//, '')))
    rawBytes += bytes.byteLength
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength
  }
  return { files, rawBytes, gzipBytes }
}
