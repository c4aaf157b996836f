// One task: its definition (secret values are never sent by the API, only their names), the next occurrences,
// run history paged, a chart of duration and lateness, and the actions.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { duration, fromNow, latenessMs, percent, utc, when } from './format.js';
import { healthSummary, notificationText } from './health.js';
import { lastRun, nextFire, outcomeStrip, stateBadge } from './outcomes.js';
import { runChart } from './chart.js';

const PAGE_SIZE = 20;

export function detailView(app, id) {
  const header = h('div', { class: 'toolbar' });
  const summary = h('div', { class: 'cards' });
  const definition = h('div');
  const upcoming = h('div');
  const chart = h('div');
  const history = h('div');
  const pager = h('div', { class: 'pager' });
  // Continuation tokens of the pages before the one shown, so "Newer" can go back.
  const pages = [null];
  let page = 0;

  const loadRuns = async () => {
    const query = { pageSize: String(PAGE_SIZE) };
    if (pages[page]) query.continuationToken = pages[page];
    const result = await api.runs(id, query);
    pages[page + 1] = result.continuationToken;
    replace(chart, runChart(result.items));
    replace(history, runTable(result.items));
    replace(pager,
      h('button', { type: 'button', disabled: page === 0, onclick: () => { page -= 1; loadRuns().catch((e) => app.report(e)); } }, 'Newer'),
      h('span', { class: 'muted' }, `page ${page + 1}`),
      h('button', { type: 'button', disabled: !result.continuationToken, onclick: () => { page += 1; loadRuns().catch((e) => app.report(e)); } }, 'Older'));
  };

  const load = async () => {
    const [task, next] = await Promise.all([api.getTask(id), api.occurrences(id, 10)]);
    app.setTitle(task.name ? `${task.id} — ${task.name}` : task.id);
    replace(header, h('h1', { id: 'detail-title' }, task.id, ' ', stateBadge(task.state)), actions(app, task));
    replace(summary,
      card('Schedule', h('span', { class: 'schedule-text' }, task.scheduleText)),
      card('Next fire', nextFire(task.state)),
      card('Last run', lastRun(task.state)),
      card('Recent outcomes', outcomeStrip(task.state.runStats), h('span', { class: 'muted block' }, `success rate ${percent(task.state.runStats?.successRate)}`)),
      card('Health', healthSummary(task.state)));
    replace(definition, task.warnings?.length ? warnings(task.warnings) : null, definitionList(task));
    replace(upcoming, occurrenceList(next, task.state.lifecycle));
    await loadRuns();
  };

  const view = h('section', { 'aria-labelledby': 'detail-title' },
    h('p', {}, h('a', { href: '#/tasks' }, '← All tasks')),
    header, summary,
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'def-title' }, h('h2', { id: 'def-title' }, 'Definition'), definition),
      h('section', { 'aria-labelledby': 'next-title' }, h('h2', { id: 'next-title' }, 'Next 10 occurrences'), upcoming)),
    h('section', { 'aria-labelledby': 'runs-title' },
      h('h2', { id: 'runs-title' }, 'Run history'), chart, history, pager));
  return { element: view, refresh: load };
}

function card(title, ...content) {
  return h('div', { class: 'card' }, h('h2', { class: 'card-title' }, title), h('div', {}, content));
}

function actions(app, task) {
  const paused = task.state.lifecycle === 'paused';
  return h('div', { class: 'button-row' },
    task.state.lifecycle === 'completed' ? null
      : h('button', { type: 'button', onclick: () => app.act(paused ? 'resume' : 'pause', task.id) }, paused ? 'Resume' : 'Pause'),
    h('button', { type: 'button', onclick: () => app.act('runNow', task.id) }, 'Run now'),
    h('a', { class: 'button', href: `#/tasks/${encodeURIComponent(task.id)}/edit` }, 'Edit'),
    h('button', { type: 'button', class: 'danger', onclick: () => app.confirmDelete(task.id) }, 'Delete'));
}

export function warnings(list) {
  return h('div', { class: 'warnings', role: 'note' }, h('strong', {}, 'Warning'), list.map((w) => h('p', {}, w)));
}

