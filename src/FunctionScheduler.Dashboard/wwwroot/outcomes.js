// Small pieces shared by the list and the detail view: a task's state badge, its recent-outcomes strip, its last run.
import { h } from './dom.js';
import { duration, fromNow, when, utc } from './format.js';

export function stateBadge(state) {
  const text = state.lifecycle === 'completed' && state.completion ? `completed (${state.completion})` : state.lifecycle;
  return h('span', { class: `badge badge-${state.lifecycle}` }, text);
}

/** The latest runs as coloured marks, oldest on the left; each mark says what it stands for. */
export function outcomeStrip(stats) {
  const recent = [...(stats?.recent ?? [])].reverse();
  if (recent.length === 0) return h('span', { class: 'muted' }, 'no runs yet');
  const summary = `${stats.succeeded} succeeded, ${stats.failed} failed, ${stats.missed} missed`;
  return h('span', { class: 'strip', role: 'img', 'aria-label': `Recent outcomes, oldest first: ${recent.map((r) => r.status).join(', ')}. ${summary}.` },
    recent.map((run) => h('span', {
      class: `mark mark-${run.status}`,
      title: `${run.status}${run.httpStatus ? ` (HTTP ${run.httpStatus})` : ''}, ${run.kind}, ${utc(run.scheduledAt)}${run.durationMs !== undefined ? `, ${duration(run.durationMs)}` : ''}`,
    })));
}

export function lastRun(state) {
  const run = state.lastRun;
  if (!run) return h('span', { class: 'muted' }, '—');
  return h('span', {},
    h('span', { class: `status status-${run.status}` }, run.status),
    run.httpStatus ? ` HTTP ${run.httpStatus}` : '',
    run.durationMs !== undefined ? ` · ${duration(run.durationMs)}` : '',
    h('br'),
    h('time', { datetime: run.completedAt ?? run.scheduledAt, title: utc(run.completedAt ?? run.scheduledAt), class: 'muted' },
      fromNow(run.completedAt ?? run.scheduledAt)));
}

export function nextFire(state) {
  if (!state.nextFireAt) return h('span', { class: 'muted' }, state.lifecycle === 'paused' ? 'paused' : '—');
  return h('span', {},
    h('time', { datetime: state.nextFireAt, title: utc(state.nextFireAt) }, fromNow(state.nextFireAt)),
    h('br'),
    h('span', { class: 'muted' }, when(state.nextFireAt)));
}

/** The schedule in words beside its expression. */
export function scheduleCell(task) {
  const schedule = task.schedule;
  const expression = schedule.cron ?? (schedule.interval ? `every ${schedule.interval}` : `at ${schedule.at}`);
  return h('span', {}, h('span', { class: 'schedule-text' }, task.scheduleText), h('br'), h('code', {}, expression));
}
