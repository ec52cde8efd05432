import { cardMessage } from '../../cards/render-card.js';
import { catalogue, format } from '../../i18n/catalogue.js';
import type { ConversationAddress } from '../../routing/turn.js';
import type { CaseFacts } from './case-records.js';
import { publicCard, type MediationContext } from './mediation-context.js';
import { COORDINATOR_ROLE } from './mediation-options.js';

/** The subject under which every posted copy of a case's coordinator card is recorded. */
export const caseSubject = (caseId: number) => `mediation-case:${caseId}`;

/** The configured coordinator conversation, or else each coordinator's personal chat with the bot. */
async function coordinatorAddresses(ctx: MediationContext, tenantId: string): Promise<ConversationAddress[]> {
  const { core } = ctx;
  const configured = core.config.MEDIATION_COORDINATOR_CONVERSATION_ID;
  if (configured) {
    const found = await core.conversations.find(configured);
    if (found?.active && (!found.tenantId || found.tenantId === tenantId)) {
      const { active: _active, ...address } = found;
      return [address];
    }
    core.log.warn({ conversationId: configured }, 'mediation coordinator conversation unknown or inactive; using personal chats');
  }
  const addresses: ConversationAddress[] = [];
  for (const person of core.organisation.holders(tenantId, COORDINATOR_ROLE, { at: core.now() })) {
    const address = await core.conversations.findPersonal(tenantId, person.aadObjectId);
    if (address) addresses.push(address);
  }
  return addresses;
}

/** A new case: its card (without personal data) goes to the coordinators, each copy recorded. */
export async function postCoordinatorCard(ctx: MediationContext, facts: CaseFacts): Promise<void> {
  const addresses = await coordinatorAddresses(ctx, facts.tenantId);
  if (addresses.length === 0) {
    ctx.core.log.warn({ caseNumber: facts.caseNumber }, 'no conversation known to reach the mediation coordinators');
    return;
  }
  for (const address of addresses) {
    // In the language the coordinator (or the channel) last spoke: a coordinator with English Teams reads English.
    const t = address.locale ? catalogue(address.locale) : ctx.defaultT;
    const card = await publicCard(ctx, t, facts);
    await ctx.core.cards.post(caseSubject(facts.id), address, cardMessage(card, { summary: format(t.mediation.newCaseTitle, { caseNumber: facts.caseNumber }) }));
  }
  ctx.core.log.info({ caseNumber: facts.caseNumber, posts: addresses.length }, 'mediation case posted to coordinators');
}

/** Every posted copy shows the new state; updating the message also re-triggers the coordinators' refresh. */
export async function updatePostedCards(ctx: MediationContext, facts: CaseFacts): Promise<void> {
  await ctx.core.cards.updateEverywhere(caseSubject(facts.id), async (copy) => cardMessage(await publicCard(ctx, copy.address.locale ? catalogue(copy.address.locale) : ctx.defaultT, facts)));
}
