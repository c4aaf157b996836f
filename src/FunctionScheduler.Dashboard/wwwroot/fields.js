// Labelled form fields that know the JSON pointer they fill, so that a problem document's errors land under the
// field they name. An error whose pointer has no field of its own goes to the nearest enclosing one (a header
// name under "/target/headers"), and failing that to the form's summary.
import { h, replace, uid } from './dom.js';

export class FieldSet {
  constructor() {
    this.slots = new Map();
  }

  /** A labelled input with a hint and an error slot, registered under pointer. */
  field(pointer, label, input, hint) {
    const id = input.id || uid('f');
    input.id = id;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    input.setAttribute('aria-describedby', hint ? `${hintId} ${errorId}` : errorId);
    const error = h('p', { class: 'error', id: errorId, hidden: true });
    const wrapper = h('div', { class: 'field', dataset: { pointer } },
      h('label', { for: id }, label), input, hint ? h('p', { class: 'hint', id: hintId }, hint) : null, error);
    this.slots.set(pointer, { error, input, wrapper });
    return wrapper;
  }

  /** An error slot for a group of inputs (a fieldset, a list of rows). */
  group(pointer, focusTarget) {
    const error = h('p', { class: 'error', hidden: true, id: uid('g-error') });
    this.slots.set(pointer, { error, input: focusTarget, wrapper: error });
    return error;
  }

  clear(prefix = '') {
    for (const [pointer, slot] of this.slots) {
      if (!pointer.startsWith(prefix)) continue;
      replace(slot.error);
      slot.error.hidden = true;
      slot.input?.removeAttribute?.('aria-invalid');
      slot.wrapper.classList?.remove('has-error');
    }
  }

  /** Places each error under its field; returns the errors no field took, and focuses the first field in error. */
  show(errors, focus = true) {
    const unplaced = [];
    let first = null;
    for (const error of errors) {
      const slot = this.slotFor(error.pointer);
      if (!slot) {
        unplaced.push(error);
        continue;
      }
      slot.error.hidden = false;
      slot.error.append(h('span', { class: 'block' }, error.message));
      slot.input?.setAttribute?.('aria-invalid', 'true');
      slot.wrapper.classList?.add('has-error');
      first ??= slot;
    }
    if (focus && first?.input?.focus) first.input.focus();
    return unplaced;
  }

  slotFor(pointer) {
    let candidate = pointer;
    while (candidate) {
      const slot = this.slots.get(candidate);
      if (slot && !slot.input?.closest?.('[hidden]')) return slot;
      candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('/')));
    }
    return null;
  }
}

/** Rows of name/value pairs (headers). With fixedNames, names are shown but not editable (stored secrets). */
export function pairRows(title, { secret = false, entries = [], onChange = () => {} } = {}) {
  const list = h('div', { class: 'pairs' });
  const addRow = (name = '', value = '', stored = false) => {
    const nameInput = h('input', { type: 'text', value: name, 'aria-label': `${title} name`, autocomplete: 'off', readonly: stored });
    const valueInput = h('input', {
      type: secret ? 'password' : 'text', value, autocomplete: 'off', 'aria-label': `${title} value`,
      placeholder: stored ? 'unchanged (stored, never shown)' : '',
    });
    const row = h('div', { class: 'pair', dataset: { stored: stored ? 'yes' : 'no' } }, nameInput, valueInput,
      h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${title.toLowerCase()} ${name}`.trim(), onclick: () => { row.remove(); onChange(); } }, 'Remove'));
    list.append(row);
    return nameInput;
  };
  for (const [name, value] of entries) addRow(name, value ?? '', secret);
  const element = h('div', {}, list,
    h('button', { type: 'button', class: 'small', onclick: () => addRow().focus() }, `Add ${title.toLowerCase()}`));
  return {
    element,
    focusTarget: list,
    /** The map to send; a stored secret left empty is sent as null, which keeps its value. */
    value() {
      const result = {};
      for (const row of list.querySelectorAll('.pair')) {
        const [nameInput, valueInput] = row.querySelectorAll('input');
        const key = nameInput.value.trim();
        if (!key) continue;
        result[key] = row.dataset.stored === 'yes' && valueInput.value === '' ? null : valueInput.value;
      }
      return Object.keys(result).length ? result : undefined;
    },
  };
}
