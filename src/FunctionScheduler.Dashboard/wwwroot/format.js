// How instants, durations and outcomes read on the page. Instants are shown in the browser's zone, with UTC in the
// title attribute; relative times say how far away they are.

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function when(iso) {
  return iso ? absolute.format(new Date(iso)) : '—';
}

export function utc(iso) {
  return iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.000Z$/, 'Z') : '';
}

/** "in 5 seconds", "3 minutes ago". */
export function fromNow(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10} %`;
}

/** Lateness of a run: how long after its fire instant it started. */
export function latenessMs(run) {
  if (!run.startedAt || !run.fireAt) return null;
  return Math.max(0, new Date(run.startedAt).getTime() - new Date(run.fireAt).getTime());
}

export const STATUS_LABELS = { succeeded: 'succeeded', failed: 'failed', missed: 'missed' };
