import { z } from 'zod';
import { IsoDate } from './workspace';

export const DEPARTMENTS = ['sales', 'marketing', 'other'] as const;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;

/** A person in the workspace. Ids are unique within their workspace only, so boards that refer
 * to a member keep working when the workspace is imported under a new workspace id. */
export const Member = z.object({
  workspaceId: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  department: Department,
  title: z.string().trim().max(200).default(''),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Member = z.infer<typeof Member>;
