/*
 * The tagged-PDF side of an export: a structure tree (Document → Sect → H/P/Figure/Table…) whose leaves
 * are marked-content ids (MCIDs) in the pages' content streams, the parent tree that maps each page's
 * MCIDs back to their elements, the outline (bookmarks) and the catalog entries that make `pdfinfo`
 * say "Tagged: yes" (MarkInfo), name the language and show the title. pdf-lib has no API for any of
 * this, so the dictionaries are built with its low-level objects.
 */
import {
  type PDFArray,
  type PDFContext,
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  PDFString,
} from 'pdf-lib'

/** Standard structure types this export uses (ISO 32000-1, 14.8.4). */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'Figure'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'

export interface StructNode {
  readonly type: StructType
  readonly ref: PDFRef
  readonly dict: PDFDict
  readonly kids: PDFArray
}

/** A bookmark: its title and where it goes (a page, and a y from the page's top in points). */
export interface OutlineEntry {
  title: string
  page: PDFPage
  top: number
  children?: OutlineEntry[]
}

/** A text string: plain when it is printable ASCII (every reader shows it), UTF-16 otherwise. */
const text = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? PDFString.of(s.replace(/[\\()]/g, '\\$&')) : PDFHexString.fromText(s)

export class StructureTree {
  private readonly ctx: PDFContext
  readonly root: StructNode
  private readonly rootRef: PDFRef
  /** Per page (by its StructParents key): the element of each MCID, in MCID order. */
  private readonly parents = new Map<PDFPage, { key: number; elements: PDFRef[] }>()

  constructor(private readonly doc: PDFDocument) {
    this.ctx = doc.context
    this.rootRef = this.ctx.nextRef()
    const kids = this.ctx.obj([])
    const dict = this.ctx.obj({ Type: 'StructElem', S: 'Document', P: this.rootRef, K: kids })
    this.root = { type: 'Document', ref: this.ctx.register(dict), dict, kids }
  }

  /** A new element under `parent`; `alt` is the alternate text a screen reader reads for a figure. */
  add(
    parent: StructNode,
    type: StructType,
    options: { title?: string; alt?: string; actualText?: string } = {},
  ): StructNode {
    const kids = this.ctx.obj([])
    const dict = this.ctx.obj({ Type: 'StructElem', S: type, P: parent.ref, K: kids })
    if (options.title !== undefined) dict.set(PDFName.of('T'), text(options.title))
    if (options.alt !== undefined) dict.set(PDFName.of('Alt'), text(options.alt))
    if (options.actualText !== undefined) this.setActualText({ dict }, options.actualText)
    const ref = this.ctx.register(dict)
    parent.kids.push(ref)
    return { type, ref, dict, kids }
  }

  /**
   * What a screen reader and copy-paste take for the element's content instead of its glyphs: a note's
   * lines joined with spaces (its drawn lines meet without one), a stage header in its own case.
   */
  setActualText(element: Pick<StructNode, 'dict'>, value: string): void {
    element.dict.set(PDFName.of('ActualText'), text(value))
  }

  /** The next MCID on `page`, owned by `element` (its content is marked with it in the page's stream). */
  mcid(page: PDFPage, element: StructNode): number {
    let entry = this.parents.get(page)
    if (!entry) {
      entry = { key: this.parents.size, elements: [] }
      this.parents.set(page, entry)
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(entry.key))
      // Tab order follows the structure (PDF/UA asks for it on every page with annotations or not).
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
    }
    const id = entry.elements.length
    entry.elements.push(element.ref)
    const ref = this.ctx.obj({ Type: 'MCR', Pg: page.ref, MCID: id })
    element.kids.push(ref)
    return id
  }

  /** Writes the tree, the outline and the catalog entries; call once, after every page is drawn. */
  finish(options: { language: string; outline: readonly OutlineEntry[] }): void {
    const nums = this.ctx.obj([])
    for (const { key, elements } of this.parents.values()) {
      nums.push(PDFNumber.of(key))
      nums.push(this.ctx.register(this.ctx.obj(elements)))
    }
    const treeRoot = this.ctx.obj({
      Type: 'StructTreeRoot',
      K: this.root.ref,
      ParentTree: this.ctx.register(this.ctx.obj({ Nums: nums })),
      ParentTreeNextKey: this.parents.size,
    })
    this.ctx.assign(this.rootRef, treeRoot)
    const catalog = this.doc.catalog
    catalog.set(PDFName.of('StructTreeRoot'), this.rootRef)
    catalog.set(PDFName.of('MarkInfo'), this.ctx.obj({ Marked: true }))
    catalog.set(PDFName.of('Lang'), PDFString.of(options.language))
    if (options.outline.length > 0) {
      catalog.set(PDFName.of('Outlines'), this.outline(options.outline))
      catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
    }
  }

  private outline(entries: readonly OutlineEntry[]): PDFRef {
    const rootRef = this.ctx.nextRef()
    this.outlineLevel(entries, rootRef, (first, last) => {
      this.ctx.assign(
        rootRef,
        this.ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: countAll(entries) }),
      )
    })
    return rootRef
  }

  /** Writes one level of bookmarks under `parent`, linked as siblings; `done` gets the first and last. */
  private outlineLevel(
    entries: readonly OutlineEntry[],
    parent: PDFRef,
    done: (first: PDFRef, last: PDFRef) => void,
  ): void {
    const refs = entries.map(() => this.ctx.nextRef())
    entries.forEach((entry, i) => {
      const ref = refs[i] as PDFRef
      const { height } = entry.page.getSize()
      const dest = this.ctx.obj([entry.page.ref, PDFName.of('XYZ'), null, height - entry.top, null])
      const dict: PDFDict = this.ctx.obj({ Title: text(entry.title), Parent: parent, Dest: dest })
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef)
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef)
      if (entry.children && entry.children.length > 0) {
        this.outlineLevel(entry.children, ref, (first, last) => {
          dict.set(PDFName.of('First'), first)
          dict.set(PDFName.of('Last'), last)
          // Negative: the bookmark starts closed.
          dict.set(PDFName.of('Count'), PDFNumber.of(-countAll(entry.children ?? [])))
        })
      }
      this.ctx.assign(ref, dict)
    })
    if (refs.length > 0) done(refs[0] as PDFRef, refs.at(-1) as PDFRef)
  }
}

const countAll = (entries: readonly OutlineEntry[]): number =>
  entries.reduce((n, e) => n + 1 + countAll(e.children ?? []), 0)
