import { z } from 'zod';
import { cleanJson } from './clean-json.js';

const knownTypes = ['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'typing', 'event', 'endOfConversation'] as const;

const account = z.looseObject({ id: z.string().min(1).max(1000), name: z.string().max(1000).optional(), aadObjectId: z.string().max(100).optional() });

const shape = z
  .looseObject({
    type: z.enum(knownTypes),
    id: z.string().max(1000).optional(),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    conversation: z.looseObject({
      id: z.string().min(1).max(1000),
      conversationType: z.string().max(50).optional(),
      tenantId: z.string().max(100).optional(),
      name: z.string().max(1000).optional(),
    }),
    from: account,
    recipient: account,
    text: z.string().max(100_000).optional(),
    textFormat: z.string().max(20).optional(),
    // installationUpdate: "add", "remove", "add-upgrade", "remove-upgrade"
    action: z.string().max(100).optional(),
    name: z.string().max(200).optional(),
    locale: z.string().max(20).optional(),
    replyToId: z.string().max(1000).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    attachments: z
      .array(z.looseObject({ contentType: z.string().max(200) }))
      .max(50)
      .optional(),
    entities: z
      .array(z.looseObject({ type: z.string().max(200).optional() }))
      .max(100)
      .optional(),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: z.string().max(100).optional() }).optional(),
        eventType: z.string().max(100).optional(),
      })
      .optional(),
  })
  .refine((a) => a.type !== 'invoke' || (a.name !== undefined && a.name.length > 0), { message: 'an invoke needs a name', path: ['name'] });

/**
 * What botbuilder needs before it is handed an activity, and the one place where incoming text is
 * made safe: every string of the body, however deep (card data, ids, locale), loses NUL and
 * unpaired surrogates before anything reads it, so no store write can fail on them. A plain
 * CloudAdapter answers 500 to a body of `{}`; this turns such bodies into a 400 with a reason.
 * The parsed value is what the bot reads: the server hands it to botbuilder in place of the raw body.
 */
export const incomingActivitySchema = z.preprocess((body, ctx) => {
  const cleaned = cleanJson(body);
  if (cleaned.ok) return cleaned.value;
  ctx.addIssue({ code: 'custom', message: cleaned.reason, input: body });
  return z.NEVER;
}, shape);

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;
