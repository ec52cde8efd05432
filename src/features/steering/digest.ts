import { summarizeExtractive } from '../summaries/extractive-summarizer.js';
import type { DigestApproval, DigestFact, DigestMilestone, DigestQuery, DigestSources } from './digest-sources.js';

export interface Digest {
  programme: string;
  from: Date;
  to: Date;
  milestones: { reached: DigestMilestone[]; coming: DigestMilestone[] };
  approvals: DigestApproval[];
  /** Absent for a programme without buurtbemiddeling figures. */
  mediation?: DigestFact[];
  notes: { title: string; lines: string[] }[];
}

const NOTE_WORDS = 70;
export const MAX_NOTES = 3;
const MAX_ITEMS = 6;

/** How far back the first update looks when there was no earlier update. */
export const FIRST_UPDATE_DAYS = 31;

export function digestPeriod(lastUpdateAt: Date | null, now: Date): { from: Date; to: Date } {
  return { from: lastUpdateAt ?? new Date(now.getTime() - FIRST_UPDATE_DAYS * 86_400_000), to: now };
}

/** Gathers the parts of one steering-group update, each status note cut to a few sentences of its own. */
export async function buildDigest(sources: DigestSources, query: DigestQuery): Promise<Digest> {
  const [milestones, approvals, mediation, notes] = await Promise.all([sources.milestones(query), sources.pendingApprovals(query), sources.mediationStats(query), sources.newStatusNotes(query)]);
  return {
    programme: query.programme,
    from: query.from,
    to: query.to,
    milestones: { reached: milestones.reached.slice(0, MAX_ITEMS), coming: milestones.coming.slice(0, MAX_ITEMS) },
    approvals: approvals.slice(0, MAX_ITEMS),
    ...(mediation ? { mediation } : {}),
    notes: notes.slice(0, MAX_NOTES).map((note) => {
      const summary = summarizeExtractive(note, { words: NOTE_WORDS });
      const lines = [...summary.sections.flatMap((s) => s.bullets.slice(0, 1)), ...summary.outlook].map((l) => l.text).slice(0, 4);
      return { title: note.title, lines };
    }),
  };
}
