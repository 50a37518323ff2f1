/**
 * Questions about the past (docs/model.md, "History and provenance"), each with its hand-written Cypher floor: a
 * hub's partnerships with full terms as of a day in the middle of the documents' dates, and what changed over one
 * year. The @neo4j/graphql peer has neither (no statements, no fold), so it is not asked.
 *
 * The floors follow the model directly: an element is known on day D iff `since <= D`; its stored values stand iff
 * `lastStated <= D`, else each value is the last one stated by its `:Statement`s dated on or before D. (They leave
 * out the fold's rule that a later, coarser date does not replace a finer one: no synthetic document states one.)
 */
import { partnershipTerms } from './partnershipTerms.ts';
import type { Question } from './queries.ts';

/** Whether element `v` was known on `$asOf`. */
const known = (...variables: string[]) => variables.map((v) => `${v}.since <= date($asOf)`).join(' AND ');

/** The statements of element `v` (subject key `subject`) up to `$asOf`, oldest first; null when its values stand. */
const statementsUpTo = (
  v: string,
  subject = `${v}.id`,
) => `CASE WHEN ${v}.lastStated > date($asOf) THEN COLLECT {
    MATCH (s:Statement {_subject: ${subject}}) WHERE s._date <= date($asOf)
    WITH s ORDER BY s._date, s._document RETURN s
  } END`;

/** Property `p` of element `v` on `$asOf`, `statements` being its statements up to then (see statementsUpTo). */
const stated = (v: string, statements: string, p: string) =>
  `CASE WHEN ${statements} IS NULL THEN ${v}.${p} ELSE reduce(x = null, s IN ${statements} | coalesce(s.${p}, x)) END`;

/** A company's name on `$asOf` over relationship `type` from `from`, the first one known. */
const companyName = (from: string, type: string) => `COLLECT {
      MATCH (${from})-[r:${type}]->(c:Company) WHERE ${known('r', 'c')}
      WITH c, ${statementsUpTo('c')} AS cs RETURN ${stated('c', 'cs', 'name')}
    }[0]`;

/** The same question as "partnerships of a hub, full terms" in queries.ts, as of a day. */
export const PARTNERSHIPS_AS_OF: Question = {
  name: 'partnerships of a hub, full terms, asOf',
  api: (f) => ({
    query: `query Q($company: String!, $asOf: Date) { partnerships(where: { company: $company }, first: 20, asOf: $asOf) {
  totalCount nodes { ${partnershipTerms} } } }`,
    variables: { company: f.hub, asOf: f.asOf },
  }),
  floor: (f) => ({
    text: `MATCH (:Entity {id: $company})-[party:PARTY_TO]->(d:Partnership)
WHERE ${known('party', 'd')}
WITH d, ${statementsUpTo('d')} AS ds
WITH d, ds, ${stated('d', 'ds', 'name')} AS name
ORDER BY toLower(name), d.id
WITH collect({d: d, ds: ds, name: name}) AS matches
CALL (matches) {
  UNWIND matches[..20] AS match
  WITH match.d AS d, match.ds AS ds, match.name AS name
  RETURN collect({id: d.id, name: name, rights: ${stated('d', 'ds', 'rights')},
    territory: ${stated('d', 'ds', 'territory')}, status: ${stated('d', 'ds', 'status')},
    parties: COLLECT {
      MATCH (d)<-[r:PARTY_TO]-(c:Company) WHERE ${known('r', 'c')}
      WITH r, c, ${statementsUpTo('r', "'PARTY_TO:' + c.id + '>' + d.id")} AS rs, ${statementsUpTo('c')} AS cs
      RETURN {role: ${stated('r', 'rs', 'role')}, company: {id: c.id, name: ${stated('c', 'cs', 'name')}}}
    },
    drugs: COLLECT {
      MATCH (d)-[r:LICENSES_DRUG]->(x:Drug) WHERE ${known('r', 'x')}
      WITH x, ${statementsUpTo('x')} AS xs RETURN {id: x.id, name: ${stated('x', 'xs', 'name')}}
    },
    milestones: COLLECT {
      MATCH (d)-[r:HAS_MILESTONE]->(m:Milestone) WHERE ${known('r', 'm')}
      WITH m, ${statementsUpTo('m')} AS ms
      RETURN {name: ${stated('m', 'ms', 'name')}, status: ${stated('m', 'ms', 'status')},
        amount: ${stated('m', 'ms', 'amount')}, currency: ${stated('m', 'ms', 'currency')},
        payer: ${companyName('m', 'PAID_BY')}, payee: ${companyName('m', 'PAID_TO')},
        trigger: COLLECT {
          MATCH (e:RegulatoryEvent)-[r:TRIGGERS]->(m) WHERE ${known('r', 'e')}
          WITH e, ${statementsUpTo('e')} AS es
          RETURN {name: ${stated('e', 'es', 'name')}, agency: ${stated('e', 'es', 'agency')},
            status: ${stated('e', 'es', 'status')}, date: ${stated('e', 'es', 'date')},
            datePrecision: ${stated('e', 'es', 'datePrecision')},
            regions: COLLECT { MATCH (e)-[g:IN_REGION]->(x:Region) WHERE ${known('g', 'x')} RETURN x.name }}
        }[0]}
    },
    royalties: COLLECT {
      MATCH (d)-[r:HAS_ROYALTY]->(y:Royalty) WHERE ${known('r', 'y')}
      WITH y, ${statementsUpTo('y')} AS ys
      RETURN {name: ${stated('y', 'ys', 'name')}, basis: ${stated('y', 'ys', 'basis')},
        rate: ${stated('y', 'ys', 'rate')}, payer: ${companyName('y', 'PAID_BY')}, payee: ${companyName('y', 'PAID_TO')}}
    }}) AS nodes
}
RETURN size(matches) AS totalCount, nodes`,
    params: { company: f.hub, asOf: f.asOf },
  }),
  peer: null,
};

