import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { cardMessage, escapeCardText, escapeMessageText, renderCard } from '../../cards/render-card.js';
import { AppError } from '../../core/app-error.js';
import { catalogue, format } from '../../i18n/catalogue.js';
import { defineAction, type Feature } from '../../routing/route.js';
import type { Messenger, Turn } from '../../routing/turn.js';
import { digestCard } from './digest-card.js';
import type { DigestSources } from './digest-sources.js';
import { buildDigest, digestPeriod } from './digest.js';
import { claimOnce, programmeKey, SteeringGroups, type SteeringGroup } from './steering-groups.js';
import { steeringDigestJobs } from './steering-schedule.js';
import { steeringUtterances } from './steering-utterances.js';

/** Who may register a steering group and send it an update. */
const MANAGERS = ['beheerder', 'adviseur'] as const;

export const registerPattern = /^registreer\s+(?:dit|deze|het)\s+(?:kanaal|groepsgesprek|groepschat|chat|gesprek|groep)\s+als\s+(?:de\s+)?stuurgroep\s+(?:van\s+|voor\s+)?(?:de\s+)?(.+?)\s*[.!]?$/i;
export const updatePattern = /^stuur\s+(?:een\s+|de\s+)?update\s+(?:naar|aan|voor)\s+(?:de\s+)?stuurgroep(?:\s+(?:van\s+|voor\s+)?(?:de\s+)?(.+?))?\s*[.!]?$/i;

const sendData = z.object({ programme: z.string().min(1).max(100), previewId: z.string().min(1).max(100) });

export interface SteeringFeatureOptions {
  /** Where the digest's parts come from: the app's own modules (realDigestSources), wired in src/app/. */
  sources: DigestSources;
  /** Proactive sender; defaults to core.messenger wrapped for Teams' rate limits and retries. */
  messenger?: Messenger;
}

/**
 * The steering group of a programme: registering its channel or group chat, a previewed update on
 * request, and the scheduled digest (claimed per slot in the database, so one post per slot).
 */
export function steeringFeature(core: Core, options: SteeringFeatureOptions): Feature {
  const groups = new SteeringGroups(core.db);
  const { sources } = options;
  // core.messenger already keeps Teams' rate limits and retries (src/app/build-app.ts).
  const messenger = options.messenger ?? core.messenger;
  const timeZone = core.config.STEERING_TIMEZONE;

  async function renderDigest(group: SteeringGroup, footer: string, locale = core.config.DEFAULT_LOCALE) {
    const now = core.now();
    const period = digestPeriod(group.lastUpdateAt, now);
    const digest = await buildDigest(sources, { tenantId: group.tenantId, programme: group.programme, ...period });
    return digestCard(digest, catalogue(locale), { locale, timeZone, footer });
  }

  async function post(group: SteeringGroup, footer: string): Promise<void> {
    const card = await renderDigest(group, footer);
    // A new post in the channel, not a reply under the message that registered the group.
    await (messenger.post ? messenger.post.bind(messenger) : messenger.send.bind(messenger))(group.address, cardMessage(card, { summary: format(catalogue(core.config.DEFAULT_LOCALE).summaries.steering.digestTitle, { programme: group.programme }) }));
    await groups.markUpdated(group.tenantId, group.programme, core.now());
  }

  const jobs = steeringDigestJobs({
    db: core.db,
    log: core.log,
    schedule: core.config.STEERING_SCHEDULE,
    timeZone,
    groups: () => groups.allActive(),
    post: (group) => post(group, catalogue(core.config.DEFAULT_LOCALE).summaries.steering.scheduledFooter),
  });

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

  return {
    name: 'steering',
    jobs,
    help: [
      {
        title: (t) => t.summaries.steering.helpTitle,
        description: (t) => t.summaries.steering.helpDescription,
        command: (t) => t.summaries.steering.helpCommand,
      },
    ],
    routes: [
      {
        kind: 'message',
        name: 'steering.register',
        match: registerPattern,
        utterances: steeringUtterances.register,
        guard: { roles: MANAGERS, roleError: 'steering_role_required' },
        async handle(turn, match) {
          const s = turn.t.summaries.steering;
          if (turn.conversation.type === 'personal') {
            await turn.send(s.personalChat);
            return;
          }
          if (!turn.tenantId) throw new AppError('other_tenant');
          const programme = programmeKey(match![1]!);
          await core.conversations.remember(turn.address);
          const { moved } = await groups.register({ tenantId: turn.tenantId, programme, address: turn.address, registeredBy: turn.user.aadObjectId ?? turn.user.id, at: core.now() });
          turn.log.info({ programme, conversationType: turn.conversation.type, moved }, 'steering group registered');
          await turn.send(format(moved ? s.moved : s.registered, { programme: escapeMessageText(programme) }));
        },
      },
      {
        kind: 'message',
        name: 'steering.preview',
        match: updatePattern,
        utterances: steeringUtterances.preview,
        guard: { roles: MANAGERS, roleError: 'steering_role_required' },
        async handle(turn, match) {
          const s = turn.t.summaries.steering;
          const group = await groupFor(turn, match?.[1]);
          if (!group) return;
          const digest = await renderDigest(group, format(s.requestedFooter, { name: escapeCardText(turn.user.name) }), turn.locale);
          const preview = renderCard('steering-preview', {
            title: format(s.previewTitle, { programme: group.programme }),
            intro: s.previewIntro,
            digestTitle: format(s.digestTitle, { programme: group.programme }),
            sendButton: s.sendButton,
            cancelButton: s.cancelButton,
            programme: group.programme,
            previewId: randomUUID(),
          });
          // The preview shows the digest itself inside the emphasis container.
          const body = preview.body as Record<string, unknown>[];
          const container = body[body.length - 1]!;
          container.items = digest.body;
          await turn.send(cardMessage(preview));
        },
      },
      defineAction({
        verb: 'steering.send',
        data: sendData,
        guard: { roles: MANAGERS, roleError: 'steering_role_required' },
        async handle(turn, data) {
          const s = turn.t.summaries.steering;
          const group = await groupFor(turn, data.programme);
          if (!group) throw new AppError('steering_not_registered', { status: 404, params: { programme: data.programme } });
          // A double click or a redelivered invoke must not post twice.
          if (!(await claimOnce(core.db, `steering-preview:${data.previewId}`, new Date(0)))) {
            return { type: 'card', card: renderCard('steering-notice', { text: s.alreadySent }) };
          }
          const footer = format(catalogue(core.config.DEFAULT_LOCALE).summaries.steering.requestedFooter, { name: escapeCardText(turn.user.name) });
          turn.defer('steering.post-digest', () => post(group, footer));
          turn.log.info({ programme: group.programme }, 'steering update requested');
          return { type: 'card', card: renderCard('steering-notice', { text: format(s.sending, { programme: group.programme }) }) };
        },
      }),
      defineAction({
        verb: 'steering.cancel',
        data: sendData,
        async handle(turn) {
          return { type: 'card', card: renderCard('steering-notice', { text: turn.t.summaries.steering.cancelled }) };
        },
      }),
    ],
  };
}
