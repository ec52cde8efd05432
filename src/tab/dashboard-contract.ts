import { z } from 'zod';

/**
 * What the dashboard tab shows, as zod schemas. Every answer of /api/tab is parsed through these
 * before it leaves the server: unknown keys are stripped, so nothing a source adds (a name, a phone
 * number of an intake) can reach the browser by accident.
 */
const text = z.string().max(4000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

export const sourceRefSchema = z.object({
  title: z.string().max(300),
  /** A link the user can open (https only); documents without one show their title alone. */
  url: z.url({ protocol: /^https$/ }).optional(),
  page: z.number().int().positive().optional(),
});

export const prioritySchema = z.object({
  gemeente: z.string().max(100),
  title: z.string().max(300),
  summary: text.optional(),
  sources: z.array(sourceRefSchema).max(20),
});

export const milestoneStatuses = ['open', 'pending', 'approved', 'rejected', 'changes_requested', 'done'] as const;
export const milestoneSchema = z.object({
  id: z.string().max(200),
  gemeente: z.string().max(100),
  title: z.string().max(300),
  due: isoDate,
  status: z.enum(milestoneStatuses),
});

export const countSchema = z.object({ key: z.string().max(100), label: z.string().max(200), count: z.number().int().nonnegative() });

/** Anonymous pilot figures: counts and lead times only. */
export const mediationStatsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.number().int().nonnegative(),
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int().nonnegative() })),
  byStatus: z.array(countSchema),
  byKind: z.array(countSchema),
  bySource: z.array(countSchema),
  leadTimeDays: z.object({ toAccepted: z.number().nullable(), toClosed: z.number().nullable() }),
});

export const documentSchema = z.object({
  id: z.string().max(200),
  title: z.string().max(300),
  gemeente: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  updated: isoDate.optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});

export const searchHitSchema = z.object({
  documentId: z.string().max(200),
  title: z.string().max(300),
  snippet: z.string().max(1000),
  /** The part of the document the snippet comes from, and further matching passages: what an opened result shows. */
  section: z.string().max(300).optional(),
  more: z
    .array(z.object({ section: z.string().max(300), text: z.string().max(1000) }))
    .max(5)
    .optional(),
  /** Where the document comes from, for the opened result. */
  about: z.string().max(300).optional(),
  page: z.number().int().positive().optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});

/** `available: false` means the feature behind it is not installed yet: the tab says so instead of showing an empty list. */
export function sectionSchema<T extends z.ZodType>(item: T) {
  return z.object({ available: z.boolean(), items: z.array(item) });
}

export const prioritiesAnswerSchema = sectionSchema(prioritySchema);
export const milestonesAnswerSchema = sectionSchema(milestoneSchema);
export const documentsAnswerSchema = sectionSchema(documentSchema);
export const searchAnswerSchema = sectionSchema(searchHitSchema).extend({ query: z.string(), truncated: z.boolean() });
export const mediationAnswerSchema = z.object({ available: z.boolean(), stats: mediationStatsSchema.nullable() });

export type Priority = z.infer<typeof prioritySchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type MediationStats = z.infer<typeof mediationStatsSchema>;
export type DashboardDocument = z.infer<typeof documentSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export interface Section<T> {
  available: boolean;
  items: T[];
}

/** Who asks: the tenant (from the SSO token, or the local tenant on loopback) and the UI language. */
export interface DashboardContext {
  tenantId: string;
  locale: 'nl' | 'en';
  now: Date;
}

/** The tab's data sources; each is backed by a feature module, or answers `available: false`. */
export interface DashboardSources {
  priorities(ctx: DashboardContext): Promise<Section<Priority>>;
  milestones(ctx: DashboardContext): Promise<Section<Milestone>>;
  mediationStats(ctx: DashboardContext, range: { from?: Date; to?: Date }): Promise<{ available: boolean; stats: MediationStats | null }>;
  documents(ctx: DashboardContext): Promise<Section<DashboardDocument>>;
  search(ctx: DashboardContext, query: string): Promise<Section<SearchHit>>;
}

/** Query parameters of the API. `q` is cut to a sane length rather than refused: a pasted page still gets an answer. */
export const maxSearchLength = 200;
export const searchQuerySchema = z.object({
  q: z.string().max(12_000).default(''),
  locale: z.enum(['nl', 'en']).default('nl'),
});
export const localeQuerySchema = z.object({ locale: z.enum(['nl', 'en']).default('nl') });
export const mediationQuerySchema = localeQuerySchema.extend({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
