import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TAG_IDS } from '../../../shared/src/board/ids'
import { createNote, readMeta, readTags } from '../../../shared/src/board/schema'
import { resetUi, selectOnly } from '../state/ui'
import { type CommandContext, runCommand } from './registry'
import { firstCell, noteOf, testContext } from './testContext'

let ctx: CommandContext
beforeEach(() => {
  resetUi()
  ctx = testContext()
})

const SALES = DEFAULT_TAG_IDS[1]
const tagNamed = (name: string) => readTags(ctx.doc).find((t) => t.name === name)

describe('tag commands', () => {
  it('add a tag with a color, and refuse an empty name', () => {
    expect(runCommand('tag.add', ctx, { title: '  ', tagColor: 'red' })).toBe(false)
    runCommand('tag.add', ctx, { title: 'Legal', tagColor: 'red' })
    expect(tagNamed('Legal')).toMatchObject({ color: 'red' })
    expect(readTags(ctx.doc).at(-1)?.name).toBe('Legal')
  })

  it('rename and recolor a tag', () => {
    runCommand('tag.rename', ctx, { tag: SALES, title: 'Sales team' })
    runCommand('tag.recolor', ctx, { tag: SALES, tagColor: 'pink' })
    expect(readTags(ctx.doc).find((t) => t.id === SALES)).toMatchObject({ name: 'Sales team', color: 'pink' })
  })

  it('remove a tag from the list and from every note', () => {
    const note = createNote(ctx.doc, { ...firstCell(ctx), text: 'a' })
    selectOnly([note])
    runCommand('note.setTag', ctx, { tag: SALES, on: true })
    expect(noteOf(ctx, note).tags).toEqual([SALES])
    runCommand('tag.remove', ctx, { tag: SALES })
    expect(readTags(ctx.doc).some((t) => t.id === SALES)).toBe(false)
    expect(noteOf(ctx, note).tags).toEqual([])
    ctx.history?.undo()
    expect(noteOf(ctx, note).tags).toEqual([SALES])
    expect(readTags(ctx.doc).find((t) => t.id === SALES)?.name).toBe('Sales')
  })
})

describe('filter.share', () => {
  it('shares a filter with everyone, and an empty one or null stops sharing', () => {
    runCommand('filter.share', ctx, { filter: { tags: [SALES], kinds: ['pain'] } })
    expect(readMeta(ctx.doc).sharedFilter).toEqual({ tags: [SALES], kinds: ['pain'] })
    runCommand('filter.share', ctx, { filter: { tags: [], kinds: [] } })
    expect(readMeta(ctx.doc).sharedFilter).toBeUndefined()
    runCommand('filter.share', ctx, { filter: { tags: [], kinds: ['idea'] } })
    runCommand('filter.share', ctx, { filter: null })
    expect(readMeta(ctx.doc).sharedFilter).toBeUndefined()
  })
})
