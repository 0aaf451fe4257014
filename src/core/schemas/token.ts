import { z } from "zod";
import { TextSchema } from "./problem.js";

/** What using an e-mailed link did, for the web application. */
export const TokenOutcomeSchema = z
  .union([
    z.object({ signedIn: z.literal(true), next: z.string(), message: TextSchema }),
    z.object({ done: z.literal(true), message: TextSchema }),
  ])
  .meta({ id: "LinkOutcome" });
