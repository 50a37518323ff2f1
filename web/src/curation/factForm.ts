import { NESTED_LISTS, type SeedRecord } from '../../../seed/format.ts';
import { clear, h } from '../ui/dom.ts';
import type { DraftReview, FieldIssue } from './review.ts';

export const issueText = (issue: FieldIssue) =>
  issue.field ? `${issue.field}: ${issue.message}` : issue.message;

/** What the edit form does once a record is saved, or the curator gives up. */
export interface FactFormActions {
  saved(): void;
  cancel(): void;
}

/**
 * The edit form of one fact: every field of its record (texts as text, anything else as JSON), the fields its kind
 * needs that the draft left out, and any other field the format allows, added from a list. Saving checks the record
 * as the seed loader does, in the loader's words.
 */
export function factForm(review: DraftReview, factId: string, actions: FactFormActions): HTMLFormElement {
  const record = review.record(factId) as SeedRecord;
  const missing = review.requiredFields(factId).filter((field) => record[field] === undefined);
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const row = (key: string, value: unknown, text: boolean) => {
    const id = `edit-${factId}-${key}`;
    const input = text
      ? h('input', { id, class: 'fact-field', value: String(value ?? ''), required: missing.includes(key) })
      : h('textarea', {
          id,
          class: 'fact-field',
          rows: 2,
          spellcheck: 'false',
          text: value === undefined ? '' : JSON.stringify(value),
        });
    inputs.set(key, input);
    return h('div', { class: 'form-row' }, h('label', { for: id, text: key }), input);
  };
  const texts = new Map(review.fieldsOf(factId).map((field) => [field.name, field.text]));
  const rows = [
    ...Object.entries(record)
      .filter(([key]) => key !== 'id' && !(key in NESTED_LISTS))
      .map(([key, value]) => row(key, value, typeof value === 'string')),
    ...missing.map((key) => row(key, undefined, texts.get(key) ?? true)),
  ];
  const problems = h('ul', { class: 'fact-issues', role: 'alert' });
  const save = (event: Event) => {
    event.preventDefault();
    const { edited, unreadable } = recordOf(record, inputs);
    const issues = unreadable.length ? unreadable : review.edit(factId, edited);
    clear(problems);
    problems.append(...issues.map((issue) => h('li', { text: issueText(issue) })));
    if (issues.length === 0) actions.saved();
  };
  const adding = addFieldPicker(
    factId,
    [...texts.keys()].filter((name) => name !== 'id' && !(name in NESTED_LISTS) && !inputs.has(name)),
    (name) => {
      const added = row(name, undefined, texts.get(name) ?? true);
      adding.before(added);
      added.querySelector<HTMLElement>('.fact-field')?.focus();
    },
  );
  return h(
    'form',
    { class: 'fact-form', novalidate: true, on: { submit: save } },
    ...rows,
    adding,
    problems,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary', text: 'Save' }),
      h('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => actions.cancel() } }),
    ),
  );
}

/** "Add a field…": the fields the format allows that the form does not show yet; choosing one adds its row. */
function addFieldPicker(factId: string, fields: readonly string[], add: (name: string) => void): HTMLElement {
  const id = `edit-${factId}-add`;
  const select = h(
    'select',
    { id },
    h('option', { value: '', text: 'Add a field…' }),
    ...fields.map((name) => h('option', { value: name, text: name })),
  );
  select.addEventListener('change', () => {
    const name = select.value;
    if (!name) return;
    select.querySelector(`option[value="${name}"]`)?.remove();
    select.value = '';
    add(name);
  });
  return h('div', { class: 'form-row' }, h('label', { for: id, text: 'more' }), select);
}

/** The record the inputs say; an empty input leaves its field out. */
function recordOf(record: SeedRecord, inputs: ReadonlyMap<string, HTMLInputElement | HTMLTextAreaElement>) {
  const edited: SeedRecord = { id: record.id, cite: record.cite };
  const unreadable: FieldIssue[] = [];
  for (const [key, input] of inputs) {
    const text = input.value.trim();
    if (text === '') continue;
    if (input instanceof HTMLInputElement) {
      edited[key] = text;
      continue;
    }
    try {
      edited[key] = JSON.parse(text);
    } catch {
      unreadable.push({ field: key, message: 'expected JSON, such as ["a", "b"] or {"ref": "id"}' });
    }
  }
  return { edited, unreadable };
}
