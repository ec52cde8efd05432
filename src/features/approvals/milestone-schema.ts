import { z } from 'zod';
import { roleSchema } from '../../organisation/organisation-schema.js';
import { isoDate as toIso } from './dates.js';

// YAML turns an unquoted 2023-02-21 into a Date; accept both and keep the calendar day.
const calendarDay = z.union([
  z.iso.date(),
  z.date().transform((d, ctx) => {
    const iso = toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (!iso) ctx.addIssue({ code: 'custom', message: 'is not a date' });
    return iso ?? '';
  }),
]);

export const milestoneIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'use lowercase letters, digits and hyphens (3-81 characters)');

export const linkedDocumentSchema = z.object({
  title: z.string().min(1).max(300),
  /** File name of the document in the knowledge base (or the sample corpus). */
  source: z.string().min(1).max(300).optional(),
  url: z.url().optional(),
  /** Filled from the knowledge base when a request is made: the version the approver saw. */
  version: z.string().max(100).optional(),
  ingestedAt: z.string().max(40).optional(),
});

export const milestoneDefinitionSchema = z.object({
  id: milestoneIdSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).default(''),
  plannedDate: calendarDay,
  owner: z.string().trim().min(1).max(200),
  approverRole: roleSchema.default('burgemeester'),
  zaaknummer: z.union([z.string(), z.number().transform(String)]).optional(),
  documents: z.array(linkedDocumentSchema).max(20).default([]),
  /** The seed status; approvals given in Teams are kept in the database and win over it. */
  status: z.enum(['planned', 'done']).default('planned'),
});

export const milestoneFileSchema = z
  .object({
    gemeente: z.string().trim().min(1).max(100),
    milestones: z.array(milestoneDefinitionSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.milestones.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'id'], message: `duplicate id ${m.id}` });
      seen.add(m.id);
    });
  });

export type LinkedDocument = z.infer<typeof linkedDocumentSchema>;
export type MilestoneDefinition = z.infer<typeof milestoneDefinitionSchema>;
export type MilestoneFile = z.infer<typeof milestoneFileSchema>;

export type MilestoneStatus = 'planned' | 'done' | 'requested' | 'approved' | 'rejected' | 'changes_requested';

/** A milestone as the register shows it: the definition, moves from chat, and the approval state. */
export interface Milestone extends MilestoneDefinition {
  gemeente: string;
  effectiveStatus: MilestoneStatus;
  /** The latest approval request, when there is one. */
  requestId?: string;
}
