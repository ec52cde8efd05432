import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { escapeCardText, renderCard } from '../../cards/render-card.js';
import { AppError } from '../../errors/app-error.js';
import { catalogue, format } from '../../i18n/catalogue.js';
import { defineAction, type Feature } from '../../routing/route.js';
import type { Messenger } from '../../routing/turn.js';
import type { DigestSources } from './digest-sources.js';
import { claimOnce, type SteeringGroup, type SteeringGroups } from './steering-groups.js';
import { steeringDigestJobs } from './steering-schedule.js';
import { steeringUpdates } from './steering-updates.js';
import { steeringUtterances } from './steering-utterances.js';

/** Who may register a steering group and send it an update. */
const MANAGERS = ['beheerder', 'adviseur'] as const;

export const registerPattern = /^registreer\s+(?:dit|deze|het)\s+(?:kanaal|groepsgesprek|groepschat|chat|gesprek|groep)\s+als\s+(?:de\s+)?stuurgroep\s+(?:van\s+|voor\s+)?(?:de\s+)?(.+?)\s*[.!]?$/i;
export const updatePattern = /^stuur\s+(?:een\s+|de\s+)?update\s+(?:naar|aan|voor)\s+(?:de\s+)?stuurgroep(?:\s+(?:van\s+|voor\s+)?(?:de\s+)?(.+?))?\s*[.!]?$/i;

const sendData = z.object({ programme: z.string().min(1).max(100), previewId: z.string().min(1).max(100) });

export interface SteeringFeatureOptions {
  /** Where the digest's parts come from: the app's own modules (realDigestSources), wired in src/app/. */
  sources: DigestSources;
  /** The registered steering groups, built once in the composition root. */
  groups: SteeringGroups;
  /** Proactive sender; defaults to core.messenger wrapped for Teams' rate limits and retries. */
  messenger?: Messenger;
}

/**
 * The steering group of a programme: registering its channel or group chat, a previewed update on
 * request, and the scheduled digest (claimed per slot in the database, so one post per slot).
 * The use cases are in steering-updates.ts.
 */
export function steeringFeature(core: Core, options: SteeringFeatureOptions): Feature {
  const { groups } = options;
  // core.messenger already keeps Teams' rate limits and retries (src/app/build-app.ts).
  const updates = steeringUpdates({ core, groups, sources: options.sources, messenger: options.messenger ?? core.messenger });
  const timeZone = core.config.STEERING_TIMEZONE;
  const post = (group: SteeringGroup, footer: string) => updates.post(group, footer);

  const jobs = steeringDigestJobs({
    db: core.db,
    log: core.log,
    schedule: core.config.STEERING_SCHEDULE,
    timeZone,
    groups: () => groups.allActive(),
    post: (group) => post(group, catalogue(core.config.DEFAULT_LOCALE).summaries.steering.scheduledFooter),
  });

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
        handle: (turn, match) => updates.register(turn, match![1]!),
      },
      {
        kind: 'message',
        name: 'steering.preview',
        match: updatePattern,
        utterances: steeringUtterances.preview,
        guard: { roles: MANAGERS, roleError: 'steering_role_required' },
        async handle(turn, match) {
          const group = await updates.groupFor(turn, match?.[1]);
          if (group) await turn.send(await updates.preview(turn, group));
        },
      },
      defineAction({
        verb: 'steering.send',
        data: sendData,
        guard: { roles: MANAGERS, roleError: 'steering_role_required' },
        async handle(turn, data) {
          const s = turn.t.summaries.steering;
          const group = await updates.groupFor(turn, data.programme);
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