/** Properties that are bookkeeping, not values a document states. */
const NOT_VALUES = "['citedIn', 'id', 'statedIn', 'since', 'lastStated']";

/**
 * Everything the documents dated in (from, to] added or changed, oldest first, first 50, with the count. A document's
 * statement of a subject is an addition when it is the subject's first (a subject without `:Statement`s has one
 * statement: that document's), else one change per property whose value differs from the last one stated before
 * (aliases: when it adds one). As the API, the subjects come from each document's `facts`, and only the page's
 * elements are read.
 */
export const CHANGES_OVER_A_YEAR: Question = {
  name: 'changes over a year, first 50',
  api: (f) => ({
    query: `query Q($from: Date!, $to: Date!) { changes(from: $from, to: $to, first: 50) { totalCount
  pageInfo { hasNextPage endCursor }
  nodes { kind property before after date entity { id kind name } relationship { id source target type }
    document { id name date } } } }`,
    variables: { from: f.changesFrom, to: f.changesTo },
  }),
  floor: (f) => ({
    text: `MATCH (d:SourceDocument)
WHERE d.since > date($from) AND d.since <= date($to)
UNWIND coalesce(d.facts, []) AS key
WITH d, key, COLLECT {
  MATCH (s:Statement {_subject: key})
  WHERE s._date < d.since OR (s._date = d.since AND s._document <= d.id)
  WITH s ORDER BY s._date, s._document RETURN properties(s)
} AS statements
CALL (statements) {
  WITH statements WHERE size(statements) <= 1
  RETURN 'ADDED' AS change, null AS property, null AS before, statements[0] AS after
  UNION
  WITH statements WHERE size(statements) > 1
  WITH last(statements) AS current, statements[..-1] AS earlier
  UNWIND [p IN keys(current) WHERE NOT p STARTS WITH '_' AND NOT p IN ${NOT_VALUES}] AS property
  WITH current, earlier, property, reduce(x = null, s IN earlier | coalesce(s[property], x)) AS last,
    reduce(x = [], s IN earlier | x + [a IN coalesce(s.aliases, []) WHERE NOT a IN x]) AS aliases
  WITH property, CASE property WHEN 'aliases' THEN CASE WHEN size(aliases) > 0 THEN aliases END ELSE last END AS before,
    CASE property WHEN 'aliases' THEN aliases + [a IN current.aliases WHERE NOT a IN aliases]
      ELSE current[property] END AS after
  WHERE before IS NULL OR before <> after
  RETURN 'CHANGED' AS change, property, before, after
}
WITH d, key, key CONTAINS ':' AS isRelationship, change, property, before, after
ORDER BY d.since, d.id, isRelationship, key, property
WITH collect({date: d.since, document: {id: d.id, name: d.name, date: d.date}, key: key, change: change,
  isRelationship: isRelationship, property: property, before: before, after: after}) AS changes
CALL (changes) {
  UNWIND changes[..50] AS c
  CALL (c) {
    WITH c WHERE NOT c.isRelationship
    MATCH (n:Entity {id: c.key})
    RETURN n AS start, properties(n) AS props, null AS relationship
    UNION
    WITH c WHERE c.isRelationship
    WITH c, split(split(c.key, ':')[1], '>') AS ends
    MATCH (a:Entity {id: ends[0]})-[r]->(b:Entity {id: split(ends[1], '@')[0]})
    WHERE type(r) + ':' + a.id + '>' + b.id + CASE WHEN type(r) = 'MARKETS' THEN '@' + r.region ELSE '' END = c.key
    RETURN a AS start, properties(r) AS props, {id: elementId(r), source: a.id, target: b.id, type: type(r)} AS relationship
  }
  RETURN collect(c {.date, .document, .change, .isRelationship, .property, .before,
    after: coalesce(c.after, props), relationship: relationship,
    entity: {id: start.id, labels: labels(start), name: start.name}}) AS nodes
}
RETURN size(changes) AS totalCount, nodes`,
    params: { from: f.changesFrom, to: f.changesTo },
  }),
  peer: null,
};

/** The questions about the past, with the fixture fields they use. */
export const TIME_QUESTIONS: readonly Question[] = [PARTNERSHIPS_AS_OF, CHANGES_OVER_A_YEAR];

/** What the "asOf p50 ≤ 1.5× without" target compares: the as-of question and the same question of today. */
export const AS_OF_PAIR = {
  asOf: PARTNERSHIPS_AS_OF.name,
  today: 'partnerships of a hub, full terms',
} as const;
