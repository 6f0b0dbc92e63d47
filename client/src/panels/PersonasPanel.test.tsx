// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_PERSONA_ID } from '../../../shared/src/board/ids'
import { addPersona, getPersonaText, readPersonas } from '../../../shared/src/board/schema'
import { type BoardSession, BoardSessionContext } from '../board/session'
import { applyTextChange } from '../commands/applyTextChange'
import { testContext } from '../commands/testContext'
import { DocStores } from '../doc/docStores'
import { DocStoresContext } from '../doc/hooks'
import { resetUi, setPersonasOpen } from '../state/ui'
import { PersonasPanel } from './PersonasPanel'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let unmount: (() => void) | null = null
beforeEach(() => resetUi())
afterEach(() => {
  unmount?.()
  unmount = null
})

function render() {
  const commands = testContext()
  const { doc } = commands
  const stores = new DocStores(doc)
  const session: BoardSession = { doc, stores, readOnly: false, commands }
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  act(() => {
    setPersonasOpen(true)
    root.render(
      <BoardSessionContext.Provider value={session}>
        <DocStoresContext.Provider value={stores}>
          <PersonasPanel />
        </DocStoresContext.Provider>
      </BoardSessionContext.Provider>,
    )
  })
  unmount = () => {
    act(() => root.unmount())
    container.remove()
    stores.destroy()
  }
  const card = (name: string) => container.querySelector(`section[aria-label="Persona: ${name}"]`)!
  const button = (scope: Element, name: string) =>
    [...scope.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
    )!
  return { doc, container, card, button }
}

/** Types into a textarea as the browser would: its value changes, then `input` fires. */
function type(el: HTMLTextAreaElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('PersonasPanel', () => {
  it('is a complementary landmark listing every persona in order', () => {
    const { doc, container } = render()
    act(() => {
      addPersona(doc, { name: 'Ana' })
    })
    const aside = container.querySelector('aside')!
    expect(aside.getAttribute('aria-label')).toBe('Personas')
    const names = [...aside.querySelectorAll('.persona-card__name')].map((h) => h.textContent)
    expect(names).toEqual(['Customer', 'Ana'])
  })

  it('writes goals as they are typed, and shows a colleague’s typing', () => {
    const { doc, card } = render()
    const goals = card('Customer').querySelector<HTMLTextAreaElement>('textarea[id$="-goals"]')!
    act(() => type(goals, 'Pay less'))
    expect(readPersonas(doc)[0]!.goals).toBe('Pay less')
    // A colleague's edit arrives as an update from another document.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    applyTextChange(getPersonaText(other, DEFAULT_PERSONA_ID, 'goals')!, 'Pay less, fast', 'remote')
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote'))
    expect(goals.value).toBe('Pay less, fast')
  })

  it('adds personas, never removes the last or the default one, and moves them', () => {
    const { doc, card, button, container } = render()
    expect(button(card('Customer'), 'Remove Customer').disabled).toBe(true)
    act(() => button(container, 'Add persona').click())
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Customer', 'New persona'])
    // The new persona's name is focused, to be typed at once.
    expect(document.activeElement?.id).toBe(`persona-${readPersonas(doc)[1]!.id}-name`)
    act(() => button(card('New persona'), 'Move New persona up').click())
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['New persona', 'Customer'])
    expect(button(card('New persona'), 'Move New persona up').disabled).toBe(true)
    act(() => button(card('New persona'), 'Remove New persona').click())
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Customer'])
  })

  it('pins a persona’s card with a place beside the grid', () => {
    const { doc, card } = render()
    const pin = card('Customer').querySelector<HTMLInputElement>('input[type="checkbox"]')!
    act(() => pin.click())
    const [customer] = readPersonas(doc)
    expect(customer).toMatchObject({ pinned: true })
    expect(customer!.pinX).toBeGreaterThan(0)
  })
})
