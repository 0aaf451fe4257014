import type { ReactiveController, ReactiveElement } from "lit";
import { getLang } from "../i18n/index.js";
import type { FieldError, Problem } from "../lib/api.js";
import { type ClientIssue, firstErrorStep } from "../lib/draft.js";
import { type ErrorMap, errorMapOf } from "../view/form-kit.js";
import type { DraftShape } from "./draft-controller.js";
import type { StepsController } from "./steps-controller.js";

/**
 * The errors of a guided form, field by field: the client's own checks and the server's
 * problem, forgotten as soon as the field is touched; a problem with no field stands alone.
 */
export class FieldErrorsController<D extends DraftShape> implements ReactiveController {
  issues: ClientIssue[] = [];
  serverErrors: FieldError[] = [];
  problem: Problem | null = null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly steps: StepsController<D>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get map(): ErrorMap {
    return errorMapOf(this.issues, this.serverErrors, getLang());
  }

  clear(): void {
    this.issues = [];
    this.serverErrors = [];
    this.problem = null;
    this.host.requestUpdate();
  }

  /** Forget the errors of the fields a change touched (a field, its parents or its children). */
  forget(fields: readonly string[]): void {
    if (fields.length === 0) return;
    const touched = (f: string) =>
      fields.some((p) => f === p || f.startsWith(`${p}.`) || p.startsWith(`${f}.`));
    this.issues = this.issues.filter((i) => !touched(i.field));
    this.serverErrors = this.serverErrors.filter((e) => !touched(e.field));
  }

  showClient(issues: ClientIssue[]): Promise<void> {
    this.issues = issues;
    this.serverErrors = [];
    return this.reveal(issues.map((i) => i.field));
  }

  showServer(problem: Problem): Promise<void> {
    this.serverErrors = problem.errors;
    this.problem = problem.errors.length > 0 ? null : problem;
    return this.reveal(problem.errors.map((e) => e.field));
  }

  /** Open the step of the first error and move the focus to the summary. */
  private async reveal(fields: string[]): Promise<void> {
    const first = firstErrorStep(fields, this.steps.steps);
    if (first !== null) await this.steps.goTo(first, "none");
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>("#error-summary")?.focus();
  }
}
