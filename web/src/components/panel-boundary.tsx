import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  title: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/** Keeps an error inside one panel: the rest of the page goes on working. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Panel "${this.props.title}" failed`, error, info.componentStack)
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-state panel-state--error" role="alert">
          <strong>{this.props.title} could not be shown.</strong>
          <span>{this.state.error.message}</span>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      )
    }
    return this.props.children
  }
}
