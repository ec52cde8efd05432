import { z } from 'zod';

/**
 * What `npm run package` reads: only what goes into the Teams app package. The package holds no
 * secret, so building it needs neither MicrosoftAppPassword nor the tenant the full bot requires.
 */
export const appPackageConfigSchema = z.object({
  MicrosoftAppId: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  PUBLIC_URL: z.url({ protocol: /^https$/, error: 'must be the https address Teams reaches the bot on' }),
});

export type AppPackageConfig = z.infer<typeof appPackageConfigSchema>;
