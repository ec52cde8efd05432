import type { Config } from '../../config/config-schema.js';

export type LlmProvider = { kind: 'openai'; apiKey: string; baseURL?: string } | { kind: 'azure'; endpoint: string; apiKey: string; deployment: string; apiVersion: string };

export interface LlmSettings {
  provider: LlmProvider;
  model: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
  ratePerHour: number;
}

/**
 * The LLM settings from config, or undefined when no service is configured (offline answers only).
 * Azure wins when its endpoint is set; an OpenAI-compatible base URL may go without a key
 * (local servers), the openai package still wants a non-empty one.
 */
export function llmSettings(config: Config): LlmSettings | undefined {
  const common = {
    temperature: config.LLM_TEMPERATURE,
    maxTokens: config.LLM_MAX_TOKENS,
    timeoutMs: config.LLM_TIMEOUT_MS,
    ratePerHour: config.LLM_RATE_LIMIT_PER_HOUR,
  };
  if (config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_DEPLOYMENT) {
    return {
      ...common,
      model: config.AZURE_OPENAI_DEPLOYMENT,
      provider: { kind: 'azure', endpoint: config.AZURE_OPENAI_ENDPOINT, apiKey: config.AZURE_OPENAI_API_KEY, deployment: config.AZURE_OPENAI_DEPLOYMENT, apiVersion: config.AZURE_OPENAI_API_VERSION },
    };
  }
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL) {
    return {
      ...common,
      model: config.OPENAI_MODEL,
      provider: { kind: 'openai', apiKey: config.OPENAI_API_KEY ?? 'not-needed', ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}) },
    };
  }
  return undefined;
}
