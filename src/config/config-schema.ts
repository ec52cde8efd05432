import { z } from 'zod';

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
  })
  .superRefine((cfg, ctx) => {
    if (cfg.MicrosoftAppId && !cfg.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppId is set' });
    }
    if (cfg.MicrosoftAppId && cfg.MicrosoftAppType === 'SingleTenant' && !cfg.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required for a SingleTenant app' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** How to fix each variable, printed with the error so nobody has to read code. */
export const configHints: Partial<Record<keyof Config, string>> = {
  PORT: 'use a port number such as 3978',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  MAX_BODY_BYTES: 'use a size in bytes between 1024 and 10000000',
  MicrosoftAppType: 'use SingleTenant or UserAssignedMSI (new Azure Bot registrations are single-tenant)',
  MicrosoftAppTenantId: 'set it to the Entra ID tenant of the Azure Bot registration',
  MicrosoftAppPassword: 'set the client secret of the app registration, or use UserAssignedMSI',
  DATABASE_URL: 'use postgres://user:password@host:5432/database, or leave it empty for the embedded store',
  SAMPLE_KNOWLEDGE: 'use true or false',
  PUBLIC_URL: 'use the https address where Teams reaches this bot, e.g. https://bot.example.nl',
  DEFAULT_LOCALE: 'use nl or en',
};
