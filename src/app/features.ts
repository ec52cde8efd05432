import { shellFeature } from '../features/shell/shell-feature.js';
import type { Feature } from '../routing/route.js';
import type { Core } from './core.js';

/**
 * The one place features are installed. Order matters for message routes: the first match wins,
 * so specific commands come before broad ones; the shell (help) goes first, Q&A is the fallback.
 */
export function createFeatures(core: Core): { features: Feature[]; unmatched: ReturnType<typeof shellFeature>['unmatched'] } {
  void core;
  const features: Feature[] = [
    // approvals: approvalsFeature(core, ...),
    // mediation: mediationFeature(core, ...),
    // summaries and steering group: summariesFeature(core, ...),
    // knowledge / policy Q&A (holds the fallback route, so it comes last): knowledgeFeature(core, ...),
  ];
  const shell = shellFeature(features);
  return { features: [shell, ...features], unmatched: shell.unmatched };
}
