import { z } from 'zod';

export const IsoDate = z.iso.datetime({ offset: true });

export const Workspace = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Soft delete: set while the undo toast is open; purged afterwards (or at the next start). */
  deletedAt: IsoDate.nullable().default(null),
});
export type Workspace = z.infer<typeof Workspace>;
