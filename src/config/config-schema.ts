import { Cron } from 'croner';
import { cronOptions } from '../scheduling/job-slots.js';
import { z } from 'zod';
import { DEFAULT_DOWNLOAD_DOMAINS } from './download-domains.js';

function isCronOrOff(expression: string): boolean {
  if (expression === 'off') return true;
  try {
    // The options the scheduler reads it with (src/scheduling/job-slots.ts).
    new Cron(expression, { paused: true, ...cronOptions });
    return true;
  } catch {
    // croner's message is in the error; the config error names the variable and the fix instead.
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    // RangeError for an unknown zone: reported as a config error.
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * Every environment variable the bot reads, in one place. `.env.example` documents
 * the same list; a test keeps the two in step.
 */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256_000),

    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    MicrosoftAppTenantId: optionalText,

    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    SAMPLE_KNOWLEDGE: z.stringbool().default(true),

    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DEFAULT_LOCALE: z.enum(['nl', 'en']).default('nl'),
    ORGANISATION_FILE: z.string().min(1).default('src/content/organisation.yaml'),
    /** Dashboard tab SSO: the token audience; empty = api://<PUBLIC_URL host>/<MicrosoftAppId> (webApplicationInfo.resource). */
    TAB_SSO_AUDIENCE: optionalText,
    /** Where the tab finds Entra ID's signing keys; tests point it at a local server. */
    TAB_OPENID_CONFIGURATION_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),
    MILESTONES_DIR: z.string().min(1).default('src/content/milestones'),
    APPROVAL_REMINDER_DAYS: z.coerce.number().int().min(1).max(90).default(3),
    APPROVAL_REMINDER_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
    MEDIATION_COORDINATOR_CONVERSATION_ID: optionalText,
    MEDIATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    /** When the steering groups get their digest (cron, day-of-month AND day-of-week); "off" disables it. */
    STEERING_SCHEDULE: z.string().trim().default('0 9 1-7 * 1').refine(isCronOrOff, 'is not a cron expression of 5 or 6 fields'),
    STEERING_TIMEZONE: z.string().trim().default('Europe/Amsterdam').refine(isTimeZone, 'is not a known time zone'),
    MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(10_000_000),
    /** Domains a file sent in Teams may be downloaded from (https only; the host or any subdomain). */
    FILE_DOWNLOAD_DOMAINS: z
      .string()
      .default(DEFAULT_DOWNLOAD_DOMAINS.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((d) =>
            d
              .trim()
              .toLowerCase()
              .replace(/^\*?\./, ''),
          )
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'is not a list of domain names')).min(1)),
    SUMMARY_WORDS: z.coerce.number().int().min(60).max(1000).default(250),
    /** LLM answers (issue 4): OpenAI or any OpenAI-compatible service; unset = offline answers only. */
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    /** Azure OpenAI instead: endpoint, key and deployment together. */
    AZURE_OPENAI_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    AZURE_OPENAI_API_KEY: optionalText,
    AZURE_OPENAI_DEPLOYMENT: optionalText,
    AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
    LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
    LLM_MAX_TOKENS: z.coerce.number().int().min(50).max(8000).default(800),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(110_000).default(30_000),
    LLM_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).max(10_000).default(30),
    /** Policy answers and summaries per user per minute, per instance (a token bucket); 0 = no limit. */
    /** Tries for a proactive post that Teams throttles (429) or fails briefly (502/503/504), the first included. */
    SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
    EXPENSIVE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(20),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.MicrosoftAppId && !cfg.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppId is set' });
    }
    if (cfg.MicrosoftAppId && cfg.MicrosoftAppType === 'SingleTenant' && !cfg.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required for a SingleTenant app' });
    }
    if (cfg.AZURE_OPENAI_ENDPOINT && !cfg.AZURE_OPENAI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_API_KEY'], message: 'is required when AZURE_OPENAI_ENDPOINT is set' });
    }
    if (cfg.AZURE_OPENAI_ENDPOINT && !cfg.AZURE_OPENAI_DEPLOYMENT) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_DEPLOYMENT'], message: 'is required when AZURE_OPENAI_ENDPOINT is set' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** How to fix each variable, printed with the error so nobody has to read code. */
