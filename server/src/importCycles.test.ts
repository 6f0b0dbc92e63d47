import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findImportCycles } from './testing/importGraph'

// The sync core (server/src/sync) must have no import cycle, so that its files read in one direction:
// room → protocol → … and never back (issue 18). Every file of the folder is a root, tests included, and
// the walk follows imports out of the folder within server/src, so a cycle through ../limits or
// ../storage back into sync counts. Cycles elsewhere (shared/ has some) are not this test's business.

const syncDir = path.join(import.meta.dirname, 'sync')
const relative = (file: string) => path.relative(import.meta.dirname, file)

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('import cycles', () => {
  it('server/src/sync has none', () => {
    const roots = readdirSync(syncDir)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(syncDir, name))
    expect(roots.length).toBeGreaterThan(10)
    const cycles = findImportCycles(roots, import.meta.dirname)
      .filter((cycle) => cycle.some((file) => file.startsWith(syncDir + path.sep)))
      .map((cycle) => cycle.map(relative).join(' → '))
    expect(cycles).toEqual([])
  })

  it('the walker finds a cycle through a type import, a re-export and a multi-line import, not through comments', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jb-cycles-'))
    dirs.push(dir)
    const file = (name: string, source: string) => writeFileSync(path.join(dir, name), source)
    file('room.ts', "import type { Reply } from './protocol'\nexport const room = 1\n")
    file(
      'protocol.ts',
      "// import { nothing } from './comment'\nexport { reply } from './syncReply'\nexport type Reply = 1\n",
    )
    file(
      'syncReply.ts',
      "import {\n  room,\n} from './room'\nimport pg from 'pg'\nexport const reply = room\n",
    )
    file('leaf.ts', 'export const leaf = 1\n')
    file('clean.ts', "import { leaf } from './leaf'\nexport const clean = leaf\n")
    const cycles = findImportCycles([path.join(dir, 'room.ts'), path.join(dir, 'clean.ts')])
    expect(cycles.map((cycle) => cycle.map((f) => path.basename(f)))).toEqual([
      ['room.ts', 'protocol.ts', 'syncReply.ts', 'room.ts'],
    ])
  })
})
