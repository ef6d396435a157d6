// A GraphQL subscription over server-sent events, the way a partner system holds one: POST with
// `accept: text/event-stream`, then read `event:`/`data:` frames off the response body.
import type { App } from '../../server/yoga.js';

export interface SseMessage<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface SseSubscription<T = any> {
  status: number;
  contentType: string | null;
  /** Every `next` message so far, in order. */
  messages: SseMessage<T>[];
  /** True once the server sent `complete` (or the stream ended). */
  completed: boolean;
  /** Resolves with the first message (from `from` on) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (m: SseMessage<T>) => boolean, timeoutMs?: number, from?: number): Promise<SseMessage<T>>;
  /** Resolves once the stream has ended (or rejects after `timeoutMs`). */
  ended(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function subscribe<T = any>(app: App, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<SseSubscription<T>> {
  const abort = new AbortController();
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const sub: SseSubscription<T> = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages: [],
    completed: false,
    waitFor: (match, timeoutMs = 5000, from = 0) =>
      poll(() => sub.messages.slice(from).find(match), timeoutMs, () => `no matching message in ${JSON.stringify(sub.messages)}`),
    ended: (timeoutMs = 5000) => poll(() => (sub.completed ? true : undefined), timeoutMs, () => 'stream still open').then(() => {}),
    close: async () => {
      abort.abort();
      await reader?.cancel().catch(() => {});
      await pump.catch(() => {});
    },
  };
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    if (!reader) return;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const lines = frame.split('\n');
        const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (event === 'complete') sub.completed = true;
        else if (data) sub.messages.push(JSON.parse(data));
      }
    }
    sub.completed = true;
  })();
  return sub;
}

/** Waits until `probe` returns something, polling every 10 ms. */
export async function poll<V>(probe: () => V | undefined | Promise<V | undefined>, timeoutMs = 5000, describe: () => string = () => 'condition not met'): Promise<V> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
