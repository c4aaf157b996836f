// Create and edit: a form over the whole definition. Problems the API returns appear under the field their JSON
// pointer names; while the schedule is typed, its next occurrences show beside it (the API's preview, so the page
// computes no schedule of its own).
import { api, ApiError } from './api.js';
import { h, replace, uid } from './dom.js';
import { FieldSet, pairRows } from './fields.js';
import { fromNow } from './format.js';
import { warnings } from './detail.js';

const PREVIEW_DELAY_MS = 350;
const ZONES = ['UTC', ...(Intl.supportedValuesOf?.('timeZone') ?? [])];

export function formView(app, existing) {
  const editing = Boolean(existing);
  const fields = new FieldSet();
  const sc = existing?.schedule ?? {};
  const tg = existing?.target ?? {};
  const ok = tg.success ?? {};
  const fa = existing?.failureAction ?? {};
  const text = (value, attributes = {}) => h('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...attributes });

  const inputs = {
    id: text(existing?.id, { readonly: editing, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}' }),
    name: text(existing?.name),
    description: h('textarea', { rows: 2 }, existing?.description ?? ''),
    group: text(existing?.group, { readonly: editing, placeholder: 'default' }),
    cron: text(sc.cron, { placeholder: '0 30 2 * * *', spellcheck: 'false' }),
    timeZone: text(sc.timeZone, { placeholder: 'UTC', list: 'zones', spellcheck: 'false' }),
    interval: text(sc.interval, { placeholder: 'PT5M' }),
    at: text(sc.at, { placeholder: '2026-12-01T08:00:00Z' }),
    startAt: text(sc.startAt, { placeholder: 'now' }),
    endAt: text(sc.endAt, { placeholder: 'never' }),
    maxRuns: text(sc.maxRuns, { inputmode: 'numeric', placeholder: 'unlimited' }),
    jitter: text(sc.jitter === 'PT0S' ? '' : sc.jitter, { placeholder: 'PT0S' }),
    policy: h('select', {}, ['fireOnce', 'skip', 'catchUp'].map((p) => h('option', { value: p, selected: p === (sc.misfire?.policy ?? 'fireOnce') }, p))),
    grace: text(sc.misfire?.grace, { placeholder: 'PT1M' }),
    catchUpLimit: text(sc.misfire?.catchUpLimit, { inputmode: 'numeric', placeholder: '10' }),
    url: text(tg.url, { type: 'url', placeholder: 'https://worker.example.com/hook', spellcheck: 'false' }),
    method: text(tg.method, { placeholder: 'POST' }),
    body: h('textarea', { rows: 3, spellcheck: 'false' }, tg.body ?? ''),
    contentType: text(tg.contentType, { placeholder: 'application/json when a body is given' }),
    timeout: text(tg.timeout, { placeholder: 'PT30S' }),
    maxAttempts: text(tg.retry?.maxAttempts, { inputmode: 'numeric', placeholder: '3' }),
    initialDelay: text(tg.retry?.initialDelay, { placeholder: 'PT1S' }),
    maxDelay: text(tg.retry?.maxDelay, { placeholder: 'PT30S' }),
    maxDuration: text(tg.retry?.maxDuration, { placeholder: 'PT2M' }),
    statuses: text(ok.statuses?.join(', '), { placeholder: '2xx', spellcheck: 'false' }),
    contains: text(ok.body?.contains),
    jsonPointer: text(ok.body?.jsonPointer, { placeholder: '/status', spellcheck: 'false' }),
    equals: text(ok.body && 'equals' in ok.body ? JSON.stringify(ok.body.equals) : '', { placeholder: '"ok"', spellcheck: 'false' }),
    retryChecks: h('input', { type: 'checkbox', checked: Boolean(ok.retry) }),
    actionUrl: text(fa.url, { type: 'url', placeholder: 'https://alerts.example.com/hook', spellcheck: 'false' }),
    actionTimeout: text(fa.timeout, { placeholder: 'PT10S' }),
    overdueTolerance: text(existing?.overdueTolerance, { placeholder: existing?.state?.health?.overdueTolerance ?? 'derived from the schedule and retries' }),
    autoPauseAfter: text(existing?.autoPauseAfter, { inputmode: 'numeric', placeholder: 'never' }),
  };
  const headers = pairRows('Header', { entries: Object.entries(tg.headers ?? {}) });
  const secrets = pairRows('Secret header', { secret: true, entries: Object.keys(tg.secretHeaders ?? {}).map((k) => [k, '']) });
  const actionHeaders = pairRows('Notification header', { entries: Object.entries(fa.headers ?? {}) });
  const actionSecrets = pairRows('Notification secret header', { secret: true, entries: Object.keys(fa.secretHeaders ?? {}).map((k) => [k, '']) });

  let kind = sc.interval ? 'interval' : sc.at ? 'at' : 'cron';
  const kindGroup = uid('kind');
  const kindRadios = ['cron', 'interval', 'at'].map((value) => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: kindGroup, value, checked: value === kind, onchange: () => { kind = value; showKind(); schedulePreview(); } }),
    { cron: 'Cron', interval: 'Interval', at: 'Once' }[value]));
  const kindFields = {
    cron: [fields.field('/schedule/cron', 'Cron expression', inputs.cron, '5 fields, or 6 with seconds first; L, W and # work'),
      fields.field('/schedule/timeZone', 'Time zone', inputs.timeZone, 'An IANA id such as Europe/Berlin; UTC when empty')],
    interval: [fields.field('/schedule/interval', 'Interval', inputs.interval, 'An ISO-8601 duration, at least PT1S: PT30S, PT5M, P1D')],
    at: [fields.field('/schedule/at', 'At', inputs.at, 'An instant with its offset: 2026-12-01T08:00:00Z')],
  };
  const showKind = () => {
    for (const [name, elements] of Object.entries(kindFields)) for (const e of elements) e.hidden = name !== kind;
  };
  showKind();

  const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });

  const schedule = () => omitEmpty({
    cron: kind === 'cron' ? inputs.cron.value.trim() : undefined,
    timeZone: kind === 'cron' ? inputs.timeZone.value.trim() : undefined,
    interval: kind === 'interval' ? inputs.interval.value.trim() : undefined,
    at: kind === 'at' ? inputs.at.value.trim() : undefined,
    startAt: inputs.startAt.value.trim(),
    endAt: inputs.endAt.value.trim(),
    maxRuns: number(inputs.maxRuns.value),
    jitter: inputs.jitter.value.trim(),
    misfire: omitEmpty({ policy: inputs.policy.value, grace: inputs.grace.value.trim(), catchUpLimit: number(inputs.catchUpLimit.value) }),
  });
  const definition = () => omitEmpty({
    id: inputs.id.value.trim(),
    name: inputs.name.value.trim(),
    description: inputs.description.value.trim(),
    group: editing ? undefined : inputs.group.value.trim(),
    schedule: schedule() ?? {},
    target: omitEmpty({
      url: inputs.url.value.trim(),
      method: inputs.method.value.trim(),
      headers: headers.value(),
      secretHeaders: secrets.value(),
      body: inputs.body.value === '' ? undefined : inputs.body.value,
      contentType: inputs.contentType.value.trim(),
      timeout: inputs.timeout.value.trim(),
      retry: omitEmpty({
        maxAttempts: number(inputs.maxAttempts.value),
        initialDelay: inputs.initialDelay.value.trim(),
        maxDelay: inputs.maxDelay.value.trim(),
        maxDuration: inputs.maxDuration.value.trim(),
      }),
      success: success(),
    }) ?? {},
    failureAction: inputs.actionUrl.value.trim() ? omitEmpty({
      url: inputs.actionUrl.value.trim(),
      headers: actionHeaders.value(),
      secretHeaders: actionSecrets.value(),
      timeout: inputs.actionTimeout.value.trim(),
      // The form has no fields for the notification's retries: an edit keeps them as they are.
      retry: fa.retry,
    }) : undefined,
    overdueTolerance: inputs.overdueTolerance.value.trim(),
    autoPauseAfter: number(inputs.autoPauseAfter.value),
  });
  const success = () => omitEmpty({
    statuses: inputs.statuses.value.trim() ? inputs.statuses.value.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    body: omitEmpty({
      contains: inputs.contains.value === '' ? undefined : inputs.contains.value,
      jsonPointer: inputs.jsonPointer.value.trim() || undefined,
      equals: inputs.jsonPointer.value.trim() || inputs.equals.value.trim() ? jsonValue(inputs.equals.value) : undefined,
    }),
    retry: inputs.retryChecks.checked ? true : undefined,
  });

  // The preview: only the newest answer is shown, however the requests overtake each other.
  let timer = null;
  let sequence = 0;
  const schedulePreview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++sequence;
      const body = { schedule: schedule() ?? {}, count: 5 };
      const id = inputs.id.value.trim();
      if (id) body.id = id;
      try {
        const result = await api.preview(body);
        if (mine !== sequence) return;
        fields.clear('/schedule');
        replace(preview, previewList(result));
      } catch (error) {
        if (mine !== sequence) return;
        fields.clear('/schedule');
        if (error instanceof ApiError && error.errors.length) {
          fields.show(error.errors.filter((e) => e.pointer.startsWith('/schedule')).map((e) => ({ ...e })), false);
          replace(preview, h('p', { class: 'muted' }, 'Fix the schedule to see when it fires.'));
        } else {
          replace(preview, h('p', { class: 'muted' }, `No preview: ${error.message}`));
        }
      }
    }, PREVIEW_DELAY_MS);
  };
  for (const name of ['cron', 'timeZone', 'interval', 'at', 'startAt', 'endAt', 'maxRuns', 'jitter', 'id']) {
    inputs[name].addEventListener('input', schedulePreview);
  }

  const submit = async (event) => {
    event.preventDefault();
    fields.clear();
    summary.hidden = true;
    const button = event.submitter ?? form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const body = definition();
      const saved = editing ? await api.putTask(existing.id, body) : await api.createTask(body);
      app.flash(`${editing ? 'Saved' : 'Created'} ${saved.id}.`, saved.warnings);
      app.navigate(`#/tasks/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      const errors = error instanceof ApiError ? error.errors : [];
      const unplaced = fields.show(errors);
      replace(summary, h('strong', {}, `The task was not saved: ${error.message}`),
        unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', {}, `${e.pointer || 'body'}: ${e.message}`))) : null);
      summary.hidden = false;
      if (!errors.length || unplaced.length === errors.length) summary.focus();
    } finally {
      button.disabled = false;
    }
  };

  const title = editing ? `Edit ${existing.id}` : 'New task';
  const form = h('form', { class: 'task-form', novalidate: true, onsubmit: submit, 'aria-labelledby': 'form-title' },
    h('div', { class: 'toolbar' }, h('h1', { id: 'form-title' }, title)),
    existing?.warnings?.length ? warnings(existing.warnings) : null,
    summary,
    h('fieldset', {}, h('legend', {}, 'Task'),
      fields.field('/id', 'Id', inputs.id, editing ? 'Fixed for the life of the task' : 'Letters, digits, . _ -; generated when empty'),
      fields.field('/name', 'Name', inputs.name),
      fields.field('/description', 'Description', inputs.description),
      fields.field('/group', 'Group', inputs.group, editing ? 'Fixed for the life of the task' : 'default when empty')),
    h('div', { class: 'schedule-columns' },
      h('fieldset', {}, h('legend', {}, 'Schedule'),
        h('div', { class: 'field', role: 'radiogroup', 'aria-label': 'Kind of schedule' }, kindRadios),
        fields.group('/schedule', kindRadios[0].querySelector('input')),
        kindFields.cron, kindFields.interval, kindFields.at,
        fields.field('/schedule/startAt', 'Start at', inputs.startAt, 'No occurrence before it; anchors intervals'),
        fields.field('/schedule/endAt', 'End at', inputs.endAt, 'Inclusive'),
        fields.field('/schedule/maxRuns', 'Max runs', inputs.maxRuns),
        fields.field('/schedule/jitter', 'Jitter', inputs.jitter, 'Up to PT1H; each occurrence fires up to this much late'),
        fields.field('/schedule/misfire/policy', 'When missed', inputs.policy, 'fireOnce fires the latest missed one; skip fires none; catchUp fires up to the limit'),
        fields.field('/schedule/misfire/grace', 'Grace', inputs.grace, 'How late still counts as on time'),
        fields.field('/schedule/misfire/catchUpLimit', 'Catch-up limit', inputs.catchUpLimit),
        fields.group('/schedule/misfire', inputs.policy)),
      h('aside', { class: 'preview-box', 'aria-labelledby': 'preview-title' },
        h('h2', { id: 'preview-title' }, 'Next occurrences'), preview)),
    h('fieldset', {}, h('legend', {}, 'Target'),
      fields.group('/target', inputs.url),
      fields.field('/target/url', 'URL', inputs.url, 'Private and loopback addresses are accepted but refused when the task fires, unless the scheduler allows them'),
      fields.field('/target/method', 'Method', inputs.method),
      h('div', { class: 'field wide' }, h('span', { class: 'label' }, 'Headers'), headers.element, fields.group('/target/headers', headers.focusTarget)),
      h('div', { class: 'field wide' }, h('span', { class: 'label' }, 'Secret headers'), secrets.element,
        h('p', { class: 'hint' }, 'Write-only: never shown again. Leave a stored one empty to keep it.'),
        fields.group('/target/secretHeaders', secrets.focusTarget)),
      fields.field('/target/body', 'Body', inputs.body),
      fields.field('/target/contentType', 'Content type', inputs.contentType),
      fields.field('/target/timeout', 'Timeout', inputs.timeout, 'Per attempt, PT1S to PT10M'),
      fields.field('/target/retry/maxAttempts', 'Attempts', inputs.maxAttempts, '1 to 10, the first included'),
      fields.field('/target/retry/initialDelay', 'First retry delay', inputs.initialDelay),
      fields.field('/target/retry/maxDelay', 'Longest retry delay', inputs.maxDelay),
      fields.field('/target/retry/maxDuration', 'Retry for at most', inputs.maxDuration),
      fields.group('/target/retry', inputs.maxAttempts)),
    h('fieldset', {}, h('legend', {}, 'Success and failure'),
      fields.group('/target/success', inputs.statuses),
      fields.field('/target/success/statuses', 'Accepted statuses', inputs.statuses, 'Codes, ranges and classes: 200, 200-204, 2xx; 2xx when empty'),
      fields.field('/target/success/body/contains', 'Body must contain', inputs.contains, 'Text the response must contain (case-sensitive)'),
      fields.field('/target/success/body/jsonPointer', 'Or JSON at', inputs.jsonPointer, 'A JSON pointer into the response, such as /status'),
      fields.field('/target/success/body/equals', 'Must equal', inputs.equals, 'A JSON value: "ok", 200, true; text that is not JSON is taken as a string'),
      fields.group('/target/success/body', inputs.contains),
      h('div', { class: 'field' }, h('label', { class: 'inline' }, inputs.retryChecks, ' Retry a response that fails the body check'), fields.group('/target/success/retry', inputs.retryChecks)),
      fields.field('/failureAction/url', 'Notify at', inputs.actionUrl, 'Receives a signed JSON notification when a run fails after its retries, and when the task is overdue'),
      h('div', { class: 'field wide' }, h('span', { class: 'label' }, 'Notification headers'), actionHeaders.element, fields.group('/failureAction/headers', actionHeaders.focusTarget)),
      h('div', { class: 'field wide' }, h('span', { class: 'label' }, 'Notification secret headers'), actionSecrets.element,
        h('p', { class: 'hint' }, 'Write-only, like the target\'s.'), fields.group('/failureAction/secretHeaders', actionSecrets.focusTarget)),
      fields.field('/failureAction/timeout', 'Notification timeout', inputs.actionTimeout, 'Per attempt; PT10S when empty'),
      fields.group('/failureAction', inputs.actionUrl),
      fields.field('/overdueTolerance', 'Overdue after', inputs.overdueTolerance, 'How long past its time a run may go unrecorded before the task is overdue'),
      fields.field('/autoPauseAfter', 'Auto-pause after', inputs.autoPauseAfter, 'Pause after this many failed runs in a row; never when empty')),
    h('datalist', { id: 'zones' }, ZONES.map((zone) => h('option', { value: zone }))),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'primary' }, editing ? 'Save' : 'Create'),
      h('a', { class: 'button', href: editing ? `#/tasks/${encodeURIComponent(existing.id)}` : '#/tasks' }, 'Cancel')));

  schedulePreview();
  return { element: form, refresh: null };
}

function previewList(result) {
  return h('div', {},
    h('p', { class: 'schedule-text' }, result.scheduleText),
    result.occurrences.length === 0 ? h('p', { class: 'muted' }, 'It never fires again.')
      : h('ol', { class: 'occurrences' }, result.occurrences.map((o) => h('li', {},
        h('time', { datetime: o.scheduledAt }, o.local.replace('T', ' ')),
        h('span', { class: 'muted' }, ` ${result.timeZone} · ${fromNow(o.fireAt)}`),
        o.note ? h('span', { class: 'note block' }, o.note) : null))));
}

// Whole numbers go as numbers; anything else as typed, so that the API names the field and the rule.
function number(value) {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

// The expected JSON value: parsed when it is JSON, else the text itself (so ok means "ok").
function jsonValue(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text.trim();
  }
}

function omitEmpty(object) {
  const result = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) continue;
    result[key] = value;
  }
  return Object.keys(result).length ? result : undefined;
}
