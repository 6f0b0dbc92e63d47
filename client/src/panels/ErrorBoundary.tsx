/*
 * A part of the page that failed to render shows a calm message instead of taking the whole app down.
 * Board content is in the Y.Doc (and on the server, and in IndexedDB), so nothing is lost by a render
 * error; the reader rules in shared/ already skip malformed notes, so this is the last line of defence
 * against a board from a newer or hostile client, or a bug.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** What failed, in the person's words: "The board canvas". */
  area: string
  children: ReactNode
}

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed to render`, error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="page-message page-message--inline" role="alert">
        <p>
          <strong>{this.props.area} could not be shown.</strong> Your board is safe: every edit is saved.
        </p>
        <p className="page-message__detail">{this.state.error.message}</p>
        <div className="page-message__actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="button button--ghost" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </div>
    )
  }
}
