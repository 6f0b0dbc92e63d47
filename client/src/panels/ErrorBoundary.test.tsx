// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from './ErrorBoundary'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

function Broken(): never {
  throw new Error('note:xyz has a size of NaN')
}

describe('ErrorBoundary', () => {
  it('shows a message instead of the failed part and keeps its siblings', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    act(() =>
      root.render(
        <>
          <ErrorBoundary area="The board canvas">
            <Broken />
          </ErrorBoundary>
          <p>outline still here</p>
        </>,
      ),
    )
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('The board canvas could not be shown')
    expect(host.textContent).toContain('note:xyz has a size of NaN')
    expect(host.textContent).toContain('outline still here')
    act(() => root.unmount())
  })
})
