// The file name of a board's JSON or CSV export: the PDF's rules (shared/src/pdf/fileName.ts: the title
// without what file systems refuse), with the export's own extension, and its Content-Disposition.
import { pdfFileName } from '../pdf/fileName'

export const exportFileName = (title: string, extension: 'json' | 'csv'): string =>
  pdfFileName(title).replace(/\.pdf$/, `.${extension}`)

/** An ASCII fallback plus the UTF-8 name (RFC 6266), as the PDF export sends. */
export function exportContentDisposition(title: string, extension: 'json' | 'csv'): string {
  const name = exportFileName(title, extension)
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`
}
