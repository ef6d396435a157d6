// The queue's live updates: each dispatch event refreshes the page's data and tells the clerk.
import { useEffect, useRef, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { session } from '../providers';
import { localName } from '../i18n';
import { subscribeDispatchEvents, type DispatchEventMessage, type FeedStatus } from './dispatchEvents';

export function useDispatchFeed(departmentId?: string | null): { status: FeedStatus; last: DispatchEventMessage | null; count: number } {
  const refresh = useRefresh();
  const notify = useNotify();
  const translate = useTranslate();
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [last, setLast] = useState<DispatchEventMessage | null>(null);
  const [count, setCount] = useState(0);
  // latest callbacks without re-subscribing on every render
  const handlers = useRef({ refresh, notify, translate });
  handlers.current = { refresh, notify, translate };

  useEffect(
    () =>
      subscribeDispatchEvents({
        getToken: () => session.getToken(),
        departmentId,
        onStatus: setStatus,
        onEvent: (e) => {
          setLast(e);
          setCount((n) => n + 1);
          const { refresh: r, notify: n, translate: t } = handlers.current;
          r();
          n(
            t('guardline.dispatches.live_event', {
              kind: t(`guardline.enum.dispatchEventKind.${e.kind}`, { _: e.kind }),
              code: e.dispatch.case?.code ?? '',
              department: localName(e.dispatch.department),
            }),
            { type: 'info', autoHideDuration: 4000 },
          );
        },
      }),
    [departmentId],
  );
  return { status, last, count };
}
