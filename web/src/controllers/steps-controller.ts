import type { ReactiveController, ReactiveElement } from "lit";
import { fieldId, type StepDefinition, stepForField } from "../lib/draft.js";
import type { DraftController, DraftShape } from "./draft-controller.js";

/** The steps of a guided form: where the user is, moving between steps, finding a field's step. */
export class StepsController<D extends DraftShape> implements ReactiveController {
  constructor(
    private readonly host: ReactiveElement,
    private readonly draft: DraftController<D>,
    readonly steps: readonly StepDefinition[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get current(): number {
    return Math.min(Math.max(0, this.draft.draft.step), this.steps.length - 1);
  }

  get last(): boolean {
    return this.current === this.steps.length - 1;
  }

  stepOf(field: string): number {
    return stepForField(field, this.steps);
  }

  async goTo(step: number, focus: "heading" | "none" = "heading"): Promise<void> {
    this.draft.set({ ...this.draft.draft, step: Math.min(Math.max(0, step), this.steps.length - 1) });
    await this.host.updateComplete;
    if (focus === "heading") {
      this.host.renderRoot.querySelector<HTMLElement>("#step-title")?.focus();
      this.host.scrollIntoView({ block: "start" });
    }
  }

  /** Open the step of a field and put the cursor in it. */
  async jumpTo(field: string): Promise<void> {
    await this.goTo(this.stepOf(field), "none");
    const el = this.findField(field);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
  }

  /** The element of a field, or of its closest parent path ("priorities.0" for "priorities.0.aspect"). */
  findField(field: string): HTMLElement | null {
    const parts = field.split(".");
    while (parts.length > 0) {
      const el = this.host.renderRoot.querySelector<HTMLElement>(`#${fieldId(parts.join("."))}`);
      if (el) return el;
      parts.pop();
    }
    return null;
  }
}
