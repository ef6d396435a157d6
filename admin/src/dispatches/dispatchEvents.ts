// The live dispatch feed: a GraphQL subscription over server-sent events, read with fetch — a browser
// EventSource cannot send our Authorization header. POST /graphql with `accept: text/event-stream`,
// then `event:` / `data:` frames off the response body; reconnects with backoff until closed.
import { DISPATCH_EVENTS } from '../dataProvider/queries';

export interface DispatchEventMessage {
  kind: string;
  at: string;
  dispatch: { id: string; status: string; role: string; case: { id: string; code: string; summary: string } | null; department: { id: string; nameZh: string; nameEn: string } };
}

export type FeedStatus = 'connecting' | 'live' | 'retrying' | 'closed' | 'refused';

export interface FeedOptions {
  getToken: () => string | null;
  departmentId?: string | null;
  onEvent: (e: DispatchEventMessage) => void;
  onStatus?: (s: FeedStatus) => void;
  url?: string;
  fetch?: typeof fetch;
  /** Backoff after a dropped stream: first wait, doubling to at most `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** Splits an SSE byte stream into frames; returns the `next` payloads and whether `complete` came. */
export function parseFrames(buffer: string): { frames: { event: string | null; data: string }[]; rest: string } {
  const frames: { event: string | null; data: string }[] = [];
  let rest = buffer.replace(/\r\n/g, '\n');
  let cut: number;
  while ((cut = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, cut);
    rest = rest.slice(cut + 2);
    const lines = block.split('\n').filter((l) => !l.startsWith(':'));
    const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? null;
    const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
    if (event || data) frames.push({ event, data });
  }
  return { frames, rest };
}

export function subscribeDispatchEvents(options: FeedOptions): () => void {
  const doFetch = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  let closed = false;
  let abort: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wait = options.retryMs ?? 1000;
  const status = (s: FeedStatus) => options.onStatus?.(s);

  const connect = async () => {
    if (closed) return;
    const token = options.getToken();
    if (!token) {
      status('closed');
      return;
    }
    status('connecting');
    abort = new AbortController();
    let refused = false;
    try {
      const res = await doFetch(options.url ?? '/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${token}`,
          'x-guardline-client': 'admin-panel',
        },
        body: JSON.stringify({ query: DISPATCH_EVENTS, variables: { departmentId: options.departmentId ?? null } }),
        signal: abort.signal,
      });
      if (res.status === 401 || res.status === 403) refused = true;
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      status('live');
      wait = options.retryMs ?? 1000;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseFrames(buffer);
        buffer = parsed.rest;
        for (const f of parsed.frames) {
          if (f.event === 'complete') break;
          if (!f.data) continue;
          const msg = JSON.parse(f.data) as { data?: { dispatchEvents?: DispatchEventMessage }; errors?: { extensions?: { code?: string } }[] };
          if (msg.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN')) refused = true;
          if (msg.data?.dispatchEvents) options.onEvent(msg.data.dispatchEvents);
        }
        if (refused) break;
      }
    } catch (e) {
      if (closed || (e instanceof Error && e.name === 'AbortError')) return;
    }
    if (closed) return;
    if (refused) {
      status('refused');
      return;
    }
    status('retrying');
    timer = setTimeout(() => void connect(), wait);
    wait = Math.min(wait * 2, options.maxRetryMs ?? 30_000);
  };

  void connect();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    abort?.abort();
    status('closed');
  };
}
