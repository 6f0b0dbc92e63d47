/** Bounds that readers enforce, so a note written by an old, new or hostile client still draws. */
export const NOTE_SIZE = { defaultW: 160, defaultH: 110, minW: 80, minH: 60, maxW: 480, maxH: 400 } as const
/** Longest note text a reader shows; the stored Y.Text is left as it is. */
export const MAX_NOTE_TEXT_CHARS = 5_000
export const MAX_TITLE_CHARS = 200
