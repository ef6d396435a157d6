import { describe, expect, it } from 'vitest';
import { parseFrames, subscribeDispatchEvents, type DispatchEventMessage, type FeedStatus } from './dispatchEvents';

const event = (kind: string, code: string) => ({
  data: { dispatchEvents: { kind, at: '2026-01-01T00:00:00Z', dispatch: { id: 'd1', status: 'PENDING', role: 'LEAD', case: { id: 'c1', code, summary: 's' }, department: { id: 'x', nameZh: '部门', nameEn: 'Dept' } } } },
});

/** A fetch answering with an SSE body written chunk by chunk (frames may be split anywhere). */
function sseFetch(chunks: string[], status = 200, seen: RequestInit[] = []): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    seen.push(init!);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    });
    return new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
}

describe('the dispatch feed (fetch-based SSE)', () => {
  it('parses frames, ignoring comments and keeping a partial frame for later', () => {
    const { frames, rest } = parseFrames(':keepalive\n\nevent: next\ndata: {"a":1}\n\nevent: next\ndata: {"b"');
    expect(frames).toEqual([{ event: 'next', data: '{"a":1}' }]);
    expect(rest).toBe('event: next\ndata: {"b"');
  });

  it('POSTs the subscription with the bearer token and delivers each event', async () => {
    const json = JSON.stringify(event('DISPATCHED', 'MP20260101-0001'));
    const half = Math.floor(json.length / 2);
    const seen: RequestInit[] = [];
    const events: DispatchEventMessage[] = [];
    const statuses: FeedStatus[] = [];
    const close = subscribeDispatchEvents({
      getToken: () => 'tok',
      fetch: sseFetch([`event: next\ndata: ${json.slice(0, half)}`, `${json.slice(half)}\n\n`, `event: next\ndata: ${JSON.stringify(event('ACCEPTED', 'MP2'))}\n\nevent: complete\ndata:\n\n`], 200, seen),
      onEvent: (e) => events.push(e),
      onStatus: (s) => statuses.push(s),
      retryMs: 10_000,
    });
    await new Promise((r) => setTimeout(r, 50));
    close();
    expect(events.map((e) => [e.kind, e.dispatch.case?.code])).toEqual([
      ['DISPATCHED', 'MP20260101-0001'],
      ['ACCEPTED', 'MP2'],
    ]);
    const headers = seen[0]!.headers as Record<string, string>;
    expect(seen[0]!.method).toBe('POST');
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers.accept).toBe('text/event-stream');
    expect(JSON.parse(String(seen[0]!.body)).query).toContain('dispatchEvents');
    expect(statuses).toContain('live');
    // the stream ended: it would reconnect, unless closed
    expect(statuses.at(-1)).toBe('closed');
  });

  it('reconnects after a dropped stream, and stops when refused', async () => {
    let calls = 0;
    const flaky = (async () => {
      calls += 1;
      return calls === 1 ? new Response('', { status: 502 }) : new Response('', { status: 403 });
    }) as unknown as typeof fetch;
    const statuses: FeedStatus[] = [];
    const close = subscribeDispatchEvents({ getToken: () => 'tok', fetch: flaky, onEvent: () => {}, onStatus: (s) => statuses.push(s), retryMs: 5 });
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(2);
    expect(statuses).toContain('retrying');
    expect(statuses.at(-1)).toBe('refused');
    close();
  });
});
