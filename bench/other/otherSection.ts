import { clientDistDir } from '../infra/paths'
import type { RunOptions, SectionResult } from '../infra/section'
import { type AnchorName, anchorDistDir, anchorIsBuilt, anchorSpecs } from '../render/anchors'
import { closeAllBrowsers, launchBrowser } from '../render/browser'
import { type ReportRow, row } from '../report'
import { type OurServer, startOurServer } from '../sync/ourServer'
import { type BundleSize, initialJsSize } from './bundleSize'
import { measurePdfExport, type PdfExportFigures } from './pdfExport'
import { measureRemoteEdit, type RemoteEditResult } from './remoteEdit'
import { type ColdLoadResult, measureStorageAndColdLoad, type StorageResult } from './storageAndColdLoad'

/**
 * Section 3: remote edit → pixels, storage per note, cold load from disk, the client's initial JS, and
 * PDF export (server endpoint and browser button).
 */
export interface OtherData {
  remoteEdit: RemoteEditResult | { error: string }
  storage: StorageResult | { error: string }
  coldLoad: ColdLoadResult | { error: string }
  bundles: Record<string, BundleSize | null>
  pdf: (PdfExportFigures | { error: string; notes: number })[]
}

const PDF_NOTE_COUNTS = [500, 2_000] as const

const message = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
const isOk = <T extends object>(value: T | { error: string }): value is T => !('error' in value)
const failed = (value: { error: string }) => `failed: ${value.error.slice(0, 80)}`

export async function runOtherSection(
  options: RunOptions,
  log: (line: string) => void,
): Promise<SectionResult<OtherData>> {
  const notes: string[] = []
  const storageNotes = options.quick ? 2_000 : 10_000
  const edits = options.quick ? 20 : 100
  const data: OtherData = {
    remoteEdit: { error: 'not run' },
    storage: { error: 'not run' },
    coldLoad: { error: 'not run' },
    bundles: {},
    pdf: [],
  }

  let server: OurServer | undefined
  try {
    log(`other: remote edit → pixels, ${edits} edits with 20 people on the board`)
    server = await startOurServer()
    const browser = await launchBrowser()
    data.remoteEdit = await measureRemoteEdit(browser, server, edits)
  } catch (error) {
    data.remoteEdit = { error: message(error) }
  } finally {
    await closeAllBrowsers()
    await server?.stop()
  }

  log(`other: storage and cold load of a ${storageNotes.toLocaleString('en-US')}-note board`)
  try {
    const result = await measureStorageAndColdLoad(storageNotes)
    data.storage = result.storage
    data.coldLoad = result.coldLoad
  } catch (error) {
    data.storage = { error: message(error) }
    data.coldLoad = { error: message(error) }
  }

  const pdfRuns = options.quick ? 2 : 5
  try {
    server = await startOurServer()
    const browser = await launchBrowser()
    for (const notes of PDF_NOTE_COUNTS) {
      log(
        `other: PDF export of a ${notes.toLocaleString('en-US')}-note board, server and browser, ${pdfRuns} runs`,
      )
      try {
        data.pdf.push(await measurePdfExport(browser, server, notes, pdfRuns))
      } catch (error) {
        data.pdf.push({ error: message(error), notes })
      }
    }
  } catch (error) {
    for (const notes of PDF_NOTE_COUNTS) data.pdf.push({ error: message(error), notes })
  } finally {
    await closeAllBrowsers()
    await server?.stop()
  }

  data.bundles.ours = initialJsSize(clientDistDir)
  for (const name of Object.keys(anchorSpecs) as AnchorName[]) {
    data.bundles[name] = anchorIsBuilt(anchorSpecs[name]) ? initialJsSize(anchorDistDir(name)) : null
  }
  return { data, rows: otherRows(data, storageNotes), notes }
}

