import { summarizeExtractive } from '../summaries/extractive-summarizer.js';
import type { DigestApproval, DigestFact, DigestMilestone, DigestQuery, DigestSources } from './digest-sources.js';

export type DigestPart = 'milestones' | 'approvals' | 'mediation' | 'notes';

export interface Digest {
  programme: string;
  from: Date;
  to: Date;
  milestones?: { reached: DigestMilestone[]; coming: DigestMilestone[] };
  approvals?: DigestApproval[];
  mediation?: DigestFact[];
  notes?: { title: string; lines: string[] }[];
  /** Parts whose source is not connected. */
  missing: DigestPart[];
}

const NOTE_WORDS = 70;
const MAX_NOTES = 3;
const MAX_ITEMS = 6;

/** How far back the first update looks when there was no earlier update. */
export const FIRST_UPDATE_DAYS = 31;

export function digestPeriod(lastUpdateAt: Date | null, now: Date): { from: Date; to: Date } {
  return { from: lastUpdateAt ?? new Date(now.getTime() - FIRST_UPDATE_DAYS * 86_400_000), to: now };
}

/** Gathers the parts of one steering-group update; a missing source is reported, never filled in. */
export async function buildDigest(sources: DigestSources, query: DigestQuery): Promise<Digest> {
  const missing: DigestPart[] = [];
  const digest: Digest = { programme: query.programme, from: query.from, to: query.to, missing };
  if (sources.milestones) {
    const m = await sources.milestones(query);
    digest.milestones = { reached: m.reached.slice(0, MAX_ITEMS), coming: m.coming.slice(0, MAX_ITEMS) };
  } else missing.push('milestones');
  if (sources.pendingApprovals) digest.approvals = (await sources.pendingApprovals(query)).slice(0, MAX_ITEMS);
  else missing.push('approvals');
  if (sources.mediationStats) digest.mediation = await sources.mediationStats(query);
  else missing.push('mediation');
  if (sources.newStatusNotes) {
    const notes = (await sources.newStatusNotes(query)).slice(0, MAX_NOTES);
    digest.notes = notes.map((note) => {
      const summary = summarizeExtractive(note, { words: NOTE_WORDS });
      const lines = [...summary.sections.flatMap((s) => s.bullets.slice(0, 1)), ...summary.outlook].map((l) => l.text).slice(0, 4);
      return { title: note.title, lines };
    });
  } else missing.push('notes');
  return digest;
}
