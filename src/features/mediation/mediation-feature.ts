import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { AppError } from '../../core/app-error.js';
import { cardMessage } from '../../cards/render-card.js';
import { catalogue, format, type Catalogue } from '../../i18n/catalogue.js';
import { defineAction, type ActionResult, type Feature } from '../../routing/route.js';
import type { ConversationAddress, Turn } from '../../routing/turn.js';
import { applyCoordinatorAction } from './apply-coordinator-action.js';
import { normaliseCaseNumber } from './case-number.js';
import { casePosts, rememberUserId, saveCasePost, userIdsOf } from './case-posts.js';
import { findCaseById, type CaseFacts } from './case-records.js';
import type { CoordinatorAction } from './case-state.js';
import { createCase } from './create-case.js';
import { validateIntake } from './intake-schema.js';
import { caseCard, confirmationCard, intakeCard, statisticsCard, violenceCard } from './mediation-cards.js';
import { erasePattern, exportPattern, meansIntake, statisticsPattern } from './mediation-intents.js';
import { COORDINATOR_ROLE, limits, outcomes } from './mediation-options.js';
import { mediationStatistics } from './mediation-statistics.js';
import { ProcessedActivities } from '../../store/processed-activities.js';
import { mediationUtterances } from './mediation-utterances.js';
import { eraseExpiredPersonalData, erasePersonalData, exportCase, readCaseForCoordinator } from './personal-data-access.js';

const DAY_MINUTES = 24 * 60;

// Route schemas are lenient (cards send strings); the use cases validate strictly.
const submitData = z.looseObject({ idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,100}$/) });
const caseRef = { caseId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) };
const versioned = { ...caseRef, version: z.coerce.number().int().positive().max(1_000_000) };
const refreshData = z.looseObject(caseRef);
const acceptData = z.looseObject({ ...versioned, volunteer1: z.unknown().optional(), volunteer2: z.unknown().optional() });
const reasonData = z.looseObject({ ...versioned, reason: z.unknown().optional() });
const closeData = z.looseObject({ ...versioned, outcome: z.unknown().optional() });
const plainVersioned = z.looseObject(versioned);

const shortName = z.string().trim().min(1).max(limits.shortText);

/**
 * Buurtbemiddeling: the intake card, the coordinator's case card with its actions, statistics
 * without personal data, and the AVG duties (access log, export, erase, retention).
 */
