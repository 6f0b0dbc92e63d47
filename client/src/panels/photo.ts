/*
 * A persona photo as the document keeps it: downscaled in a canvas to at most 160 px a side and
 * encoded as a JPEG data URL, so that a phone camera's 4 MB picture becomes a few KiB that every peer
 * syncs. The caller checks the result with shared's photoProblem before writing it.
 */

export const PHOTO_MAX_PX = 160
const JPEG_QUALITY = 0.85

/** The size to draw a w × h image at so that neither side exceeds `max` (never enlarged). */
export function fitWithin(w: number, h: number, max = PHOTO_MAX_PX): { w: number; h: number } {
  if (w <= 0 || h <= 0) return { w: 0, h: 0 }
  const scale = Math.min(1, max / Math.max(w, h))
  return { w: Math.max(1, Math.round(w * scale)), h: Math.max(1, Math.round(h * scale)) }
}

/** Decodes a picked image file and re-encodes it small; rejects when the browser cannot decode it. */
export async function downscalePhoto(file: Blob, max = PHOTO_MAX_PX): Promise<string> {
  const bitmap = await createImageBitmap(file)
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max)
    const canvas = document.createElement('canvas')
    canvas.width = size.w
    canvas.height = size.h
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas')
    // JPEG has no alpha: a transparent PNG would otherwise turn black.
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, size.w, size.h)
    ctx.drawImage(bitmap, 0, 0, size.w, size.h)
    return canvas.toDataURL('image/jpeg', JPEG_QUALITY)
  } finally {
    bitmap.close()
  }
}
