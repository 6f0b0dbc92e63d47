/*
 * The file name a board's PDF is saved under: its title, without what file systems refuse (path
 * separators, reserved and control characters), or "Journeyboard" when nothing is left.
 */
const MAX_NAME_CHARS = 120

export function pdfFileName(title: string, extension = 'pdf'): string {
  const name = title
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, MAX_NAME_CHARS)
    .trim()
  return `${name === '' ? 'Journeyboard' : name}.${extension}`
}

/** A Content-Disposition header for that name: an ASCII fallback plus the UTF-8 name (RFC 6266). */
export function pdfContentDisposition(title: string, extension = 'pdf'): string {
  const name = pdfFileName(title, extension)
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`
}
