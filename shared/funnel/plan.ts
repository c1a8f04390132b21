import { z } from 'zod';
import { FunnelPeriod, MAX_STAGES, Stage } from './stages';

/**
 * The revenue plan the reverse funnel works back from: a revenue target per period and the
 * average deal size, in one currency. Both amounts are null until the users enter them.
 */
export const RevenuePlan = z.object({
  revenueTarget: z.number().positive().nullable().default(null),
  averageDealSize: z.number().positive().nullable().default(null),
  period: FunnelPeriod.default('month'),
  /** ISO 4217 code, for display via Intl.NumberFormat only (no conversion). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('JPY'),
});
export type RevenuePlan = z.infer<typeof RevenuePlan>;

/** A funnel: its ordered stages and its revenue plan. Stage ids are unique. */
export const Funnel = z.object({
  stages: z
    .array(Stage)
    .max(MAX_STAGES)
    .refine((stages) => new Set(stages.map((stage) => stage.id)).size === stages.length, { message: 'Stage ids must be unique' }),
  plan: RevenuePlan.prefault({}),
});
export type Funnel = z.infer<typeof Funnel>;
export type FunnelInput = z.input<typeof Funnel>;
