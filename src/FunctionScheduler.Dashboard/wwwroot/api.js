// The REST API as the page uses it. The key is asked for once and kept in sessionStorage only (gone when the tab
// closes), sent in the header the serving host names (settings.json), and never put in a URL.

const KEY_STORAGE = 'functionscheduler.key';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

let settings = null;
let keyPrompt = null;

/** The serving host's settings (runtime, key header, API reference). */
export async function loadSettings() {
  const response = await fetch('settings.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`settings.json answered ${response.status}`);
  settings = await response.json();
  return settings;
}

export function getSettings() {
  return settings;
}

/** Registers the function that asks the user for a key (returns a promise of it, or null when cancelled). */
export function onKeyNeeded(prompt) {
  keyPrompt = prompt;
}

export function hasKey() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE));
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
}

export function setKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

async function ensureKey(force) {
  if (!force && hasKey()) return true;
  const key = keyPrompt ? await keyPrompt(force) : null;
  if (!key) return false;
  setKey(key);
  return true;
}

/** Calls the API; answers the parsed body, or throws ApiError. A 401 asks for the key again once. */
export async function call(method, path, body, retried = false) {
  if (!(await ensureKey(false))) throw new ApiError(401, { title: 'No key was given.' });
  const headers = { Accept: 'application/json' };
  headers[settings.keyHeader] = sessionStorage.getItem(KEY_STORAGE);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401 && !retried) {
    forgetKey();
    if (await ensureKey(true)) return call(method, path, body, true);
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

const tasksPath = '/api/tasks';
const enc = encodeURIComponent;

export const api = {
  listTasks: (query) => call('GET', `${tasksPath}?${new URLSearchParams(query)}`),
  getTask: (id) => call('GET', `${tasksPath}/${enc(id)}`),
  createTask: (definition) => call('POST', tasksPath, definition),
  putTask: (id, definition) => call('PUT', `${tasksPath}/${enc(id)}`, definition),
  deleteTask: (id) => call('DELETE', `${tasksPath}/${enc(id)}`),
  pause: (id) => call('POST', `${tasksPath}/${enc(id)}/pause`),
  resume: (id) => call('POST', `${tasksPath}/${enc(id)}/resume`),
  runNow: (id) => call('POST', `${tasksPath}/${enc(id)}/run`),
  runs: (id, query) => call('GET', `${tasksPath}/${enc(id)}/runs?${new URLSearchParams(query)}`),
  occurrences: (id, count) => call('GET', `${tasksPath}/${enc(id)}/occurrences?count=${count}`),
  preview: (request) => call('POST', '/api/schedules/preview', request),
};
