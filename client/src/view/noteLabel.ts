/** What a note is called in the outline and by screen readers: its first line, or "Empty note". */
export function noteLabel(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? ''
  return firstLine === '' ? 'Empty note' : firstLine
}
