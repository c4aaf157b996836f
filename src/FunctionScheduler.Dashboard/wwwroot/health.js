// Whether a task is doing its job: the flags the list shows beside the state (overdue, a failure streak, paused for
// it), the detail's health card, and how a failure action's notification went. All from state.health and the run,
// as the API computes them: the page decides nothing about health itself.
import { h } from './dom.js';
import { fromNow, percent, utc, when } from './format.js';

/** Small flags beside the state badge: what is wrong right now. */
export function healthFlags(state) {
  const health = state.health;
  return [
    health?.overdueSince
      ? h('span', { class: 'flag flag-overdue', title: `No run recorded for ${utc(health.overdue?.scheduledAt)} by ${utc(health.overdueSince)}` }, 'overdue')
      : null,
    state.pausedReason === 'consecutiveFailures'
      ? h('span', { class: 'flag flag-failing' }, 'auto-paused')
      : health?.consecutiveFailures > 0
        ? h('span', { class: 'flag flag-failing' }, `${health.consecutiveFailures} failed in a row`)
        : null,
  ];
}

/** The detail's health card: overdue, streak, last success, recent success rate, the tolerance in force. */
export function healthSummary(state) {
  const health = state.health;
  if (!health) return h('span', { class: 'muted' }, '—');
  const overdue = health.overdue;
  return h('div', { class: 'health' },
    overdue
      ? h('p', { class: 'overdue-text' },
        h('strong', {}, 'Overdue since '), h('time', { datetime: health.overdueSince, title: utc(health.overdueSince) }, `${when(health.overdueSince)} (${fromNow(health.overdueSince)})`),
        h('span', { class: 'block small' }, `The ${overdue.kind === 'manual' ? 'run-now' : 'run'} due ${utc(overdue.fireAt)} has no record yet.`),
        overdue.notification ? h('span', { class: 'block small' }, notificationText(overdue.notification)) : null)
      : null,
    state.pausedReason === 'consecutiveFailures'
      ? h('p', { class: 'failing-text' }, `Paused after ${health.consecutiveFailures} failed runs in a row: resume to try again.`)
      : null,
    h('p', {}, health.consecutiveFailures > 0 ? `${health.consecutiveFailures} failed in a row` : 'No failure since the last success'),
    h('p', { class: 'muted small' },
      `Last success ${health.lastSuccessAt ? fromNow(health.lastSuccessAt) : 'never'} · recent success rate ${percent(health.recentSuccessRate)} · overdue after ${health.overdueTolerance}`));
}

/** "notified", "notification failed: …", "notification pending". */
export function notificationText(notification) {
  if (notification.status === 'succeeded') return `Failure action notified (HTTP ${notification.httpStatus}).`;
  if (notification.status === 'pending') return 'Failure action notification pending.';
  return `Failure action notification failed: ${notification.error ?? notification.errorClass ?? 'unknown error'}`;
}