function definitionList(task) {
  const sc = task.schedule;
  const t = task.target;
  const rows = [
    ['Name', task.name], ['Description', task.description], ['Group', task.group],
    ['Cron', sc.cron && h('code', {}, sc.cron)], ['Time zone', sc.timeZone], ['Interval', sc.interval], ['At', sc.at && utc(sc.at)],
    ['Start', sc.startAt && utc(sc.startAt)], ['End', sc.endAt && utc(sc.endAt)], ['Max runs', sc.maxRuns],
    ['Jitter', sc.jitter], ['Misfire', `${sc.misfire.policy}, grace ${sc.misfire.grace}, catch-up limit ${sc.misfire.catchUpLimit}`],
    ['Target', h('code', { class: 'wrap' }, `${t.method} ${t.url}`)],
    ['Headers', Object.keys(t.headers).length ? Object.entries(t.headers).map(([k, v]) => h('code', { class: 'block wrap' }, `${k}: ${v}`)) : null],
    // The API returns secret header names with null values; the page never has the values to show.
    ['Secret headers', Object.keys(t.secretHeaders).length ? Object.keys(t.secretHeaders).map((k) => h('code', { class: 'block' }, `${k}: •••• (write-only)`)) : null],
    ['Body', t.body && h('pre', { class: 'wrap' }, t.body)], ['Content type', t.contentType],
    ['Timeout', t.timeout], ['Retry', retryText(t.retry)],
    ['Success', t.success && successText(t.success)],
    ['Failure action', task.failureAction && failureActionText(task.failureAction)],
    ['Overdue after', task.overdueTolerance ?? `${task.state.health?.overdueTolerance} (default)`],
    ['Auto-pause after', task.autoPauseAfter && `${task.autoPauseAfter} failed runs in a row`],
    ['Generation', task.state.generation], ['Scheduled fires', task.state.fireCount], ['Created', when(task.state.createdAt)], ['Updated', when(task.state.updatedAt)],
  ];
  return h('dl', { class: 'definition' },
    rows.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function retryText(retry) {
  return `${retry.maxAttempts} attempts, delay ${retry.initialDelay} to ${retry.maxDelay}, within ${retry.maxDuration}`;
}

function successText(success) {
  const body = success.body?.contains !== undefined ? `, body contains "${success.body.contains}"`
    : success.body?.jsonPointer !== undefined ? `, ${success.body.jsonPointer || '(whole body)'} equals ${JSON.stringify(success.body.equals)}`
    : '';
  return `HTTP ${success.statuses.join(', ')}${body}${success.retry ? ', failed checks retried' : ''}`;
}

function failureActionText(action) {
  return [
    h('code', { class: 'block wrap' }, `POST ${action.url}`),
    Object.entries(action.headers).map(([k, v]) => h('code', { class: 'block wrap' }, `${k}: ${v}`)),
    Object.keys(action.secretHeaders).map((k) => h('code', { class: 'block' }, `${k}: •••• (write-only)`)),
    h('span', { class: 'muted small block' }, `timeout ${action.timeout}; ${retryText(action.retry)}`),
  ];
}

function occurrenceList(preview, lifecycle) {
  if (preview.occurrences.length === 0) {
    return h('p', { class: 'muted' }, lifecycle === 'completed' ? 'Completed: nothing more fires.' : 'The schedule has no further occurrences.');
  }
  return h('div', {},
    lifecycle === 'paused' ? h('p', { class: 'muted' }, 'Paused: these fire only if the task is resumed.') : null,
    h('ol', { class: 'occurrences' }, preview.occurrences.map((o) => h('li', {},
      h('time', { datetime: o.fireAt, title: `fires ${utc(o.fireAt)}` }, o.local.replace('T', ' ')),
      h('span', { class: 'muted' }, ` ${preview.timeZone} · ${fromNow(o.fireAt)}`),
      o.note ? h('span', { class: 'note block' }, o.note) : null))));
}

function runTable(runs) {
  if (runs.length === 0) return h('p', { class: 'muted' }, 'No runs yet.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'runs' },
    h('caption', { class: 'visually-hidden' }, 'Runs, newest first'),
    h('thead', {}, h('tr', {}, ['Scheduled', 'Fired', 'Lateness', 'Status', 'Attempts', 'HTTP', 'Duration', 'Error', 'Response'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, runs.map((run) => h('tr', { class: `run-${run.status}` },
      h('td', {}, h('time', { datetime: run.scheduledAt, title: utc(run.scheduledAt) }, when(run.scheduledAt)), run.kind === 'manual' ? h('span', { class: 'tag' }, 'run now') : null),
      h('td', {}, run.startedAt ? h('time', { datetime: run.startedAt, title: utc(run.startedAt) }, when(run.startedAt)) : '—'),
      h('td', {}, duration(latenessMs(run))),
      h('td', {}, h('span', { class: `status status-${run.status}` }, run.status), run.missedCount > 1 ? ` ×${run.missedCount}` : ''),
      h('td', {}, run.attempts),
      h('td', {}, run.httpStatus ?? '—'),
      h('td', {}, duration(run.durationMs)),
      h('td', {}, run.errorClass ? h('span', { title: run.error ?? '' }, run.errorClass) : '—', run.error ? h('span', { class: 'muted block small' }, run.error) : null,
        run.notification ? h('span', { class: `block small notification-${run.notification.status}` }, notificationText(run.notification)) : null),
      h('td', {}, run.responseSnippet ? h('code', { class: 'snippet' }, run.responseSnippet) : '—'))))));
}
