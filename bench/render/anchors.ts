import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCommand } from '../infra/children'
import { anchorsDir, renderAnchorsSrcDir } from '../infra/paths'

/**
 * The render references, built on demand from /work/shared/render-anchors exactly as its README says:
 * a folder per app in bench/.anchors/<name>/ with package.json {"type":"module"}, the pinned packages
 * installed there (never in the product's package.json), the page copied to src/main.tsx, `vite build`.
 * A stamp of versions and source hashes skips the work when nothing changed.
 */
export type AnchorName = 'tldraw' | 'excalidraw' | 'konva-floor'

export interface AnchorSpec {
  name: AnchorName
  label: string
  mainFile: string
  packages: Record<string, string>
  /** The page's own "I am drawn" flag, as panbench.mjs waits for it. */
  readyExpression: string
}

const common = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
} as const

export const anchorSpecs: Record<AnchorName, AnchorSpec> = {
  tldraw: {
    name: 'tldraw',
    label: 'tldraw 5.4.2',
    mainFile: 'tldraw-main.tsx',
    packages: { tldraw: '5.4.2', ...common },
    readyExpression: 'window.ready === true',
  },
  excalidraw: {
    name: 'excalidraw',
    label: 'Excalidraw 0.18.1',
    mainFile: 'excalidraw-main.tsx',
    packages: { '@excalidraw/excalidraw': '0.18.1', ...common },
    readyExpression: 'window.ready === true',
  },
  'konva-floor': {
    name: 'konva-floor',
    label: 'react-konva floor',
    mainFile: 'konva-floor-main.tsx',
    packages: { 'react-konva': '19.3.2', konva: '10.9.1', ...common },
    readyExpression: 'window.ready === true',
  },
}

const installTimeoutMs = 300_000
const buildTimeoutMs = 240_000

export const anchorDir = (name: AnchorName): string => path.join(anchorsDir, name)
export const anchorDistDir = (name: AnchorName): string => path.join(anchorDir(name), 'dist')

function stampOf(spec: AnchorSpec): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(spec.packages))
  for (const file of [spec.mainFile, 'index.html', 'vite.config.ts']) {
    hash.update(readFileSync(path.join(renderAnchorsSrcDir, file)))
  }
  return hash.digest('hex')
}

const stampFile = (name: AnchorName) => path.join(anchorDir(name), 'build-stamp.txt')

export const anchorIsBuilt = (spec: AnchorSpec): boolean =>
  existsSync(path.join(anchorDistDir(spec.name), 'index.html')) &&
  existsSync(stampFile(spec.name)) &&
  readFileSync(stampFile(spec.name), 'utf8') === stampOf(spec)

/** npm install of the pinned packages; several anchors may install at once (it waits on the network). */
export async function installAnchor(spec: AnchorSpec): Promise<void> {
  if (anchorIsBuilt(spec)) return
  const dir = anchorDir(spec.name)
  mkdirSync(path.join(dir, 'src'), { recursive: true })
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: `${spec.name}-anchor`, private: true, type: 'module', dependencies: spec.packages }, null, 2)}\n`,
  )
  const installed = Object.entries(spec.packages).every(([name, version]) => {
    const manifest = path.join(dir, 'node_modules', name, 'package.json')
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version
  })
  if (!installed) {
    await runCommand('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      timeoutMs: installTimeoutMs,
    })
  }
}

/** vite build; run one at a time (it is CPU-bound). */
export async function buildAnchor(spec: AnchorSpec): Promise<void> {
  if (anchorIsBuilt(spec)) return
  const dir = anchorDir(spec.name)
  copyFileSync(path.join(renderAnchorsSrcDir, spec.mainFile), path.join(dir, 'src', 'main.tsx'))
  copyFileSync(path.join(renderAnchorsSrcDir, 'index.html'), path.join(dir, 'index.html'))
  copyFileSync(path.join(renderAnchorsSrcDir, 'vite.config.ts'), path.join(dir, 'vite.config.ts'))
  rmSync(anchorDistDir(spec.name), { recursive: true, force: true })
  await runCommand(path.join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: dir,
    timeoutMs: buildTimeoutMs,
  })
  writeFileSync(stampFile(spec.name), stampOf(spec))
}
