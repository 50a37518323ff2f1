import { type Event, FAMILY, type Family, uniqueBy } from './event.ts';
import type { RegulatoryReading } from './reading.ts';

/** An event named again without its regulator or drug: "This decision", "today's approval", "This event". */
const ANAPHORA =
  /\b(?:this|that|the|today['’]s|such|an?)\s+(?:\w+\s+)?(?:approvals?|decision|event|opinion|acceptance|recommendation)\b/i;
/** "based on the findings in the EMILIA trial": the trials after it are the basis of the event. */
export const BASED_ON = /\bbased\s+(?:up)?on\b|\bsupported\s+by\b/i;
/** Where the trials named as a basis end: an appositive describing the trial ("ORBIT-3, a global … trial"). */
const BASIS_END = /,\s+(?:an?|which|in\s+which|where)\s/i;
/** "Based on these results": the trials are the previous sentence's. */
const BASIS_BEFORE = /^\s*(?:these|those|the(?:se)?\s+(?:positive\s+)?)\s*(?:results|data|findings)\b/i;

/**
 * What sentences say of events already stated: a sentence that states none may name the last one again
 * ("This event triggers …"), and any may give an event's basis ("This decision is based on …").
 */
export function readReferences(reading: RegulatoryReading): void {
  reading.analysis.sentences.forEach((_, index) => {
    if (!reading.stated.has(index)) referBack(reading, index);
    readBasis(reading, index);
  });
}

/** "This event triggers a $5 million milestone": the event last stated, recorded as named here. */
function referBack(reading: RegulatoryReading, index: number): void {
  const text = reading.analysis.sentences[index]?.text ?? '';
  const anaphora = ANAPHORA.exec(text);
  const event = anaphora && lastEvent(reading, index, anaphora[0]);
  if (!anaphora || !event) return;
  reading.references.push({
    event,
    sentence: index,
    start: anaphora.index,
    end: anaphora.index + anaphora[0].length,
  });
}

/** The event stated last before sentence `index`, of the kind `words` name when they name one. */
function lastEvent(reading: RegulatoryReading, index: number, words: string): Event | undefined {
  const family: Family | undefined = /opinion|recommendation/i.test(words)
    ? 'opinion'
    : /approval|authori[sz]ation/i.test(words)
      ? 'decision'
      : /acceptance|application|submission/i.test(words)
        ? 'filing'
        : undefined;
  for (let i = index - 1; i >= 0; i--) {
    const events = reading.stated.get(i) ?? [];
    const fitting = events.filter((e) => !family || e.statements.some((s) => FAMILY[s.type] === family));
    if (fitting.length) return fitting[fitting.length - 1];
  }
  return undefined;
}

/** "This decision is based on the findings in the EMILIA Phase III trial": the trials named after it. */
function readBasis(reading: RegulatoryReading, index: number): void {
  const text = reading.analysis.sentences[index]?.text ?? '';
  const basedOn = BASED_ON.exec(text);
  if (!basedOn) return;
  const after = text.slice(basedOn.index);
  const end = basedOn.index + (BASIS_END.exec(after)?.index ?? after.length);
  let trials = reading.analysis
    .mentionsIn(index, 'Trial')
    .filter((m) => m.start > basedOn.index && m.start < end);
  if (!trials.length && BASIS_BEFORE.test(after.slice(basedOn[0].length))) {
    trials = reading.analysis.mentionsIn(index - 1, 'Trial');
  }
  if (!trials.length) return;
  let events = reading.stated.get(index) ?? [];
  const before = text.slice(0, basedOn.index);
  if (
    !events.length &&
    /approv|decision|opinion|recommend|authori[sz]ation|application|submission|^\W*$/i.test(before)
  ) {
    const event = lastEvent(reading, index, before);
    events = event ? [event] : [];
  }
  for (const event of events) {
    for (const trial of uniqueBy(trials, (t) => t.id))
      reading.basis.push({ event, trial: trial.id, sentence: index });
  }
}
