// The page: a hash router over three views (list, task, form), the key dialog, messages, and live refresh while
// the page is visible.
import { api, ApiError, forgetKey, getSettings, loadSettings, onKeyNeeded } from './api.js';
import { h, replace } from './dom.js';
import { listView } from './list.js';
import { detailView } from './detail.js';
import { formView } from './form.js';

const REFRESH_MS = 5000;

const main = document.getElementById('main');
const messages = document.getElementById('messages');
const keyDialog = document.getElementById('key-dialog');
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
const confirmDialog = document.getElementById('confirm-dialog');

let current = null;
let refreshing = false;

const app = {
  listFilters: { group: '', state: '', search: '' },

  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },

  setTitle(text) {
    document.title = `${text} · FunctionScheduler`;
  },

  /** A message for the user; warnings from a create or replace are listed under it. */
  flash(text, warnings = [], kind = 'ok') {
    replace(messages, h('div', { class: `message message-${kind}` }, h('p', {}, text),
      (warnings ?? []).map((w) => h('p', { class: 'warning-text' }, `Warning: ${w}`)),
      h('button', { type: 'button', class: 'small', onclick: () => replace(messages) }, 'Dismiss')));
  },

  report(error) {
    const detail = error instanceof ApiError && error.errors.length
      ? error.errors.map((e) => `${e.pointer}: ${e.message}`).join(' ')
      : '';
    app.flash(`${error.message} ${detail}`.trim(), [], 'error');
  },

  async act(action, id) {
    const past = { pause: 'Paused', resume: 'Resumed', runNow: 'Asked to run' }[action];
    try {
      await api[action](id);
      app.flash(`${past} ${id}.`);
      await refresh();
    } catch (error) {
      app.report(error);
    }
  },

  confirmDelete(id) {
    replace(document.getElementById('confirm-text'), `Delete task ${id} and its run history? This cannot be undone.`);
    confirmDialog.returnValue = '';
    confirmDialog.showModal();
    confirmDialog.addEventListener('close', async () => {
      if (confirmDialog.returnValue !== 'delete') return;
      try {
        await api.deleteTask(id);
        app.flash(`Deleted ${id}.`);
        app.navigate('#/tasks');
      } catch (error) {
        app.report(error);
      }
    }, { once: true });
  },
};

// Asks for the key in a modal dialog; resolves with it, or null when the user cancels.
onKeyNeeded((again) => new Promise((resolve) => {
  const settings = getSettings();
  replace(document.getElementById('key-title'), again ? `That ${settings.keyName} was refused` : `Enter the ${settings.keyName}`);
  keyInput.value = '';
  keyDialog.showModal();
  keyDialog.addEventListener('close', () => {
    const key = keyDialog.returnValue === 'ok' ? keyInput.value.trim() : '';
    resolve(key || null);
  }, { once: true });
}));

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  keyDialog.close('ok');
});
document.getElementById('key-cancel').addEventListener('click', () => keyDialog.close('cancel'));
document.getElementById('forget-key').addEventListener('click', () => {
  forgetKey();
  app.flash('The key is forgotten; the next call asks for it again.');
});

async function route() {
  const hash = location.hash || '#/tasks';
  const edit = hash.match(/^#\/tasks\/([^/]+)\/edit$/);
  const task = hash.match(/^#\/tasks\/([^/]+)$/);
  let view;
  try {
    if (hash === '#/new') {
      app.setTitle('New task');
      view = formView(app, null);
    } else if (edit) {
      const existing = await api.getTask(decodeURIComponent(edit[1]));
      app.setTitle(`Edit ${existing.id}`);
      view = formView(app, existing);
    } else if (task) {
      view = detailView(app, decodeURIComponent(task[1]));
    } else {
      app.setTitle('Tasks');
      view = listView(app);
    }
    current = view;
    replace(main, view.element);
    if (view.refresh) await view.refresh();
    main.focus({ preventScroll: true });
  } catch (error) {
    app.report(error);
  }
}

async function refresh() {
  if (!current?.refresh || refreshing) return;
  refreshing = true;
  try {
    await current.refresh();
  } catch (error) {
    app.report(error);
  } finally {
    refreshing = false;
  }
}

// Live: the list and the history refresh by themselves while the page is open and visible (not while a dialog
// is asking for something).
setInterval(() => {
  if (document.visibilityState === 'visible' && !keyDialog.open && !confirmDialog.open) refresh();
}, REFRESH_MS);

window.addEventListener('hashchange', route);

const settings = await loadSettings();
replace(document.getElementById('runtime'), settings.runtime);
if (settings.apiReference) {
  document.getElementById('api-reference').setAttribute('href', settings.apiReference);
  document.getElementById('api-reference').hidden = false;
}
await route();
