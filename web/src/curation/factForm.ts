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
 * The edit form of one fact: every field of its record (texts as text, anything else as JSON), and the fields its
 * kind needs that the draft left out. Saving checks the record as the seed loader does, in the loader's words.
 */
export function factForm(review: DraftReview, factId: string, actions: FactFormActions): HTMLFormElement {
  const record = review.record(factId) as SeedRecord;
  const missing = review.requiredFields(factId).filter((field) => record[field] === undefined);
  const fields: [string, unknown][] = [
    ...Object.entries(record).filter(([key]) => key !== 'id' && !(key in NESTED_LISTS)),
    ...missing.map((field): [string, unknown] => [field, '']),
  ];
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const rows = fields.map(([key, value]) => {
    const id = `edit-${factId}-${key}`;
    const input =
      typeof value === 'string'
        ? h('input', { id, class: 'fact-field', value, required: missing.includes(key) })
        : h('textarea', {
            id,
            class: 'fact-field',
            rows: 2,
            spellcheck: 'false',
            text: JSON.stringify(value),
          });
    inputs.set(key, input);
    return h('div', { class: 'form-row' }, h('label', { for: id, text: key }), input);
  });
  const problems = h('ul', { class: 'fact-issues', role: 'alert' });
  const save = (event: Event) => {
    event.preventDefault();
    const { edited, unreadable } = recordOf(record, inputs);
    const issues = unreadable.length ? unreadable : review.edit(factId, edited);
    clear(problems);
    problems.append(...issues.map((issue) => h('li', { text: issueText(issue) })));
    if (issues.length === 0) actions.saved();
  };
  return h(
    'form',
    { class: 'fact-form', novalidate: true, on: { submit: save } },
    ...rows,
    problems,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary', text: 'Save' }),
      h('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => actions.cancel() } }),
    ),
  );
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
