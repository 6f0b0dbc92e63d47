import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute paths the benchmark uses; everything it installs on demand lives under `anchorsDir`. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const benchDir = path.join(repoRoot, 'bench')
/** Reference tools (y-websocket-server, tldraw, Excalidraw, …), gitignored, never in the root package.json. */
export const anchorsDir = path.join(benchDir, '.anchors')
export const resultsDir = path.join(benchDir, 'results')
export const renderAnchorsSrcDir = '/work/shared/render-anchors'
export const clientDistDir = path.join(repoRoot, 'dist', 'client')
