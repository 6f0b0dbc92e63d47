import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// The relative imports between a project's own TypeScript files, found with a regex rather than a
// parser: enough for `import … from './x'`, `import type …`, `export … from`, side-effect imports and
// `import('./x')`, which is all this code base writes. Type-only imports count: a cycle through types
// still ties the modules together for whoever reads them. Package imports are not followed.

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/** Comments removed, so an import quoted in a comment is not taken for one. */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')

/** The file a relative specifier names, or undefined if it names none (a package, a missing file). */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier)
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile())
}

export function importsOf(file: string): string[] {
  const source = withoutComments(readFileSync(file, 'utf8'))
  const found = new Set<string>()
  for (const match of source.matchAll(importPattern)) {
    const resolved = resolveImport(file, (match[1] ?? match[2])!)
    if (resolved) found.add(resolved)
  }
  return [...found]
}

/**
 * Every import cycle reachable from `roots`, each as the files around it (the first repeated at the
 * end), found by a depth-first walk; a cycle is reported once, from the first file of it reached. With
 * `within`, imports of files outside that folder are not followed.
 */
export function findImportCycles(roots: readonly string[], within?: string): string[][] {
  const inside = (file: string) => within === undefined || !path.relative(within, file).startsWith('..')
  const state = new Map<string, 'walking' | 'done'>()
  const stack: string[] = []
  const cycles: string[][] = []
  const walk = (file: string) => {
    state.set(file, 'walking')
    stack.push(file)
    for (const next of importsOf(file).filter(inside)) {
      const seen = state.get(next)
      if (seen === 'walking') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (seen === undefined) walk(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const root of roots) if (!state.has(root)) walk(path.resolve(root))
  return cycles
}
