import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";

interface State {
  error: unknown;
}

/**
 * A screen that throws while rendering shows what went wrong instead of a blank page; the rest of the console
 * (navigation, header) stays usable. `resetKey` (the address) clears the error when the person goes elsewhere.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("A console screen failed to render", error, info.componentStack);
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <section className="page">
          <ErrorMessage error={this.state.error} context="This screen failed" />
          <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
        </section>
      );
    }
    return this.props.children;
  }
}
