// Test support: a PDF's structure tree, outline and catalog entries read back with pdf-lib's parser.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib'

export interface StructElement {
  type: string
  title?: string
  alt?: string
  actualText?: string
  /** Marked-content ids under the element directly. */
  mcids: number[]
  kids: StructElement[]
}

export interface ReadBack {
  marked: boolean
  language?: string
  root: StructElement
  outline: { title: string; children: ReadBack['outline'] }[]
}

export async function readStructure(bytes: Uint8Array): Promise<ReadBack> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  const resolve = (o: PDFObject | undefined): PDFObject | undefined =>
    o instanceof PDFRef ? doc.context.lookup(o) : o
  const str = (o: PDFObject | undefined): string | undefined => {
    const v = resolve(o)
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined
  }
  const element = (dict: PDFDict): StructElement => {
    const s = dict.get(PDFName.of('S'))
    const k = resolve(dict.get(PDFName.of('K')))
    const items = k instanceof PDFArray ? k.asArray() : k ? [k] : []
    const out: StructElement = { type: s ? s.toString().slice(1) : '?', mcids: [], kids: [] }
    const title = str(dict.get(PDFName.of('T')))
    const alt = str(dict.get(PDFName.of('Alt')))
    const actual = str(dict.get(PDFName.of('ActualText')))
    if (title !== undefined) out.title = title
    if (alt !== undefined) out.alt = alt
    if (actual !== undefined) out.actualText = actual
    for (const item of items) {
      const v = resolve(item)
      if (v instanceof PDFNumber) out.mcids.push(v.asNumber())
      else if (v instanceof PDFDict) {
        const mcid = v.get(PDFName.of('MCID'))
        if (v.get(PDFName.of('Type'))?.toString() === '/MCR' && mcid instanceof PDFNumber)
          out.mcids.push(mcid.asNumber())
        else out.kids.push(element(v))
      }
    }
    return out
  }
  const catalog = doc.catalog
  const treeRoot = resolve(catalog.get(PDFName.of('StructTreeRoot')))
  if (!(treeRoot instanceof PDFDict)) throw new Error('no StructTreeRoot')
  const top = resolve(treeRoot.get(PDFName.of('K')))
  if (!(top instanceof PDFDict)) throw new Error('StructTreeRoot has no element')
  const outlineOf = (first: PDFObject | undefined): ReadBack['outline'] => {
    const out: ReadBack['outline'] = []
    let node = resolve(first)
    while (node instanceof PDFDict) {
      out.push({
        title: str(node.get(PDFName.of('Title'))) ?? '',
        children: outlineOf(node.get(PDFName.of('First'))),
      })
      node = resolve(node.get(PDFName.of('Next')))
    }
    return out
  }
  const outlines = resolve(catalog.get(PDFName.of('Outlines')))
  const markInfo = resolve(catalog.get(PDFName.of('MarkInfo')))
  const language = str(catalog.get(PDFName.of('Lang')))
  return {
    marked: markInfo instanceof PDFDict && markInfo.get(PDFName.of('Marked'))?.toString() === 'true',
    ...(language !== undefined ? { language } : {}),
    root: element(top),
    outline: outlines instanceof PDFDict ? outlineOf(outlines.get(PDFName.of('First'))) : [],
  }
}

/** Every element of `type` under `root`, depth first (document order). */
export function elementsOf(root: StructElement, type: string): StructElement[] {
  const out: StructElement[] = []
  const walk = (e: StructElement) => {
    if (e.type === type) out.push(e)
    e.kids.forEach(walk)
  }
  walk(root)
  return out
}
