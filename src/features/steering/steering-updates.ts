import { randomUUID } from 'node:crypto';
import { cardMessage, escapeCardText, escapeMessageText, renderCard } from '../../cards/render-card.js';
import { AppError } from '../../errors/app-error.js';
import { catalogue, format, type Locale } from '../../i18n/catalogue.js';
import type { Messenger, OutgoingActivity, Turn } from '../../routing/turn.js';
import type { Core } from '../feature-context.js';
import { digestCard } from './digest-card.js';
import type { DigestSources } from './digest-sources.js';
import { buildDigest, digestPeriod } from './digest.js';
import { programmeKey, type SteeringGroup, type SteeringGroups } from './steering-groups.js';

export interface SteeringDeps {
  core: Core;
  groups: SteeringGroups;
  /** Where the digest's parts come from (the other features, wired in src/app/). */
  sources: DigestSources;
  /** Proactive sender; keeps Teams' rate limits and retries (src/app/build-app.ts). */
  messenger: Messenger;
}

/**
 * The steering group's use cases: registering its conversation, the digest rendered for a group,
 * posted to it, and previewed on request. Plain TypeScript on the Turn: no Teams types.
 */
export function steeringUpdates({ core, groups, sources, messenger }: SteeringDeps) {
  const timeZone = core.config.STEERING_TIMEZONE;

  /** The digest card of a group for the period since its previous update. */
  async function render(group: SteeringGroup, footer: string, locale: Locale = core.config.DEFAULT_LOCALE) {
    const period = digestPeriod(group.lastUpdateAt, core.now());
    const digest = await buildDigest(sources, { tenantId: group.tenantId, programme: group.programme, ...period });
    return digestCard(digest, catalogue(locale), { locale, timeZone, footer });
  }

  /** Posts the digest to the group's conversation and remembers when, so the next one starts there. */
  async function post(group: SteeringGroup, footer: string): Promise<void> {
    const card = await render(group, footer);
    const message = cardMessage(card, { summary: format(catalogue(core.config.DEFAULT_LOCALE).summaries.steering.digestTitle, { programme: group.programme }) });
    // A new post in the channel, not a reply under the message that registered the group.
    await (messenger.post ? messenger.post(group.address, message) : messenger.send(group.address, message));
    await groups.markUpdated(group.tenantId, group.programme, core.now());
  }

  /** "Registreer dit kanaal als stuurgroep …": a channel or group chat only; registering again moves the group. */
  async function register(turn: Turn, programmeName: string): Promise<void> {
    const s = turn.t.summaries.steering;
    if (turn.conversation.type === 'personal') {
      await turn.send(s.personalChat);
      return;
    }
    if (!turn.tenantId) throw new AppError('other_tenant');
    const programme = programmeKey(programmeName);
    await core.conversations.remember(turn.address);
    const { moved } = await groups.register({ tenantId: turn.tenantId, programme, address: turn.address, registeredBy: turn.user.aadObjectId ?? turn.user.id, at: core.now() });
    turn.log.info({ programme, conversationType: turn.conversation.type, moved }, 'steering group registered');
    await turn.send(format(moved ? s.moved : s.registered, { programme: escapeMessageText(programme) }));
  }

  /**
   * The group a request means: the named one, or the tenant's only one. With several and none
   * named the user is asked which (and undefined comes back).
   */
  async function groupFor(turn: Turn, programme: string | undefined): Promise<SteeringGroup | undefined> {
    const s = turn.t.summaries.steering;
    if (!turn.tenantId) throw new AppError('other_tenant');
    if (programme) {
      const found = await groups.find(turn.tenantId, programme);
      if (!found) throw new AppError('steering_not_registered', { status: 404, params: { programme: programmeKey(programme) } });
      return found;
    }
    const all = await groups.ofTenant(turn.tenantId);
    if (all.length === 1) return all[0];
    await turn.send(all.length === 0 ? s.noneRegistered : format(s.whichProgramme, { example: all[0]!.programme, programmes: all.map((g) => g.programme).join(', ') }));
    return undefined;
  }

  /** The preview card: the digest as it would be posted, with Send and Cancel. */
  async function preview(turn: Turn, group: SteeringGroup): Promise<OutgoingActivity> {
    const s = turn.t.summaries.steering;
    const digest = await render(group, format(s.requestedFooter, { name: escapeCardText(turn.user.name) }), turn.locale);
    const card = renderCard('steering-preview', {
      title: format(s.previewTitle, { programme: group.programme }),
      intro: s.previewIntro,
      digestTitle: format(s.digestTitle, { programme: group.programme }),
      sendButton: s.sendButton,
      cancelButton: s.cancelButton,
      programme: group.programme,
      previewId: randomUUID(),
    });
    // The preview shows the digest itself inside the emphasis container.
    const body = card.body as Record<string, unknown>[];
    body[body.length - 1]!.items = digest.body;
    return cardMessage(card);
  }

  return { render, post, register, groupFor, preview };
}

export type SteeringUpdates = ReturnType<typeof steeringUpdates>;
