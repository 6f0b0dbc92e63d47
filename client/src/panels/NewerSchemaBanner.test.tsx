// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getMeta, SCHEMA_VERSION } from '../../../shared/src/board/schema'
import { applyTemplate } from '../../../shared/src/templates/applyTemplate'
import { DocStores } from '../doc/docStores'
import { DocStoresContext } from '../doc/hooks'
import { NewerSchemaBanner } from './NewerSchemaBanner'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('NewerSchemaBanner', () => {
  it('says nothing for this version and asks for a reload once a newer client raises the version', () => {
    const doc = new Y.Doc()
    applyTemplate(doc, 'customer-lifecycle', { title: 'T' })
    const stores = new DocStores(doc)
    const host = document.createElement('div')
    const root = createRoot(host)
    act(() =>
      root.render(
        <DocStoresContext.Provider value={stores}>
          <NewerSchemaBanner />
        </DocStoresContext.Provider>,
      ),
    )
    expect(host.textContent).toBe('')
    act(() => getMeta(doc).set('schemaVersion', SCHEMA_VERSION + 1))
    expect(host.textContent).toContain('made with a newer Journeyboard')
    expect(host.querySelector('[role="status"]')).not.toBeNull()
    act(() => root.unmount())
    stores.destroy()
  })
})