export const configHints: Partial<Record<keyof Config, string>> = {
  PORT: 'use a port number such as 3978',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  MAX_BODY_BYTES: 'use a size in bytes between 1024 and 10000000',
  MicrosoftAppId: 'set it to the app id (a GUID) of the Azure Bot registration',
  MicrosoftAppType: 'use SingleTenant or UserAssignedMSI (new Azure Bot registrations are single-tenant)',
  MicrosoftAppTenantId: 'set it to the Entra ID tenant of the Azure Bot registration',
  MicrosoftAppPassword: 'set the client secret of the app registration, or use UserAssignedMSI',
  DATABASE_URL: 'use postgres://user:password@host:5432/database, or leave it empty for the embedded store',
  SAMPLE_KNOWLEDGE: 'use true or false',
  PUBLIC_URL: 'use the https address where Teams reaches this bot, e.g. https://bot.example.nl',
  DEFAULT_LOCALE: 'use nl or en',
  TAB_SSO_AUDIENCE: 'leave empty to use api://<PUBLIC_URL host>/<MicrosoftAppId>, the webApplicationInfo.resource of the Teams app',
  TAB_OPENID_CONFIGURATION_URL: 'use the OpenID configuration of Entra ID, https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  ORGANISATION_FILE: 'point it to a YAML file with the tenants, gemeenten and people with a role (see src/content/organisation.yaml)',
  MILESTONES_DIR: 'point it to a folder with one milestones YAML file per gemeente (see src/content/milestones/)',
  APPROVAL_REMINDER_DAYS: 'use a whole number of days between 1 and 90',
  APPROVAL_REMINDER_CHECK_MINUTES: 'use a whole number of minutes between 1 and 1440',
  MEDIATION_COORDINATOR_CONVERSATION_ID:
    "set the Teams conversation id (19:...@thread...) of the channel or chat where new buurtbemiddeling cases go; leave empty to use the coordinators' personal chats",
  MEDIATION_RETENTION_DAYS: 'use a whole number of days (1 to 3650) after closing a case before its personal data is erased',
  STEERING_SCHEDULE: 'use a cron expression such as "0 9 1-7 * 1" (first Monday of the month at 09:00; day of month and day of week must both match), or "off"',
  STEERING_TIMEZONE: 'use an IANA time zone such as Europe/Amsterdam',
  MAX_UPLOAD_BYTES: 'use a size in bytes between 1024 and 50000000 for files sent to the bot',
  FILE_DOWNLOAD_DOMAINS: 'use a comma-separated list of domains files may be downloaded from, e.g. sharepoint.com,onedrive.com (subdomains included, https only)',
  SUMMARY_WORDS: 'use a whole number of words between 60 and 1000 for a summary',
  OPENAI_API_KEY: 'set the API key of OpenAI or of the OpenAI-compatible service; leave empty for offline answers only',
  OPENAI_BASE_URL: 'use the https address of an OpenAI-compatible API ending in /v1, e.g. https://llm.gemeente.nl/v1; leave empty for api.openai.com',
  OPENAI_MODEL: 'use the model name the service knows, e.g. gpt-4o-mini',
  AZURE_OPENAI_ENDPOINT: 'use the Azure OpenAI resource address, e.g. https://gemeente-oov.openai.azure.com/',
  AZURE_OPENAI_API_KEY: 'set the key of the Azure OpenAI resource (required with AZURE_OPENAI_ENDPOINT)',
  AZURE_OPENAI_DEPLOYMENT: 'set the name of the model deployment in Azure OpenAI (required with AZURE_OPENAI_ENDPOINT)',
  AZURE_OPENAI_API_VERSION: 'use an Azure OpenAI API version such as 2024-10-21',
  LLM_TEMPERATURE: 'use a number between 0 and 2 (low keeps answers close to the documents)',
  LLM_MAX_TOKENS: 'use a whole number of tokens between 50 and 8000 for the longest answer',
  LLM_TIMEOUT_MS: 'use a time in milliseconds between 1000 and 110000: how long to wait for the LLM service to answer (when streaming: for each next part; a whole answer always ends within 110 s)',
  LLM_RATE_LIMIT_PER_HOUR: 'use a whole number of LLM answers per user per hour (0 = offline answers only)',
  SEND_MAX_ATTEMPTS: 'use a whole number of tries between 1 and 10',
  EXPENSIVE_REQUESTS_PER_MINUTE: 'use a whole number of policy answers and summaries per user per minute (0 = no limit)',
};
