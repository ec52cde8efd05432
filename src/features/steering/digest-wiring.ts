import type { Core } from '../../app/core.js';
import { catalogue, format } from '../../i18n/catalogue.js';
import { mediationStatistics, type LeadTime } from '../mediation/index.js';
import type { DigestFact, DigestSources } from './digest-sources.js';

const isMediationProgramme = (programme: string) => /bemiddel|mediation/i.test(programme);

/**
 * The digest parts that exist in the app today. Milestones, approvals and status notes are not
 * wired yet (their modules export no query for this); the digest card names them as not connected.
 */
export function realDigestSources(core: Core): DigestSources {
  return {
    async mediationStats(query): Promise<DigestFact[]> {
      if (!isMediationProgramme(query.programme)) return [];
      const t = catalogue(core.config.DEFAULT_LOCALE).mediation;
      const stats = await mediationStatistics(core.db, { tenantId: query.tenantId, from: query.from, to: query.to });
      const lead = (l: LeadTime) =>
        l.count === 0 ? t.statsNone : format(t.statsDays, { median: l.medianDays ?? '-', average: l.averageDays ?? '-', count: l.count });
      return [
        { label: t.statsTotal, value: String(stats.total) },
        { label: t.statsToAccepted, value: lead(stats.leadTimes.intakeToAccepted) },
        { label: t.statsToClosed, value: lead(stats.leadTimes.intakeToClosed) },
      ];
    },
  };
}