export function mediationFeature(core: Core): Feature {
  const { db, organisation, config } = core;
  const defaultT = catalogue(config.DEFAULT_LOCALE);

  const isCoordinator = (turn: Turn) =>
    organisation.hasRole({ tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId }, COORDINATOR_ROLE, { at: core.now() });

  /** Coordinators' Teams ids are kept so the case card can list them in refresh.userIds. */
  async function rememberCoordinator(turn: Turn): Promise<void> {
    if (turn.tenantId && turn.user.aadObjectId && turn.user.id && isCoordinator(turn)) {
      await rememberUserId(db, turn.tenantId, turn.user.aadObjectId, turn.user.id, core.now());
    }
  }

  function requireTenant(turn: Turn): string {
    if (!turn.tenantId || organisation.gemeenten(turn.tenantId).length === 0) throw new AppError('other_tenant', { status: 403, detail: 'tenant not served' });
    return turn.tenantId;
  }

  async function requireCoordinator(turn: Turn): Promise<{ tenantId: string; actor: string }> {
    const tenantId = requireTenant(turn);
    if (!isCoordinator(turn) || !turn.user.aadObjectId) throw new AppError('mediation_coordinator_only', { status: 403, detail: 'not a coordinator of this tenant' });
    await rememberCoordinator(turn);
    return { tenantId, actor: turn.user.aadObjectId };
  }

  async function coordinatorUserIds(tenantId: string): Promise<string[]> {
    const holders = organisation.holders(tenantId, COORDINATOR_ROLE, { at: core.now() });
    return userIdsOf(db, tenantId, holders.map((p) => p.aadObjectId));
  }

  async function publicCard(t: Catalogue, facts: CaseFacts) {
    return caseCard(t, facts, { coordinator: false, refreshUserIds: await coordinatorUserIds(facts.tenantId) });
  }

  async function coordinatorView(turn: Turn, tenantId: string, actor: string, caseId: number): Promise<ActionResult> {
    const { case: facts, personal } = await readCaseForCoordinator(db, { tenantId, caseId, actorAadObjectId: actor, now: core.now() });
    return { type: 'card', card: caseCard(turn.t, facts, { coordinator: true, personal, refreshUserIds: await coordinatorUserIds(tenantId) }) };
  }

  /** The configured coordinator conversation, or else each coordinator's personal chat with the bot. */
  async function coordinatorAddresses(tenantId: string): Promise<ConversationAddress[]> {
    const configured = config.MEDIATION_COORDINATOR_CONVERSATION_ID;
    if (configured) {
      const found = await core.conversations.find(configured);
      if (found?.active && (!found.tenantId || found.tenantId === tenantId)) {
        const { active: _active, ...address } = found;
        return [address];
      }
      core.log.warn({ conversationId: configured }, 'mediation coordinator conversation unknown or inactive; using personal chats');
    }
    const addresses: ConversationAddress[] = [];
    for (const person of organisation.holders(tenantId, COORDINATOR_ROLE, { at: core.now() })) {
      const address = await core.conversations.findPersonal(tenantId, person.aadObjectId);
      if (address) addresses.push(address);
    }
    return addresses;
  }

  async function postCoordinatorCard(facts: CaseFacts): Promise<void> {
    const addresses = await coordinatorAddresses(facts.tenantId);
    if (addresses.length === 0) {
      core.log.warn({ caseNumber: facts.caseNumber }, 'no conversation known to reach the mediation coordinators');
      return;
    }
    for (const address of addresses) {
      // In the language the coordinator (or the channel) last spoke: a coordinator with English Teams reads English.
      const t = address.locale ? catalogue(address.locale) : defaultT;
      const card = await publicCard(t, facts);
      const { id } = await core.messenger.send(address, cardMessage(card, { summary: format(t.mediation.newCaseTitle, { caseNumber: facts.caseNumber }) }));
      if (id) await saveCasePost(db, facts.id, { conversationId: address.conversationId, address, activityId: id });
    }
    core.log.info({ caseNumber: facts.caseNumber, posts: addresses.length }, 'mediation case posted to coordinators');
  }

  /** Every posted copy shows the new state; updating the message also re-triggers the coordinators' refresh. */
  async function updatePostedCards(facts: CaseFacts): Promise<void> {
    for (const post of await casePosts(db, facts.id)) {
      const card = await publicCard(post.address.locale ? catalogue(post.address.locale) : defaultT, facts);
      await core.messenger.update(post.address, post.activityId, cardMessage(card));
    }
  }

  async function coordinatorAction(turn: Turn, data: { caseId: number; version: number }, command: CoordinatorAction): Promise<ActionResult> {
    const { tenantId, actor } = await requireCoordinator(turn);
    const result = await applyCoordinatorAction(db, { tenantId, caseId: data.caseId, version: data.version, actorAadObjectId: actor, command, now: core.now() });
    if (result.applied) {
      turn.log.info({ caseNumber: result.case.caseNumber, action: command.action, status: result.case.status }, 'mediation case action');
      turn.defer('mediation.update-case-card', () => updatePostedCards(result.case));
    }
    return coordinatorView(turn, tenantId, actor, result.case.id);
  }

  function incomplete(labels: string[]): never {
    throw new AppError('mediation_action_incomplete', { status: 400, params: { fields: labels.join(', ') }, detail: 'coordinator action without its inputs' });
  }

  async function runRetention(): Promise<void> {
    try {
      const erased = await eraseExpiredPersonalData(db, core.now(), config.MEDIATION_RETENTION_DAYS);
      if (erased > 0) core.log.info({ erased, retentionDays: config.MEDIATION_RETENTION_DAYS }, 'mediation retention erased personal data');
    } catch (error) {
      core.log.error({ err: error }, 'mediation retention failed');
    }
  }

  return {
    name: 'mediation',
    help: [{ title: (t) => t.mediation.helpTitle, description: (t) => t.mediation.helpDescription, command: (t) => t.mediation.helpCommand }],
    routes: [
      {
        kind: 'message',
        name: 'mediation.statistics',
        match: statisticsPattern,
        utterances: mediationUtterances.statistics,
        topic: /bemiddel|mediat/i,
        guard: { member: true },
        handle: async (turn) => {
          const tenantId = requireTenant(turn);
          if (!organisation.person(tenantId, turn.user.aadObjectId)) throw new AppError('forbidden', { status: 403, detail: 'statistics for members of the organisation only' });
          await rememberCoordinator(turn);
          await turn.send(cardMessage(statisticsCard(turn.t, await mediationStatistics(db, { tenantId }))));
        },
      },
      {
        kind: 'message',
        name: 'mediation.export',
        match: exportPattern,
        utterances: mediationUtterances.export,
        guard: { roles: [COORDINATOR_ROLE], roleError: 'mediation_coordinator_only', personalChat: true, personalChatError: 'mediation_personal_chat_only' },
        handle: async (turn, match) => {
          const { tenantId, actor } = await requireCoordinator(turn);
          if (turn.conversation.type !== 'personal') throw new AppError('mediation_personal_chat_only', { status: 403, detail: 'export outside a personal chat' });
          const caseNumber = normaliseCaseNumber(match![1]!)!;
          const exported = await exportCase(db, { tenantId, caseNumber, actorAadObjectId: actor, now: core.now() });
          turn.log.info({ caseNumber }, 'mediation case exported');
          // A backtick in typed text must not end the code block; \u0060 is the same character in JSON.
          const json = JSON.stringify(exported, null, 2).replace(/`/g, '\\u0060');
          await turn.send({ type: 'message', textFormat: 'markdown', text: `${format(turn.t.mediation.exportIntro, { caseNumber })}\n\n\`\`\`json\n${json}\n\`\`\`` });
        },
      },
      {
        kind: 'message',
        name: 'mediation.erase',
        match: erasePattern,
        utterances: mediationUtterances.erase,
        guard: { roles: [COORDINATOR_ROLE], roleError: 'mediation_coordinator_only' },
        handle: async (turn, match) => {
          const { tenantId, actor } = await requireCoordinator(turn);
          const caseNumber = normaliseCaseNumber(match![1]!)!;
          const result = await erasePersonalData(db, { tenantId, caseNumber, actorAadObjectId: actor, now: core.now() });
          // Stored invoke answers hold no personal data since migration 9; this reaches any older copy too.
          await new ProcessedActivities(db).forgetResponsesMentioning(caseNumber);
          turn.log.info({ caseNumber, erased: result.erased }, 'mediation personal data erased on request');
          turn.defer('mediation.update-case-card', () => updatePostedCards(result.case));
          await turn.send(format(result.erased ? turn.t.mediation.eraseDone : turn.t.mediation.eraseAlready, { caseNumber }));
        },
      },
      {
        kind: 'message',
        name: 'mediation.intake',
        match: (text) => meansIntake(text),
        utterances: mediationUtterances.intake,
        guard: { tenant: true },
        handle: async (turn) => {
          requireTenant(turn);
          await rememberCoordinator(turn);
          await turn.send(cardMessage(intakeCard(turn.t)));
        },
      },
      defineAction({
        verb: 'mediation.submit',
        answersWithPersonalData: true,
        data: submitData,
        handle: async (turn, data) => {
          const tenantId = requireTenant(turn);
          const validation = validateIntake(data);
          if (validation.kind === 'violence') {
            turn.log.info('mediation referral refused: violence or threat');
            return { type: 'card', card: violenceCard(turn.t) };
          }
          if (validation.kind === 'invalid') {
            turn.log.info({ fields: Object.keys(validation.fieldErrors) }, 'mediation referral incomplete');
            return { type: 'card', card: intakeCard(turn.t, { values: data, fieldErrors: validation.fieldErrors, idempotencyKey: data.idempotencyKey }) };
          }
          const { case: facts, created } = await createCase(db, {
            tenantId,
            referrerAadObjectId: turn.user.aadObjectId,
            idempotencyKey: data.idempotencyKey,
            intake: validation.intake,
            now: core.now(),
          });
          turn.log.info({ caseNumber: facts.caseNumber, created }, created ? 'mediation case referred' : 'mediation referral repeated');
          if (created) turn.defer('mediation.post-case-card', () => postCoordinatorCard(facts));
          return { type: 'card', card: confirmationCard(turn.t, facts) };
        },
      }),
      defineAction({
        verb: 'mediation.refresh',
        answersWithPersonalData: true,
        data: refreshData,
        handle: async (turn, data) => {
          const tenantId = requireTenant(turn);
          if (isCoordinator(turn) && turn.user.aadObjectId) {
            await rememberCoordinator(turn);
            return coordinatorView(turn, tenantId, turn.user.aadObjectId, data.caseId);
          }
          const facts = await findCaseById(db, tenantId, data.caseId);
          if (!facts) throw new AppError('not_found', { status: 404, detail: 'mediation case not in tenant' });
          return { type: 'card', card: await publicCard(turn.t, facts) };
        },
      }),
      defineAction({
        verb: 'mediation.accept',
        answersWithPersonalData: true,
        data: acceptData,
        handle: async (turn, data) => {
          const one = shortName.safeParse(data.volunteer1);
          const two = shortName.safeParse(data.volunteer2);
          await requireCoordinator(turn);
          if (!one.success || !two.success) incomplete([turn.t.mediation.volunteer1, turn.t.mediation.volunteer2]);
          return coordinatorAction(turn, data, { action: 'accept', volunteers: [one.data, two.data] });
        },
      }),
      defineAction({
        verb: 'mediation.referProfessional',
        answersWithPersonalData: true,
        data: plainVersioned,
        handle: (turn, data) => coordinatorAction(turn, data, { action: 'referProfessional' }),
      }),
      defineAction({
        verb: 'mediation.notSuitable',
        answersWithPersonalData: true,
        data: reasonData,
        handle: async (turn, data) => {
          const reason = z.string().trim().min(1).max(limits.reason).safeParse(data.reason);
          await requireCoordinator(turn);
          if (!reason.success) incomplete([turn.t.mediation.reason]);
          return coordinatorAction(turn, data, { action: 'notSuitable', reason: reason.data });
        },
      }),
      defineAction({
        verb: 'mediation.close',
        answersWithPersonalData: true,
        data: closeData,
        handle: async (turn, data) => {
          const outcome = z.enum(outcomes).safeParse(data.outcome);
          await requireCoordinator(turn);
          if (!outcome.success) incomplete([turn.t.mediation.outcome]);
          return coordinatorAction(turn, data, { action: 'close', outcome: outcome.data });
        },
      }),
    ],
    // Daily, and at start when today's run has not happened yet (a missed slot is caught up within its day).
    jobs: [{ name: 'mediation.retention', schedule: { everyMinutes: DAY_MINUTES }, run: runRetention }],
  };
}
