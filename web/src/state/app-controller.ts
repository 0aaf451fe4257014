import { LitElement, type ReactiveController, type ReactiveControllerHost } from "lit";
import { onAppStateChange } from "./app-state.js";

/** Re-render the host when the language, the taxonomy or known place names change. */
export class AppController implements ReactiveController {
  private off: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.off = onAppStateChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = null;
  }
}

/** Base of every component: follows the shared state. */
export class BapElement extends LitElement {
  protected readonly appState = new AppController(this);
}
