import { build } from 'esbuild'
import type { Plugin } from 'vite'

/** What the service worker precaches: every built file under assets/ except source maps, as URL paths. */
export function precacheList(bundleFileNames: readonly string[]): string[] {
  return bundleFileNames
    .filter((name) => name.startsWith('assets/') && !name.endsWith('.map'))
    .map((name) => `/${name}`)
    .sort()
}

/**
 * Builds the TypeScript service worker into sw.js at the site root (unhashed: browsers look it up by
 * name), once the app's own files are known so that it can precache all of them.
 */
export function serviceWorkerPlugin(entry: string): Plugin {
  return {
    name: 'journeyboard:service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        define: { PRECACHE_ASSETS: JSON.stringify(precacheList(Object.keys(bundle))) },
      })
      const output = result.outputFiles[0]
      if (!output) throw new Error(`esbuild wrote nothing for ${entry}`)
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: output.text })
    },
  }
}
