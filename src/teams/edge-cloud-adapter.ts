// botbuilder's own dependency (same version), the class its authentication throws.
import { AuthenticationConstants, AuthenticationError, ClaimsIdentity, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import { CloudAdapter, StatusCodes, type Activity, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';

/** As botbuilder's activity validator: the wire's ISO strings become Dates, the raw text is kept. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string) as never;
    }
  }
  return activity;
}

/**
 * CloudAdapter whose HTTP entry is `processRequest`: `CloudAdapter.process` for a POST whose body
 * the edge has already parsed and checked, minus its `console.error(err)`. A refused token is an
 * expected event at a public endpoint and is logged as one line without a stack trace (and without
 * echoing the reason to the caller); any other failure is logged with its stack and answered with 500.
 */
export class EdgeCloudAdapter extends CloudAdapter {
  constructor(
    auth: BotFrameworkAuthentication,
    private readonly botAppId = '',
  ) {
    super(auth);
  }

  /**
   * One activity handed over in-process (`app.inject`): the same turn as `processRequest`, without
   * HTTP and without a JWT. There is no caller to authenticate (the activity comes from code in this
   * process: tests and tools), so the identity is the bot's own, as for a proactive turn; outbound
   * sends (anything not buffered by expectReplies) go to the activity's serviceUrl with the bot's
   * credentials as usual. Never reachable from the network: the HTTP edge always goes through
   * `processRequest` and its token check.
   */
  async processInjected(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<{ status: number; body?: unknown }> {
    const claimsIdentity = this.botAppId ? this.createClaimsIdentity(this.botAppId) : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    const identity: AuthenticateRequestResult = {
      claimsIdentity,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
    const invokeResponse = await this.processActivity(identity, withDates(activity), logic);
    return { status: invokeResponse?.status ?? StatusCodes.OK, ...(invokeResponse?.body !== undefined ? { body: invokeResponse.body } : {}) };
  }

  async processRequest(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>, log: Logger): Promise<void> {
    const headers = req.headers as Record<string, string | string[] | undefined>;
    const authorization = String(headers.authorization ?? headers.Authorization ?? '');
    let status: number;
    let body: unknown;
    try {
      const invokeResponse = await this.processActivity(authorization, withDates(req.body as unknown as Activity), logic);
      status = invokeResponse?.status ?? StatusCodes.OK;
      body = invokeResponse?.body;
    } catch (error) {
      if (error instanceof AuthenticationError) {
        log.warn({ reason: (error as Error).message }, 'request refused: no valid Bot Framework token');
        status = StatusCodes.UNAUTHORIZED;
        body = { code: 'Unauthorized', message: 'The request has no valid Bot Framework token.' };
      } else {
        log.error({ err: error }, 'turn request failed');
        status = StatusCodes.INTERNAL_SERVER_ERROR;
        body = { code: 'InternalError', message: 'The turn failed.' };
      }
    }
    res.status(status);
    if (body !== undefined) res.send(body);
    res.end();
  }
}
