import type { Core } from '../features/feature-context.js';
import { catalogue } from '../i18n/catalogue.js';
import { milestoneProgress, waitingApprovals, type MilestoneRegister } from '../features/approvals/index.js';
import type { KnowledgeBase } from '../features/knowledge/index.js';
import { mediationStatistics, type LeadTime } from '../features/mediation/index.js';
import { leadTimeText } from '../features/mediation/lead-time-text.js';
import type { DigestFact, DigestSources } from '../features/steering/index.js';
import { MAX_NOTES as MAX_DIGEST_NOTES } from '../features/steering/digest.js';
import { knowledgeStatusNotes } from './knowledge-summary-source.js';

const isMediationProgramme = (programme: string) => /bemiddel|mediation/i.test(programme);

/**
 * The steering digest's parts from the other features (wired here, in the composition root, so the
 * steering feature depends on its DigestSources port only): the milestone register and open requests of the
 * approvals feature (every gemeente of the tenant), the aggregated buurtbemiddeling figures, and
 * status notes added to the knowledge base since the previous update.
 */
export function realDigestSources(core: Core, { register, kb }: { register: MilestoneRegister; kb: KnowledgeBase }): DigestSources {
  const statusNotes = knowledgeStatusNotes(kb);
  return {
    async milestones(query) {
      const progress = await milestoneProgress(register, core.db, { tenantId: query.tenantId, gemeenten: core.organisation.gemeenten(query.tenantId), from: query.from, to: query.to });
      // A milestone shows its own date; the approval day is said as such.
      const named = (m: (typeof progress.reached)[number]) => ({ title: m.title, gemeente: m.gemeente, date: m.plannedDate, ...(m.approvedOn ? { approvedOn: m.approvedOn } : {}) });
      return { reached: progress.reached.map(named), coming: progress.coming.map(named) };
    },
    async pendingApprovals(query) {
      return (await waitingApprovals(core.db, query.tenantId)).map((a) => ({ title: a.title, gemeente: a.gemeente, since: a.requestedAt.toISOString().slice(0, 10) }));
    },
    async mediationStats(query): Promise<DigestFact[] | undefined> {
      if (!isMediationProgramme(query.programme)) return undefined;
      const t = catalogue(core.config.DEFAULT_LOCALE).mediation;
      const stats = await mediationStatistics(core.db, { tenantId: query.tenantId, from: query.from, to: query.to });
      const lead = (l: LeadTime) => leadTimeText(l, t);
      return [
        { label: t.statsTotal, value: String(stats.total) },
        { label: t.statsToAccepted, value: lead(stats.leadTimes.intakeToAccepted) },
        { label: t.statsToClosed, value: lead(stats.leadTimes.intakeToClosed) },
      ];
    },
    newStatusNotes: (query) => statusNotes(query.from, MAX_DIGEST_NOTES),
  };
}
