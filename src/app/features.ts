import { approvalsFeature, configuredMilestoneRegister, type MilestoneRegister } from '../features/approvals/index.js';
import { KnowledgeBase, knowledgeFeature } from '../features/knowledge/index.js';
import { llmFeature } from '../features/llm/index.js';
import { mediationFeature } from '../features/mediation/index.js';
import { shellFeature } from '../features/shell/shell-feature.js';
import { steeringFeature } from '../features/steering/index.js';
import { summariesFeature } from '../features/summaries/index.js';
import { SteeringGroups } from '../features/steering/steering-groups.js';
import { UploadStore } from '../features/summaries/upload-store.js';
import type { Feature } from '../routing/route.js';
import { ProcessedActivities } from '../store/processed-activities.js';
import type { Core } from '../features/feature-context.js';
import { realDigestSources } from './digest-sources.js';
import { knowledgeIngest, knowledgeSummarySource } from './knowledge-summary-source.js';

/** The long-lived objects that more than one feature (or the tab) reads: built once, here, and passed in. */
export interface Shared {
  milestones: MilestoneRegister;
  knowledge: KnowledgeBase;
  /** The programmes' steering groups (the steering feature registers them, its schedule posts to them). */
  steeringGroups: SteeringGroups;
  /** Files users uploaded to summarise, kept a few days. */
  uploads: UploadStore;
  /** Activity ids already handled, so a redelivery has no second effect (the bot; erasure forgets answers). */
  processed: ProcessedActivities;
}

export function createShared(core: Core): Shared {
  return {
    milestones: configuredMilestoneRegister(core.config.MILESTONES_DIR, core.db),
    // The app's one knowledge base: whoever ingests into a running app's store goes through it (App.shared()), so its caches see the new documents at once.
    knowledge: new KnowledgeBase(core.db),
    steeringGroups: new SteeringGroups(core.db),
    uploads: new UploadStore(core.db),
    processed: new ProcessedActivities(core.db),
  };
}

/**
 * The one place features are installed. Order matters for message routes: the first match wins,
 * so specific commands come before broad ones; the shell (help) goes first, Q&A is the fallback.
 */
export function createFeatures(
  core: Core,
  shared: Shared,
): {
  features: Feature[];
  unmatched: ReturnType<typeof shellFeature>['unmatched'];
  clarify: ReturnType<typeof shellFeature>['clarify'];
  rewriteFollowUp?: ReturnType<typeof llmFeature>['rewriteFollowUp'];
} {
  const kb = shared.knowledge;
  const llm = llmFeature(core, kb);
  const features: Feature[] = [
    approvalsFeature(core, { register: shared.milestones, kb }),
    mediationFeature(core, { processed: shared.processed }),
    summariesFeature(core, { uploads: shared.uploads, source: knowledgeSummarySource(core, kb), ingest: knowledgeIngest(kb) }),
    steeringFeature(core, { groups: shared.steeringGroups, sources: realDigestSources(core, { register: shared.milestones, kb }) }),
    llm,
    // knowledge / policy Q&A holds the fallback route, so it comes last; with an LLM configured it answers through it
    knowledgeFeature(core, kb, llm.answer ? { answer: llm.answer } : {}),
  ];
  const shell = shellFeature(features);
  return { features: [shell, ...features], unmatched: shell.unmatched, clarify: shell.clarify, ...(llm.rewriteFollowUp ? { rewriteFollowUp: llm.rewriteFollowUp } : {}) };
}
