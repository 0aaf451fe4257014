import { html, type TemplateResult } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { BapElement } from "../../state/app-controller.js";
import { tableStyles } from "../../styles/table.styles.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { chartStyles } from "../../view/charts.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-chart": BapChart;
  }
}

/** The figure's padding and border (1rem and 1px on each side). */
const FRAME = 34;

/**
 * Draws a chart for the width it actually has: it measures itself and calls `draw` with the
 * room inside the figure, so that SVG text stays at its CSS size from 360 px to desktop.
 */
@customElement("bap-chart")
export class BapChart extends BapElement {
  static override styles = [baseStyles, tableStyles, chartStyles];

  @property({ attribute: false }) draw: ((width: number) => TemplateResult) | null = null;
  @state() private width = 0;
  private readonly observer = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0]?.contentRect.width ?? 0);
    // Ignore sub-pixel jitter; redraw when the room really changed.
    if (w > 0 && Math.abs(w - this.width) >= 4) this.width = w;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  override render() {
    if (!this.draw || this.width === 0) return html`<div style="min-height: 12rem"></div>`;
    return this.draw(Math.max(200, this.width - FRAME));
  }
}
