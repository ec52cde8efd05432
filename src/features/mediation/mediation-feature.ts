import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { AppError } from '../../errors/app-error.js';
import { cardMessage } from '../../cards/render-card.js';
import { defineAction, type Feature } from '../../routing/route.js';
import { acceptCase, closeCase, markNotSuitable, referProfessional } from './coordinator-actions.js';
import { eraseOnRequest, exportOnRequest } from './data-subject-requests.js';
import { intakeCard, statisticsCard } from './mediation-cards.js';
import { learnCoordinator, mediationContext, requireTenant } from './mediation-context.js';
import { erasePattern, exportPattern, meansIntake, statisticsPattern } from './mediation-intents.js';
import { COORDINATOR_ROLE } from './mediation-options.js';
import { mediationStatistics } from './mediation-statistics.js';
import { mediationUtterances } from './mediation-utterances.js';
import { eraseExpiredPersonalData } from './personal-data-access.js';
import { showCase } from './show-case.js';
import type { ProcessedActivities } from '../../store/processed-activities.js';
import { submitIntake } from './submit-intake.js';

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

/**
 * Buurtbemiddeling: the intake card, the coordinator's case card with its actions, statistics
 * without personal data, and the AVG duties (access log, export, erase, retention).
 * Route declarations only; each handler is a use case of this folder.
 */
export function mediationFeature(core: Core, { processed }: { processed: ProcessedActivities }): Feature {
  const { db, organisation, config } = core;
  const ctx = mediationContext(core, processed);

  // A failure is thrown to the scheduler, which logs it with the job's name and records the slot as failed.
  async function runRetention(): Promise<void> {
    const erased = await eraseExpiredPersonalData(db, core.now(), config.MEDIATION_RETENTION_DAYS);
    if (erased > 0) core.log.info({ erased, retentionDays: config.MEDIATION_RETENTION_DAYS }, 'mediation retention erased personal data');
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
          const tenantId = requireTenant(ctx, turn);
          if (!organisation.person(tenantId, turn.user.aadObjectId)) throw new AppError('forbidden', { status: 403, detail: 'statistics for members of the organisation only' });
          await learnCoordinator(ctx, turn);
          await turn.send(cardMessage(statisticsCard(turn.t, await mediationStatistics(db, { tenantId }))));
        },
      },
      {
        kind: 'message',
        name: 'mediation.export',
        match: exportPattern,
        utterances: mediationUtterances.export,
        guard: { roles: [COORDINATOR_ROLE], roleError: 'mediation_coordinator_only', personalChat: true, personalChatError: 'mediation_personal_chat_only' },
        handle: (turn, match) => exportOnRequest(ctx, turn, match),
      },
      {
        kind: 'message',
        name: 'mediation.erase',
        match: erasePattern,
        utterances: mediationUtterances.erase,
        guard: { roles: [COORDINATOR_ROLE], roleError: 'mediation_coordinator_only' },
        handle: (turn, match) => eraseOnRequest(ctx, turn, match),
      },
      {
        kind: 'message',
        name: 'mediation.intake',
        match: (text) => meansIntake(text),
        utterances: mediationUtterances.intake,
        guard: { tenant: true },
        handle: async (turn) => {
          requireTenant(ctx, turn);
          await learnCoordinator(ctx, turn);
          await turn.send(cardMessage(intakeCard(turn.t)));
        },
      },
      defineAction({ verb: 'mediation.submit', answersWithPersonalData: true, data: submitData, handle: (turn, data) => submitIntake(ctx, turn, data) }),
      defineAction({ verb: 'mediation.refresh', answersWithPersonalData: true, data: refreshData, handle: (turn, data) => showCase(ctx, turn, data.caseId) }),
      defineAction({ verb: 'mediation.accept', answersWithPersonalData: true, data: acceptData, handle: (turn, data) => acceptCase(ctx, turn, data) }),
      defineAction({ verb: 'mediation.referProfessional', answersWithPersonalData: true, data: plainVersioned, handle: (turn, data) => referProfessional(ctx, turn, data) }),
      defineAction({ verb: 'mediation.notSuitable', answersWithPersonalData: true, data: reasonData, handle: (turn, data) => markNotSuitable(ctx, turn, data) }),
      defineAction({ verb: 'mediation.close', answersWithPersonalData: true, data: closeData, handle: (turn, data) => closeCase(ctx, turn, data) }),
    ],
    // Daily, and at start when today's run has not happened yet (a missed slot is caught up within its day).
    jobs: [{ name: 'mediation.retention', schedule: { everyMinutes: DAY_MINUTES }, run: runRetention }],
  };
}