function otherRows(data: OtherData, storageNotes: number): ReportRow[] {
  const base = { section: 'other' as const }
  const rows: ReportRow[] = []
  const edit = data.remoteEdit
  rows.push(
    row({
      ...base,
      figure: 'remote edit → pixels, p95',
      context: '20 people (2 browsers + 18 node peers)',
      unit: 'ms',
      ours: isOk(edit) ? edit.latencyMs.p95 : failed(edit),
      ...(isOk(edit)
        ? {
            oursDisplay: `${edit.latencyMs.p95} ms (p50 ${edit.latencyMs.p50}, ${edit.latencyMs.count} edits, ${edit.missed} missed)`,
          }
        : {}),
      target: '< 50 ms',
      judge: (o) => o < 50 && isOk(edit) && edit.missed === 0,
    }),
  )
  const storage = data.storage
  const storageContext = `${storageNotes.toLocaleString('en-US')} notes, after compaction`
  if (isOk(edit)) {
    rows.push(
      row({
        ...base,
        figure: "  of which write → B's Y.Doc, p95",
        context: 'network + server + provider, before rendering',
        unit: 'ms',
        ours: edit.toDocMs.p95,
        oursDisplay: `${edit.toDocMs.p95} ms (p50 ${edit.toDocMs.p50})`,
      }),
      row({
        ...base,
        figure: "  of which write → a node peer's Y.Doc, p95",
        context: 'network + server only (no browser main thread)',
        unit: 'ms',
        ours: edit.toNodePeerMs.p95,
        oursDisplay: `${edit.toNodePeerMs.p95} ms (p50 ${edit.toNodePeerMs.p50})`,
      }),
    )
  }
  rows.push(
    row({
      ...base,
      figure: 'stored bytes ÷ encoded Yjs state',
      context: storageContext,
      unit: '',
      ours: isOk(storage) ? storage.ratio : failed(storage),
      ...(isOk(storage)
        ? {
            oursDisplay: `${storage.ratio.toFixed(2)}× (${storage.rowsAfterCompaction} row${storage.rowsAfterCompaction === 1 ? '' : 's'})`,
          }
        : {}),
      target: '≤ 1.3×',
      judge: (o) => o <= 1.3,
    }),
    row({
      ...base,
      figure: 'stored bytes per note',
      context: storageContext,
      unit: 'B',
      ours: isOk(storage) ? storage.storedBytesPerNote : failed(storage),
      references: isOk(storage)
        ? [{ name: 'encoded Yjs state', value: Math.round(storage.encodedStateBytes / storage.notes) }]
        : [],
    }),
    row({
      ...base,
      figure: 'SQLite file per note',
      context: `${storageNotes.toLocaleString('en-US')} notes, incl. indexes and free pages`,
      unit: 'B',
      ours: isOk(storage) ? storage.fileBytesPerNote : failed(storage),
    }),
  )
  const cold = data.coldLoad
  rows.push(
    row({
      ...base,
      figure: 'cold load: disk → synced client',
      context: `${storageNotes.toLocaleString('en-US')} notes, server just restarted`,
      unit: 'ms',
      ours: isOk(cold) ? cold.coldSyncMs : failed(cold),
      ...(isOk(cold) ? { references: [{ name: 'same board, warm', value: cold.warmSyncMs }] } : {}),
    }),
    row({
      ...base,
      figure: 'server restart → /healthz',
      context: 'same data folder',
      unit: 'ms',
      ours: isOk(cold) ? cold.serverStartMs : failed(cold),
    }),
  )
  const kb = (bundle: BundleSize | null | undefined) => (bundle ? Math.round(bundle.gzipBytes / 1024) : null)
  const refBundles = (['tldraw', 'excalidraw', 'konva-floor'] as AnchorName[]).flatMap((name) => {
    const value = kb(data.bundles[name])
    return value === null ? [] : [{ name: anchorSpecs[name].label, value }]
  })
  rows.push(
    row({
      ...base,
      figure: 'client initial JS, gzip',
      context: 'dist/client entry + modulepreloads',
      unit: 'KiB',
      ours: kb(data.bundles.ours) ?? 'no build',
      references: refBundles,
      target: '≤ 300 KiB',
      judge: (o) => o <= 300,
    }),
  )
  rows.push(...pdfRows(data.pdf))
  return rows
}

function pdfRows(figures: OtherData['pdf']): ReportRow[] {
  const base = { section: 'other' as const }
  return figures.flatMap((f) => {
    const context = `${f.notes.toLocaleString('en-US')} notes`
    if ('error' in f) return [row({ ...base, figure: 'PDF export', context, unit: '', ours: failed(f) })]
    const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`
    return [
      row({
        ...base,
        figure: 'PDF export, server (HTTP endpoint)',
        context,
        unit: 'ms',
        ours: f.serverMs,
        oursDisplay: `${f.serverMs} ms, ${kib(f.serverBytes)}; /healthz ≤ ${f.healthzDuringExportMs} ms meanwhile`,
      }),
      row({
        ...base,
        figure: 'PDF export, browser (click → download)',
        context,
        unit: 'ms',
        ours: f.browserMs,
        oursDisplay: `${f.browserMs} ms (first ${f.browserFirstMs} ms, loads the renderer), ${kib(f.browserBytes)}`,
      }),
      row({
        ...base,
        figure: 'PDF export A4, stages + cover + insights, server',
        context,
        unit: 'ms',
        ours: f.serverPagedMs,
        oursDisplay: `${f.serverPagedMs} ms, ${kib(f.serverPagedBytes)}`,
        references: [{ name: "today's poster page", value: f.serverMs }],
        target: f.notes <= 500 ? '< 500 ms' : '< 1,500 ms',
        judge: (ours) => ours < (f.notes <= 500 ? 500 : 1_500),
      }),
      row({
        ...base,
        figure: 'PDF size A4, stages + cover + insights (fonts are ~2 subsets)',
        context,
        unit: 'KiB',
        ours: Math.round(f.serverPagedBytes / 1024),
        references: [{ name: "today's poster page", value: Math.round(f.serverBytes / 1024) }],
        target: '< 1 MB + font subsets',
        // The two DejaVu subsets a journey map uses weigh ~60–120 KiB together.
        judge: (ours) => ours < 1024 + 128,
      }),
      row({
        ...base,
        figure: 'PDF export A4, stages + cover + insights, browser',
        context,
        unit: 'ms',
        ours: f.browserPagedMs,
        references: [{ name: "today's poster page", value: f.browserMs }],
        ...(f.notes <= 500 ? { target: '< 1,000 ms', judge: (ours: number) => ours < 1_000 } : {}),
      }),
    ]
  })
}
