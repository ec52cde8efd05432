import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model?: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  temperature?: number;
  max_tokens?: number;
  response_format?: { type: string };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ChatRequestBody;
  at: number;
}

/** What the next call answers. `reply` is the assistant's content (an object is sent as JSON text). */
export interface Script {
  reply?: string | object | ((body: ChatRequestBody) => string | object);
  /** HTTP status other than 200 (e.g. 429, 500): answered with an OpenAI-style error body. */
  status?: number;
  /** Wait before answering (headers included): for timeouts. */
  delayMs?: number;
  /** Streaming: the content split into this many chunks (default 8), with `chunkDelayMs` between them. */
  chunks?: number;
  chunkDelayMs?: number;
  /** Streaming: send only `data: [DONE]`, no content at all. */
  emptyStream?: boolean;
  /** Raw body or SSE lines that are not valid JSON chunks. */
  garbage?: boolean;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/**
 * A local OpenAI-compatible chat completions server for tests: `POST /v1/chat/completions` and the
 * Azure path `/openai/deployments/<name>/chat/completions?api-version=...`, plain JSON or SSE
 * (`stream: true`). Scripts are used one per request, in order; `otherwise` answers when none is queued.
 * Every request is recorded, so tests can assert on the prompt.
 */
export interface FakeOpenAI {
  /** Base URL for OPENAI_BASE_URL (ends in /v1). */
  baseURL: string;
  /** Origin for AZURE_OPENAI_ENDPOINT. */
  origin: string;
  requests: RecordedRequest[];
  next(...scripts: Script[]): void;
  otherwise(script: Script): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function contentOf(script: Script, body: ChatRequestBody): string {
  const reply = typeof script.reply === 'function' ? script.reply(body) : script.reply;
  if (reply === undefined) return JSON.stringify({ answer: 'Geen antwoord gescript.', supported: false });
  return typeof reply === 'string' ? reply : JSON.stringify(reply);
}

function split(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / parts));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function answer(res: ServerResponse, script: Script, body: ChatRequestBody, closed: () => boolean): Promise<void> {
  if (script.delayMs) await sleep(script.delayMs);
  if (closed()) return;
  if (script.status && script.status !== 200) {
    res.writeHead(script.status, { 'content-type': 'application/json', ...(script.status === 429 ? { 'retry-after': '1' } : {}) });
    res.end(JSON.stringify({ error: { message: `scripted ${script.status}`, type: 'server_error', code: String(script.status) } }));
    return;
  }
  const usage = script.usage ?? { prompt_tokens: 321, completion_tokens: 45, total_tokens: 366 };
  const model = body.model ?? 'fake-model';
  const created = Math.floor(Date.now() / 1000);
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (script.garbage) return void res.end('{"id": "chatcmpl-1", "choices": [');
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: contentOf(script, body) }, finish_reason: 'stop' }],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: Record<string, unknown>, finish: string | null, withUsage = false) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model, choices: finish === 'usage' ? [] : [{ index: 0, delta, finish_reason: finish }], ...(withUsage ? { usage } : {}) })}\n\n`;
  if (script.garbage) {
    res.write('data: {"id": "chatcmpl-fake", "choices": [{"delta": {"content": "Half\n\n');
    res.end('data: [DONE]\n\n');
    return;
  }
  if (!script.emptyStream) {
    res.write(chunk({ role: 'assistant', content: '' }, null));
    for (const part of split(contentOf(script, body), script.chunks ?? 8)) {
      if (closed()) return;
      res.write(chunk({ content: part }, null));
      if (script.chunkDelayMs) await sleep(script.chunkDelayMs);
    }
    res.write(chunk({}, 'stop'));
    if (body.stream_options && (body.stream_options as { include_usage?: boolean }).include_usage) res.write(chunk({}, 'usage', true));
  }
  res.end('data: [DONE]\n\n');
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script = {};
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '';
    const isChat = req.method === 'POST' && (/^\/v1\/chat\/completions(\?|$)/.test(path) || /^\/openai\/deployments\/[^/]+\/chat\/completions\?api-version=/.test(path));
    if (!isChat) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
      return;
    }
    const body = (await readJson(req)) as ChatRequestBody;
    requests.push({ method: req.method ?? '', path, headers: req.headers, body, at: Date.now() });
    let closed = false;
    res.on('close', () => (closed = true));
    await answer(res, queue.shift() ?? fallback, body, () => closed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    next: (...scripts) => void queue.push(...scripts),
    otherwise: (script) => void (fallback = script),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The passages a recorded prompt holds: `<passage n="..">text</passage>` blocks of the user message. */
export function promptPassages(request: RecordedRequest | ChatRequestBody): { n: number; text: string }[] {
  const body: ChatRequestBody = 'messages' in request ? request : request.body;
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
}

/** What the oracle model knows of a question: the facts an answer must state and the gemeente whose documents hold them. */
export interface OracleFacts {
  expect: string[][];
  cite?: string;
}

const foldText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** The question of a recorded prompt (inside <question>…</question>). */
export function promptQuestion(body: ChatRequestBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return /<question>([\s\S]*?)<\/question>/.exec(user)?.[1] ?? '';
}

function promptSources(body: ChatRequestBody): Map<number, string> {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return new Map([...user.matchAll(/<passage n="(\d+)" source="([^"]*)">/g)].map((m) => [Number(m[1]), m[2]!] as const));
}

/**
 * A model that answers perfectly from the passages it is given, and only from them: it knows each
 * question's expected facts (`factsFor`), and for every fact quotes the sentence of a given passage
 * that states it, with that passage's marker (passages of the asked gemeente first). When any fact
 * is in none of the passages, or it knows no facts for the question, it says the passages do not
 * answer (supported: false).
 */
export function oracleReply(factsFor: (question: string) => OracleFacts | undefined) {
  return (body: ChatRequestBody) => {
    const facts = factsFor(promptQuestion(body));
    const passages = promptPassages(body);
    const sources = promptSources(body);
    const unsupported = { answer: 'Dat staat niet in de gegeven passages.', supported: false };
    if (!facts || facts.expect.length === 0) return unsupported;
    const rank = (n: number) => (facts.cite && sources.get(n)?.includes(facts.cite) ? 0 : 1);
    const ordered = [...passages].sort((a, b) => rank(a.n) - rank(b.n));
    const lines: string[] = [];
    for (const group of facts.expect) {
      let found: string | undefined;
      for (const p of ordered) {
        const alt = group.find((a) => foldText(p.text).includes(foldText(a)));
        if (!alt) continue;
        const sentences = p.text.split(/(?<=[.!?:])\s+|\n+/);
        const sentence = sentences.find((s) => foldText(s).includes(foldText(alt))) ?? p.text;
        found = `${sentence.trim()} [${p.n}]`;
        break;
      }
      if (!found) return unsupported;
      if (!lines.includes(found)) lines.push(found);
    }
    return { answer: lines.join('\n'), supported: true };
  };
}
