// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TAG_IDS } from '../../../shared/src/board/ids'
import { createNote, readMeta, setNoteKind, setSharedFilter } from '../../../shared/src/board/schema'
import { type BoardSession, BoardSessionContext } from '../board/session'
import { firstCell, testContext } from '../commands/testContext'
import { DocStores } from '../doc/docStores'
import { DocStoresContext } from '../doc/hooks'
import { resetUi, useUi } from '../state/ui'
import { FilterBar } from './FilterBar'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let unmount: (() => void) | null = null
beforeEach(() => resetUi())
afterEach(() => {
  unmount?.()
  unmount = null
})

function render(readOnly = false) {
  const commands = testContext(readOnly)
  const { doc } = commands
  const pain = createNote(doc, { ...firstCell(commands), text: 'Slow' })
  setNoteKind(doc, pain, 'pain')
  createNote(doc, { ...firstCell(commands), text: 'Plain one' })
  const stores = new DocStores(doc)
  const session: BoardSession = { doc, stores, readOnly, commands }
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  act(() =>
    root.render(
      <BoardSessionContext.Provider value={session}>
        <DocStoresContext.Provider value={stores}>
          <FilterBar />
        </DocStoresContext.Provider>
      </BoardSessionContext.Provider>,
    ),
  )
  unmount = () => {
    act(() => root.unmount())
    container.remove()
    stores.destroy()
  }
  const chip = (name: string) =>
    [...container.querySelectorAll<HTMLButtonElement>('button.filter-chip')].find(
      (b) => b.textContent === name,
    )!
  const radio = (name: string) =>
    [...container.querySelectorAll('label')].find((l) => l.textContent === name)!.querySelector('input')!
  const status = () => container.querySelector('.filter-bar__status')!.textContent
  return { doc, container, chip, radio, status }
}

describe('FilterBar', () => {
  it('toggles this person’s own filter and says how many notes it highlights', () => {
    const { chip, status } = render()
    expect(chip('Pain point').getAttribute('aria-pressed')).toBe('false')
    act(() => chip('Pain point').click())
    expect(chip('Pain point').getAttribute('aria-pressed')).toBe('true')
    expect([...useUi.getState().filter.kinds]).toEqual(['pain'])
    expect(status()).toBe('1 of 2 notes highlighted')
    act(() => chip('Clear').click())
    expect(useUi.getState().filter.kinds.size).toBe(0)
    expect(status()).toBe('')
  })

  it('lists every tag of the board as a chip', () => {
    const { container } = render()
    const names = [...container.querySelectorAll('button.filter-chip')].map((b) => b.textContent)
    expect(names).toEqual(expect.arrayContaining(['Marketing', 'Sales', 'Support', 'Product', 'Operations']))
  })

  it('switching to everyone shares the own filter in the document and clears the own one', () => {
    const { doc, chip, radio, status } = render()
    act(() => chip('Sales').click())
    act(() => radio('Everyone').click())
    expect(readMeta(doc).sharedFilter).toEqual({ tags: [DEFAULT_TAG_IDS[1]], kinds: [] })
    expect(useUi.getState().filter.tags.size).toBe(0)
    expect(chip('Sales').getAttribute('aria-pressed')).toBe('true')
    // Chips now change the shared filter.
    act(() => chip('Pain point').click())
    expect(readMeta(doc).sharedFilter?.kinds).toEqual(['pain'])
    expect(status()).toBe('1 of 2 notes highlighted for everyone')
    // Back to "only me", an editor can still stop sharing.
    act(() => radio('Only me').click())
    act(() => chip('Stop sharing').click())
    expect(readMeta(doc).sharedFilter).toBeUndefined()
    expect(status()).toBe('')
  })

  it('shows a colleague’s shared filter to a viewer, who can only filter for themselves', () => {
    const { doc, chip, container } = render(true)
    act(() => setSharedFilter(doc, { tags: [], kinds: ['pain'] }))
    expect(container.querySelector('input[type="radio"]')).toBeNull()
    expect(chip('Stop sharing')).toBeUndefined()
    expect(chip('Pain point').getAttribute('aria-pressed')).toBe('false')
    act(() => chip('Plain').click())
    expect(readMeta(doc).sharedFilter?.kinds).toEqual(['pain'])
    expect([...useUi.getState().filter.kinds]).toEqual(['plain'])
  })
})
