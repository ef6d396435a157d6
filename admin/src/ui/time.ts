// Times in Beijing (the desk's clock, whatever the browser's zone).
const FORMAT: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };

export function formatBeijing(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', FORMAT);
}

/** Today's Beijing date, YYYY-MM-DD. */
export function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A `datetime-local` value typed in Beijing time → an ISO instant. */
export function beijingLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  return new Date(`${local.slice(0, 16)}:00+08:00`).toISOString();
}

/** Milliseconds → "2 天 3 小时" / "2 d 3 h". */
export function formatDuration(ms: number, translate: (k: string, o?: Record<string, unknown>) => string): string {
  if (ms <= 0) return translate('guardline.time.ended');
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return translate('guardline.time.days_hours', { days, hours });
  if (hours > 0) return translate('guardline.time.hours_minutes', { hours, minutes: mins });
  return translate('guardline.time.minutes', { minutes: Math.max(1, mins) });
}
