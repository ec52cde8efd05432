import type { SummaryDocument } from '../summaries/summary-types.js';

export interface DigestQuery {
  tenantId: string;
  programme: string;
  /** The period the update covers: since the previous update (or a month) up to now. */
  from: Date;
  to: Date;
}

export interface DigestMilestone {
  title: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
  gemeente?: string;
  /** For a milestone reached by approval: the day it was approved (then `date` is its planned day). */
  approvedOn?: string;
}

export interface DigestApproval {
  title: string;
  /** ISO date the request was made. */
  since: string;
  gemeente?: string;
}

/** A labelled count, aggregated: never names, addresses or case details. */
export interface DigestFact {
  label: string;
  value: string;
}

/** Where a digest's parts come from (the other features, wired in src/app/digest-sources.ts; tests pass their own). */
export interface DigestSources {
  milestones(query: DigestQuery): Promise<{ reached: DigestMilestone[]; coming: DigestMilestone[] }>;
  pendingApprovals(query: DigestQuery): Promise<DigestApproval[]>;
  /** Aggregated figures; undefined when the programme has none (only buurtbemiddeling has them). */
  mediationStats(query: DigestQuery): Promise<DigestFact[] | undefined>;
  /** Status notes added to the knowledge base in the period, newest first, with their sections. */
  newStatusNotes(query: DigestQuery): Promise<SummaryDocument[]>;
}
