import { z } from "zod";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.boolean(),
    search: z.boolean(),
    /** Profiles whose index projection is behind the database. */
    indexLag: z.number().int(),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof HealthSchema>;
export type HealthReport = Omit<Health, "status">;
