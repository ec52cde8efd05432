import { AppError } from '../../errors/app-error.js';
import { format } from '../../i18n/catalogue.js';
import type { Turn } from '../../routing/turn.js';
import { updatePostedCards } from './case-card-delivery.js';
import { normaliseCaseNumber } from './case-number.js';
import { requireCoordinator, type MediationContext } from './mediation-context.js';
import { erasePersonalData, exportCase } from './personal-data-access.js';

/** "Exporteer zaak BB-2026-0001" (AVG art. 15): everything stored about a case, in the personal chat only. */
export async function exportOnRequest(ctx: MediationContext, turn: Turn, match: RegExpMatchArray | null): Promise<void> {
  const { tenantId, actor } = await requireCoordinator(ctx, turn);
  if (turn.conversation.type !== 'personal') throw new AppError('mediation_personal_chat_only', { status: 403, detail: 'export outside a personal chat' });
  const caseNumber = normaliseCaseNumber(match![1]!)!;
  const exported = await exportCase(ctx.core.db, { tenantId, caseNumber, actorAadObjectId: actor, now: ctx.core.now() });
  turn.log.info({ caseNumber }, 'mediation case exported');
  // A backtick in typed text must not end the code block; \u0060 is the same character in JSON.
  const json = JSON.stringify(exported, null, 2).replace(/`/g, '\\u0060');
  await turn.send({ type: 'message', textFormat: 'markdown', text: `${format(turn.t.mediation.exportIntro, { caseNumber })}\n\n\`\`\`json\n${json}\n\`\`\`` });
}

/** "Wis persoonsgegevens BB-2026-0001" (AVG art. 17): the personal data go, the anonymous facts and posted cards stay. */
export async function eraseOnRequest(ctx: MediationContext, turn: Turn, match: RegExpMatchArray | null): Promise<void> {
  const { tenantId, actor } = await requireCoordinator(ctx, turn);
  const caseNumber = normaliseCaseNumber(match![1]!)!;
  const result = await erasePersonalData(ctx.core.db, { tenantId, caseNumber, actorAadObjectId: actor, now: ctx.core.now() });
  // Stored invoke answers hold no personal data since migration 9; this reaches any older copy too.
  await ctx.processed.forgetResponsesMentioning(caseNumber);
  turn.log.info({ caseNumber, erased: result.erased }, 'mediation personal data erased on request');
  turn.defer('mediation.update-case-card', () => updatePostedCards(ctx, result.case));
  await turn.send(format(result.erased ? turn.t.mediation.eraseDone : turn.t.mediation.eraseAlready, { caseNumber }));
}
