import { type AnchorName, anchorSpecs, buildAnchor, installAnchor } from './anchors'

/**
 * Installs (in parallel: network-bound) and builds (one at a time: CPU-bound) the render anchors. Never
 * rejects: an anchor that cannot be had is left out and a note says why, so its rows read n/a.
 */
export interface PreparedAnchors {
  ready: Set<AnchorName>
  notes: string[]
}

const message = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)

export async function prepareAnchors(
  names: AnchorName[],
  log: (line: string) => void,
): Promise<PreparedAnchors> {
  const ready = new Set<AnchorName>()
  const notes: string[] = []
  log(`anchors: installing ${names.join(', ')} into bench/.anchors (skipped when already built)`)
  const installs = await Promise.allSettled(names.map((name) => installAnchor(anchorSpecs[name])))
  for (const [i, name] of names.entries()) {
    const install = installs[i]
    if (install?.status === 'rejected') {
      notes.push(`${anchorSpecs[name].label}: not installed (${message(install.reason)}); its rows say n/a.`)
      continue
    }
    try {
      await buildAnchor(anchorSpecs[name])
      ready.add(name)
    } catch (error) {
      notes.push(`${anchorSpecs[name].label}: build failed (${message(error)}); its rows say n/a.`)
    }
  }
  log(`anchors: ready (${[...ready].join(', ') || 'none'})`)
  return { ready, notes }
}
