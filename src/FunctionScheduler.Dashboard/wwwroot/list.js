// The task list: what exists, when each fires next, which are failing or overdue. Filters by group and state (the API's),
// searches by id or name (here), and offers pause/resume and run-now on each row.
import { api } from './api.js';
import { h, replace, uid } from './dom.js';
import { percent } from './format.js';
import { healthFlags } from './health.js';
import { lastRun, nextFire, outcomeStrip, scheduleCell, stateBadge } from './outcomes.js';

// Enough for a person to scan; beyond it, filter by group or state.
const MAX_PAGES = 10;

export function listView(app) {
  const filters = app.listFilters;
  const groupId = uid('group');
  const stateId = uid('state');
  const searchId = uid('search');
  const body = h('tbody');
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });

  const group = h('input', { id: groupId, type: 'text', value: filters.group, placeholder: 'all groups', autocomplete: 'off' });
  const state = h('select', { id: stateId },
    ['', 'active', 'paused', 'completed'].map((value) => h('option', { value, selected: value === filters.state }, value || 'any state')));
  const search = h('input', { id: searchId, type: 'search', value: filters.search, placeholder: 'id or name', autocomplete: 'off' });

  let tasks = [];
  const render = () => {
    const needle = filters.search.trim().toLowerCase();
    const shown = tasks.filter((t) => !needle || t.id.toLowerCase().includes(needle) || (t.name ?? '').toLowerCase().includes(needle));
    replace(count, `${shown.length} of ${tasks.length} task${tasks.length === 1 ? '' : 's'}`);
    replace(body, shown.length === 0
      ? h('tr', {}, h('td', { colspan: 7, class: 'muted' }, tasks.length === 0 ? 'No tasks yet. Create one with "New task".' : 'No task matches the search.'))
      : shown.map((task) => row(app, task)));
  };

  const load = async () => {
    const query = { pageSize: '100' };
    if (filters.group.trim()) query.group = filters.group.trim();
    if (filters.state) query.state = filters.state;
    const loaded = [];
    let token = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await api.listTasks(token ? { ...query, continuationToken: token } : query);
      loaded.push(...result.items);
      token = result.continuationToken;
      if (!token) break;
    }
    tasks = loaded.sort((a, b) => a.id.localeCompare(b.id));
    render();
  };

  const reload = () => load().catch((error) => app.report(error));
  group.addEventListener('change', () => { filters.group = group.value; reload(); });
  state.addEventListener('change', () => { filters.state = state.value; reload(); });
  search.addEventListener('input', () => { filters.search = search.value; render(); });

  const view = h('section', { 'aria-labelledby': 'list-title' },
    h('div', { class: 'toolbar' },
      h('h1', { id: 'list-title' }, 'Tasks'),
      h('a', { class: 'button primary', href: '#/new' }, 'New task')),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      h('label', { for: groupId }, 'Group', group),
      h('label', { for: stateId }, 'State', state),
      h('label', { for: searchId }, 'Search', search)),
    count,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'tasks' },
        h('caption', { class: 'visually-hidden' }, 'Tasks, with their schedule, state, next fire, last run and recent outcomes'),
        h('thead', {}, h('tr', {}, ['Task', 'Schedule', 'State', 'Next fire', 'Last run', 'Recent', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        body)));

  return { element: view, refresh: load };
}

function row(app, task) {
  const paused = task.state.lifecycle === 'paused';
  const completed = task.state.lifecycle === 'completed';
  return h('tr', { dataset: { task: task.id } },
    h('th', { scope: 'row' },
      h('a', { href: `#/tasks/${encodeURIComponent(task.id)}` }, task.id),
      task.name ? h('span', { class: 'muted block' }, task.name) : null,
      task.group !== 'default' ? h('span', { class: 'tag' }, task.group) : null,
      task.warnings?.length ? h('span', { class: 'warning-dot', title: task.warnings.join(' '), 'aria-label': 'has warnings' }, '!') : null),
    h('td', {}, scheduleCell(task)),
    h('td', {}, stateBadge(task.state), healthFlags(task.state)),
    h('td', {}, nextFire(task.state)),
    h('td', {}, lastRun(task.state)),
    h('td', {}, outcomeStrip(task.state.runStats), h('span', { class: 'muted block' }, percent(task.state.runStats?.successRate))),
    h('td', { class: 'actions' },
      completed ? null : h('button', {
        type: 'button',
        'aria-label': `${paused ? 'Resume' : 'Pause'} ${task.id}`,
        onclick: () => app.act(paused ? 'resume' : 'pause', task.id),
      }, paused ? 'Resume' : 'Pause'),
      h('button', { type: 'button', 'aria-label': `Run ${task.id} now`, onclick: () => app.act('runNow', task.id) }, 'Run now')));
}
