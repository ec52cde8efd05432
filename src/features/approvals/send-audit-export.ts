import { AppError } from '../../errors/app-error.js';
import { format } from '../../i18n/catalogue.js';
import type { Understood } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant, requireRole } from './access.js';
import { learnUser, type ApprovalsContext } from './approvals-context.js';
import { exportAudit } from './audit-export.js';
import { formatDay, parsePeriod } from './dates.js';
import { gemeenteIn } from './milestone-commands.js';

/** "Exporteer audit Hengelo 2026": the archive record of a gemeente and period as a CSV file in the chat. */
export async function sendAuditExport(ctx: ApprovalsContext, turn: Turn, match: RegExpMatchArray | null, understood: Understood): Promise<void> {
  const { organisation, now, db } = ctx.core;
  const tenantId = requireKnownTenant(organisation, turn.tenantId);
  const rest = (match?.[1] ?? '').trim();
  const gemeenten = organisation.gemeenten(tenantId);
  const gemeente = match ? gemeenten.find((g) => rest.toLowerCase().startsWith(g.toLowerCase())) : gemeenteIn(turn.text, gemeenten);
  if (!gemeente) throw new AppError('milestone_gemeente_needed', { params: { gemeenten: gemeenten.join(', ') } });
  requireRole(organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['beheerder', 'adviseur'], gemeente, now());
  const period = parsePeriod(match ? rest.slice(gemeente.length) : (understood.slots.year ?? ''));
  if (!period) throw new AppError('audit_bad_period');
  const { records, content } = await exportAudit(db, { tenantId, gemeente, period }, 'csv');
  await learnUser(ctx, turn);
  const until = new Date(`${period.to}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() - 1);
  const text = format(turn.t.approvals.exportDone, {
    gemeente,
    from: formatDay(period.from, turn.locale),
    until: formatDay(until.toISOString().slice(0, 10), turn.locale),
    count: records.length,
  });
  const name = `audit-${gemeente.toLowerCase()}-${period.from}-${until.toISOString().slice(0, 10)}.csv`;
  // Small exports also go inline, so the record can be read in the chat itself.
  const inline = content.length <= 12_000 ? `\n\n\`\`\`\n${content.replace(/```/g, "'''")}\`\`\`` : '';
  await turn.send({
    type: 'message',
    text: `${text}${inline}`,
    textFormat: 'markdown',
    attachments: [{ contentType: 'text/csv', name, contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}` }],
  });
}
