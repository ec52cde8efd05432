import type { Core } from '../../features/feature-context.js';
import { mediationStatistics } from '../../features/mediation/index.js';
import { catalogue } from '../../i18n/catalogue.js';
import type { DashboardSources } from '../dashboard-contract.js';

function counts(record: Record<string, number>, labels: Record<string, string>) {
  return Object.entries(record).map(([key, count]) => ({ key, label: labels[key] ?? key, count }));
}

/** The anonymous pilot statistics of the mediation feature (counts and lead times, never a case). */
export function mediationSources(core: Core): Pick<DashboardSources, 'mediationStats'> {
  return {
    async mediationStats(ctx, range) {
      const s = await mediationStatistics(core.db, { tenantId: ctx.tenantId, from: range.from, to: range.to });
      const t = catalogue(ctx.locale).mediation as unknown as { statuses: Record<string, string>; kinds: Record<string, string>; referrerRoles: Record<string, string> };
      return {
        available: true,
        stats: {
          from: s.from,
          to: s.to,
          total: s.total,
          byMonth: s.byMonth,
          byStatus: counts(s.byStatus, t.statuses),
          byKind: counts(s.byKind, t.kinds),
          bySource: counts(s.bySource, t.referrerRoles),
          leadTimeDays: { toAccepted: s.leadTimes.intakeToAccepted.averageDays, toClosed: s.leadTimes.intakeToClosed.averageDays },
        },
      };
    },
  };
}
