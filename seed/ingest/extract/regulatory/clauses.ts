import type { Span, Status, Type } from './event.ts';

/** What kind of event a clause of a sentence states, and whether it is done or to come. */

/** Sentences worth reading: they have a word of some event. */
export const EVENT_HINT =
  /approv|opinion|PDUFA|action date|goal date|decision|accept|submi|fil(?:ed|ing)|review|complete response|withdr|recommend|authori[sz]ation|\bCRL\b/i;

/** Kinds of event that exclude the others in a clause ("recommended approval" is an opinion, not an approval). */
const EXCLUSIVE: readonly [Type, RegExp][] = [
  [
    'REJECTION',
    /\bcomplete\s+response\s+letter\b|\bCRL\b|\b(?:refus(?:ed|al)|declined)\s+to\s+(?:approve|grant)\b|\bnot\s+(?:to\s+)?approv(?:e|ed|able)\b/i,
  ],
  ['WITHDRAWAL', /\bwithdr(?:ew|awn|awal|aw|awing)\b/i],
  [
    'NEGATIVE_OPINION',
    /\bnegative\s+opinion\b|\brecommend(?:s|ed)?\s+(?:against|(?:the\s+)?refusal)\b|\bnot\s+to\s+recommend\b|\bvoted\s+against\b/i,
  ],
  [
    'POSITIVE_OPINION',
    /\bpositive\s+(?:CHMP\s+|CVMP\s+)?(?:opinion|recommendation)\b|\brecommend(?:s|ed|ing)?\s+(?:the\s+)?(?:approval|granting|(?:conditional\s+)?marketing\s+authori[sz]ation)\b|\bvoted\s+in\s+favou?r\b/i,
  ],
];
/** A decision yet to come: a PDUFA date, "a decision … is expected". */
const DECISION_EXPECTED =
  /\bPDUFA\b|\b(?:target\s+)?action\s+date\b|\bgoal\s+date\b|\bdecision\b(?=[^.;]*\b(?:expected|anticipated)\b)|\b(?:expect(?:s|ed)?|anticipat(?:es|ed))\s+(?:an?\s+|the\s+)?(?:\w+\s+)?decision\b|\b(?:deliver|issue|make)s?\s+a\s+(?:final\s+)?decision\b|\bdecision\s+by\s+the\b/i;
/** An application filed, accepted or under review; Priority Review is granted with the acceptance. */
const FILING =
  /\baccept(?:ed|s|ance)\b(?=[^.;]{0,120}\b(?:application|BLA|NDA|MAA|sBLA|sNDA|submission|dossier|for\s+(?:review|filing))\b)|\b(?:application|BLA|NDA|MAA|sBLA|sNDA|submission|dossier)\b[^.;]{0,120}?\b(?:accepted|validated)\b|\bacceptance\b|\bseek(?:s|ing)?\s+(?:\w+\s+)?approval\b|\breview\b[^.;]{0,20}\bunder\s*way\b|\bpriority\s+review\b|\baccelerated\s+assessment\b|\bsubmit(?:s|ted|ting)?\b|\bsubmission\b|\bfiled\b|\bfiling\b|\bunder\s+(?:priority\s+)?review\b|\bvalidated\b/i;
/** An approval; "FDA-approved" describes something else. */
const APPROVAL =
  /(?<![-\w])approv(?:e|es|al|als)\b|(?<![-\w])approved\b(?!\s+(?:medicines?|products?|drugs?|therap\w*|ADCs?|antibod\w*|indications?|tests?|treatments?)\b)|\bmarketing\s+authori[sz]ation\b(?!\s+application)|\bconditional\s+authori[sz]ation\b/i;

/** Done: "has approved", "has been accepted", "was approved". */
const COMPLETED_CUE =
  /\b(?:has|have|had)\s+(?:(?:been|now|officially|also|already)\s+)*(?:approved|granted|accepted|submitted|filed|validated|issued|adopted|recommended|received|given|rejected|withdrawn|completed)\b|\b(?:was|were)\s+(?:\w+\s+)?(?:approved|granted|accepted|submitted|filed|validated|issued|recommended|rejected|withdrawn)\b/i;
/** To come: "expected", "would", "plans to submit". */
const EXPECTED_CUE =
  /\b(?:expect(?:s|ed|ing)?|anticipat(?:es|ed|ing)|would|will|could|plan(?:s|ned)?|intends?\s+to|potential(?:ly)?|upcoming|by\s+(?:the\s+)?(?:end|year[-\s]?end))\b/i;

/** Where one part of a sentence ends and another, with its own regulator, begins. */
const CLAUSE_BREAK = /;\s+|,\s+(?:with|while|whereas)\s+|,\s+and\s+(?=(?:the|an?)\s)/g;

/** The parts of a sentence that may each have their own regulator. */
export function clauses(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** The kinds of event a clause states, with the words that state them. */
export function eventKinds(clause: string): { type: Type; start: number; end: number }[] {
  for (const [type, pattern] of EXCLUSIVE) {
    const m = pattern.exec(clause);
    if (m) return [{ type, start: m.index, end: m.index + m[0].length }];
  }
  const decision = DECISION_EXPECTED.exec(clause);
  const filing = FILING.exec(clause);
  const approval = APPROVAL.exec(clause);
  const kinds: { type: Type; start: number; end: number }[] = [];
  const first = [
    filing && { type: 'FILING' as const, m: filing },
    approval && { type: 'APPROVAL' as const, m: approval },
  ]
    .filter((k) => !!k)
    .sort((a, b) => a.m.index - b.m.index)[0];
  // "a decision on marketing approval": the approval is the decision's subject.
  if (first && !(decision && first.type === 'APPROVAL')) {
    kinds.push({ type: first.type, start: first.m.index, end: first.m.index + first.m[0].length });
  }
  if (decision)
    kinds.push({
      type: 'DECISION_EXPECTED',
      start: decision.index,
      end: decision.index + decision[0].length,
    });
  return kinds;
}

export function statusOf(clause: string): Status {
  if (COMPLETED_CUE.test(clause)) return 'COMPLETED';
  return EXPECTED_CUE.test(clause) ? 'EXPECTED' : 'COMPLETED';
}
