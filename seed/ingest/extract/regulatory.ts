import type { z } from 'zod';
import type { EventStatus, EventType } from '../../format.ts';
import type { Analysis, Mention } from '../analysis.ts';
import { slug } from '../registry.ts';
import { type Agency, type Region, vocabulary } from '../vocabulary.ts';
import { releaseDate, type StatedDate, statedDates } from './dates.ts';
import { agenciesIn, agencyNameSpelling, type Named, regionsIn } from './regulators.ts';

/**
 * Regulatory events: what a regulator did or is expected to do about a drug ("the FDA has approved Kadcyla",
 * "CHMP has issued a positive opinion", "a PDUFA goal date of February 26, 2013"). Each clause that names a
 * regulator (or a region) and an event is one statement; statements of the same drug, region and kind of event
 * (headline, bullet, body) are one event citing them all. An event is one across the documents of a run too: the
 * FDA's decision stated EXPECTED in one release and as an approval in a later one is one entity.
 */

type Type = z.infer<typeof EventType>;
type Status = z.infer<typeof EventStatus>;

/** Kinds of event that are one event over time: a decision expected becomes the approval (or the rejection). */
type Family = 'decision' | 'opinion' | 'filing' | 'withdrawal';
const FAMILY: Record<Type, Family> = {
  APPROVAL: 'decision',
  DECISION_EXPECTED: 'decision',
  REJECTION: 'decision',
  POSITIVE_OPINION: 'opinion',
  NEGATIVE_OPINION: 'opinion',
  FILING: 'filing',
  WITHDRAWAL: 'withdrawal',
};
/** The word of an event's id: the decision on a drug is its approval (kadcyla-us-approval-2013). */
const ID_WORD: Record<Family, string> = {
  decision: 'approval',
  opinion: 'opinion',
  filing: 'filing',
  withdrawal: 'withdrawal',
};
/** How an event's name reads: "<agency> <noun> <drug>". */
const NOUN: Record<Type, string> = {
  APPROVAL: 'approval of',
  DECISION_EXPECTED: 'decision on',
  REJECTION: 'complete response letter for',
  POSITIVE_OPINION: 'positive opinion on',
  NEGATIVE_OPINION: 'negative opinion on',
  FILING: 'review of',
  WITHDRAWAL: 'withdrawal of the application for',
};

// ---------------------------------------------------------------------------------------------------------
// Phrases

/** Sentences worth reading: they have a word of some event. */
const EVENT_HINT =
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
/** A condition, not an event: "upon FDA approval", "if approved", "pending approval". */
const CONDITION = /\b(?:upon|if|once|pending|on|after)\s+(?:[\w.'’-]+\s+){0,4}$/i;
/** Boilerplate that names events only as risks. */
const FORWARD_LOOKING = /\bforward-looking\s+statements?\b/i;
/** An application that names its region when the text names no regulator ("Tianrui submitted the BLA"). */
const APPLICATION_REGION: readonly [RegExp, string][] = [
  [/\b(?:s?BLA|Biologics\s+License\s+Application)\b/, 'us'],
  [/\b(?:MAA|Marketing\s+Authori[sz]ation\s+Application)\b/i, 'eu'],
];

/** Where one part of a sentence ends and another, with its own regulator, begins. */
const CLAUSE_BREAK = /;\s+|,\s+(?:with|while|whereas)\s+|,\s+and\s+(?=(?:the|an?)\s)/g;
/** After these the drugs named are the population's treatments or comparators, not the event's drug. */
const DRUG_SCOPE_END =
  /\bfor\s+(?:the\s+)?(?:treatment|patients|people|adults?|use)\b|\b(?:in|to)\s+(?:combination|patients|adults|people)\b|\bwho\b|\bcompared\s+(?:to|with)\b|\bversus\b|\bbased\s+(?:up)?on\b/i;
/** An event named again without its regulator or drug: "This decision", "today's approval", "This event". */
const ANAPHORA =
  /\b(?:this|that|the|today['’]s|such|an?)\s+(?:\w+\s+)?(?:approvals?|decision|event|opinion|acceptance|recommendation)\b/i;
/** "based on the findings in the EMILIA trial": the trials after it are the basis of the event. */
const BASED_ON = /\bbased\s+(?:up)?on\b|\bsupported\s+by\b/i;
/** Where the trials named as a basis end: an appositive describing the trial ("ORBIT-3, a global … trial"). */
const BASIS_END = /,\s+(?:an?|which|in\s+which|where)\s/i;
/** "Based on these results": the trials are the previous sentence's. */
const BASIS_BEFORE = /^\s*(?:these|those|the(?:se)?\s+(?:positive\s+)?)\s*(?:results|data|findings)\b/i;
/** The sentence after a filing that gives its indication. */
const PROPOSED_INDICATION = /^\s*The\s+(?:proposed\s+)?indication\b/i;

/** A web address: its digits are no date line ("…/article/2012-11-06/…"). */
const ADDRESS = /https?:\/\/|www\./i;

/** How far back a sentence that names no drug looks for the one it is about. */
const LOOK_BACK = 3;

// ---------------------------------------------------------------------------------------------------------
// Statements

interface Span {
  start: number;
  end: number;
}

/** One clause's statement of an event. */
interface Statement {
  sentence: number;
  type: Type;
  status: Status;
  drug: Mention;
  region: Region;
  /** The text's spelling of the region, when it names it. */
  regionText?: string;
  agency?: Named<Agency>;
  date?: StatedDate;
  /** The words that state the event, for the mention. */
  cue: Span;
}

/** Where a statement's event happens: the regulator's region, the region the text names, or its application's. */
type Where = Pick<Statement, 'region' | 'regionText' | 'agency'> & { byApplication?: boolean };

/** A statement as read, before the drug or region a clause leaves out is found. */
type Raw = Omit<Statement, 'drug' | 'region'> & { drug?: Mention; region?: Region; byApplication?: boolean };

/** The event of a (drug, region, family): the statements that state it, in text order. */
interface Event {
  key: string;
  id?: string;
  statements: Statement[];
}

export function extractRegulatory(analysis: Analysis): void {
  const doc = new RegulatoryReading(analysis);
  doc.read();
  doc.draft();
}

class RegulatoryReading {
  private readonly events = new Map<string, Event>();
  /** Sentence → the events it states or refers to, for "This decision is based on …". */
  private readonly stated = new Map<number, Event[]>();
  private readonly release?: { date: string; sentence?: number };
  /** Agencies by id → how this document writes them: its short form if it uses it, its name if it spells it. */
  private readonly agencyLabels = new Map<string, { agency: string; agencyName?: string }>();
  private readonly agenciesBySentence: Named<Agency>[][];
  /** Sentences that name an event already stated ("This event triggers …"). */
  private readonly references: { event: Event; sentence: number; start: number; end: number }[] = [];
  /** Trials named as an event's basis, with the sentence that says so. */
  private readonly basis: { event: Event; trial: string; sentence: number }[] = [];

  constructor(private readonly analysis: Analysis) {
    const date = analysis.date;
    if (date) {
      const sentence = analysis.sentences.findIndex(
        (s) => !ADDRESS.test(s.text) && /\d{4}/.test(s.text) && releaseDate(s.text) === date,
      );
      this.release = { date, sentence: sentence >= 0 ? sentence : undefined };
    }
    this.agenciesBySentence = analysis.sentences.map((s) =>
      EVENT_HINT.test(s.text) ? agenciesIn(s.text) : [],
    );
    this.labelAgencies();
  }

  read(): void {
    const raws: Raw[][] = [];
    this.analysis.sentences.forEach((sentence, index) => {
      const read = EVENT_HINT.test(sentence.text) && !FORWARD_LOOKING.test(sentence.text);
      raws.push(read ? this.rawStatementsIn(index, raws) : []);
    });
    const all = raws.flat();
    for (const raw of all) if (raw.drug && raw.region) this.add(raw as Statement);
    for (const raw of all) {
      if (!raw.drug || !raw.region) for (const statement of this.complete(raw, raws)) this.add(statement);
    }
    this.analysis.sentences.forEach((_, index) => {
      if (!this.stated.has(index)) this.referBack(index);
      this.readBasis(index);
    });
  }

  // --- reading -------------------------------------------------------------------------------------------

  /**
   * What sentence `index` states, clause by clause: a statement per regulator (or region) and drug the clause
   * names; one that names neither is the previous clause's or sentence's event told again ("with the filing
   * accepted in January 2025"; "A decision is anticipated in the second half of 2025").
   */
  private rawStatementsIn(index: number, before: readonly Raw[][]): Raw[] {
    const text = this.analysis.sentences[index]?.text ?? '';
    const raws: Raw[] = [];
    for (const part of clauses(text).flatMap((clause) => this.byRegulator(index, clause))) {
      const partText = text.slice(part.start, part.end);
      const kinds = eventKinds(partText);
      if (!kinds.length) continue;
      const scope = DRUG_SCOPE_END.exec(partText);
      const inScope = { start: part.start, end: part.start + (scope?.index ?? partText.length) };
      const wheres = this.wheresIn(index, part, inScope);
      const drugs = this.drugsIn(index, part, inScope);
      const status = statusOf(partText);
      const dates = statedDates(partText, this.release?.date).filter((d) => !this.isDateLine(index, d));
      const context = raws.at(-1) ?? before[index - 1]?.at(-1);
      for (const kind of kinds) {
        const cue = { start: part.start + kind.start, end: part.start + kind.end };
        if (CONDITION.test(text.slice(0, cue.start))) continue;
        // With an acceptance and a PDUFA date in one clause, the date is the decision's.
        const date = kinds.length > 1 && kind.type !== 'DECISION_EXPECTED' ? undefined : dates[0];
        const type = kind.type === 'APPROVAL' && status === 'EXPECTED' ? 'DECISION_EXPECTED' : kind.type;
        const told = {
          sentence: index,
          type,
          status: type === 'DECISION_EXPECTED' ? 'EXPECTED' : status,
          cue,
          date,
        };
        if (wheres.length) {
          for (const where of wheres) {
            if (drugs.length) for (const drug of drugs) raws.push({ ...told, ...where, drug });
            else raws.push({ ...told, ...where });
          }
        } else if (drugs.length) for (const drug of drugs) raws.push({ ...told, drug });
        else if (context?.region) {
          raws.push({
            ...told,
            region: context.region,
            agency: context.agency,
            drug: context.drug,
          });
        }
      }
    }
    return raws;
  }

  /** A clause cut where it names a regulator of another region ("FDA Complete Response Letter … and NMPA Acceptance"). */
  private byRegulator(index: number, clause: Span): Span[] {
    const parts: Span[] = [];
    let region: string | undefined;
    for (const named of this.agenciesBySentence[index]?.filter((a) => within(a, clause)) ?? []) {
      if (region !== undefined && named.entry.region !== region) {
        const last = parts.at(-1);
        if (last) last.end = named.start;
        parts.push({ start: named.start, end: clause.end });
      }
      region = named.entry.region;
    }
    return parts.length ? [{ start: clause.start, end: parts[0]?.start ?? clause.end }, ...parts] : [clause];
  }

  /** Where a clause's event is: its regulators' regions, else the regions it names, else its application's. */
  private wheresIn(index: number, part: Span, inScope: Span): Where[] {
    const text = this.analysis.sentences[index]?.text ?? '';
    const agencies = this.agenciesBySentence[index]?.filter((a) => within(a, part)) ?? [];
    if (agencies.length) {
      return uniqueBy(agencies, (a) => a.entry.region).flatMap((agency) => {
        const region = regionById().get(agency.entry.region);
        return region ? [{ region, agency }] : [];
      });
    }
    const named = regionsIn(text.slice(inScope.start, inScope.end)).map((r) => ({
      region: r.entry,
      regionText: r.text.replace(/\s+/g, ' '),
    }));
    if (named.length) return uniqueBy(named, (w) => w.region.id);
    const application = APPLICATION_REGION.find(([pattern]) =>
      pattern.test(text.slice(part.start, part.end)),
    );
    const region = application && regionById().get(application[1]);
    return region ? [{ region, byApplication: true }] : [];
  }

  /** The drugs a clause is about: those named before its population or comparators (or the first it names). */
  private drugsIn(index: number, part: Span, inScope: Span): Mention[] {
    const mentions = this.analysis.mentionsIn(index, 'Drug').filter((m) => within(m, part));
    const scoped = mentions.filter((m) => m.start < inScope.end);
    return uniqueBy(scoped.length ? scoped : mentions.slice(0, 1), (m) => m.id);
  }

  /** The release's own date line inside a sentence ("Tokyo, Japan (September 24, 2024) – … has received approval"). */
  private isDateLine(index: number, date: StatedDate): boolean {
    return index === this.release?.sentence && date.date === this.release.date;
  }

  /**
   * A statement that names no drug or no region, once every complete one is known. Without a region, it is
   * the document's one event of its drug and kind told again ("Kadcyla has been approved for the treatment of
   * …"). Without a drug ("A decision by the European Commission is expected by year end"): the drug another
   * clause of the sentence names, else that of the document's event of the same region (and kind), else the
   * document's only drug of any event, else, when it names its regulator or application, a sentence's just before.
   */
  private complete(raw: Raw, raws: readonly Raw[][]): Statement[] {
    const events = [...this.events.values()].reverse();
    const lead = (e: Event) => e.statements[0] as Statement;
    const family = FAMILY[raw.type];
    if (!raw.region) {
      const matching = events.filter(
        (e) => lead(e).drug.id === raw.drug?.id && FAMILY[lead(e).type] === family,
      );
      const event = matching.length === 1 ? matching[0] : undefined;
      return event && raw.drug
        ? [{ ...lead(event), ...raw, region: lead(event).region, drug: raw.drug, date: undefined }]
        : [];
    }
    const region = raw.region;
    const withDrug = (drugs: readonly Mention[]) =>
      uniqueBy(drugs, (d) => d.id).map((drug) => ({ ...raw, region, drug }));
    const sameSentence = (raws[raw.sentence] ?? []).flatMap((r) => (r.drug ? [r.drug] : []));
    if (sameSentence.length) return withDrug(sameSentence);
    const sameRegion = events.filter((e) => lead(e).region.id === region.id);
    const same = sameRegion.find((e) => FAMILY[lead(e).type] === family) ?? sameRegion[0];
    if (same) return withDrug([lead(same).drug]);
    const drugs = uniqueBy(
      events.map((e) => lead(e).drug),
      (d) => d.id,
    );
    if (drugs.length === 1) return withDrug(drugs);
    if (!raw.agency && !raw.byApplication) return [];
    for (let i = raw.sentence - 1; i >= Math.max(0, raw.sentence - LOOK_BACK); i--) {
      const mentioned = this.analysis.mentionsIn(i, 'Drug');
      if (mentioned[0]) return withDrug([mentioned[0]]);
    }
    return [];
  }

  private add(statement: Statement): void {
    const key = `${statement.drug.id}|${statement.region.id}|${FAMILY[statement.type]}`;
    const event = this.events.get(key) ?? { key, statements: [] };
    this.events.set(key, event);
    event.statements.push(statement);
    const here = this.stated.get(statement.sentence) ?? [];
    if (!here.includes(event)) here.push(event);
    this.stated.set(statement.sentence, here);
  }

  /** "This event triggers a $5 million milestone": the event last stated, recorded as named here. */
  private referBack(index: number): void {
    const text = this.analysis.sentences[index]?.text ?? '';
    const anaphora = ANAPHORA.exec(text);
    const event = anaphora && this.lastEvent(index, anaphora[0]);
    if (!anaphora || !event) return;
    this.references.push({
      event,
      sentence: index,
      start: anaphora.index,
      end: anaphora.index + anaphora[0].length,
    });
  }

  /** The event stated last before sentence `index`, of the kind `words` name when they name one. */
  private lastEvent(index: number, words: string): Event | undefined {
    const family: Family | undefined = /opinion|recommendation/i.test(words)
      ? 'opinion'
      : /approval|authori[sz]ation/i.test(words)
        ? 'decision'
        : /acceptance|application|submission/i.test(words)
          ? 'filing'
          : undefined;
    for (let i = index - 1; i >= 0; i--) {
      const events = this.stated.get(i) ?? [];
      const fitting = events.filter((e) => !family || e.statements.some((s) => FAMILY[s.type] === family));
      if (fitting.length) return fitting[fitting.length - 1];
    }
    return undefined;
  }

  /** "This decision is based on the findings in the EMILIA Phase III trial": the trials named after it. */
  private readBasis(index: number): void {
    const text = this.analysis.sentences[index]?.text ?? '';
    const basedOn = BASED_ON.exec(text);
    if (!basedOn) return;
    const after = text.slice(basedOn.index);
    const end = basedOn.index + (BASIS_END.exec(after)?.index ?? after.length);
    let trials = this.analysis
      .mentionsIn(index, 'Trial')
      .filter((m) => m.start > basedOn.index && m.start < end);
    if (!trials.length && BASIS_BEFORE.test(after.slice(basedOn[0].length))) {
      trials = this.analysis.mentionsIn(index - 1, 'Trial');
    }
    if (!trials.length) return;
    let events = this.stated.get(index) ?? [];
    const before = text.slice(0, basedOn.index);
    if (
      !events.length &&
      /approv|decision|opinion|recommend|authori[sz]ation|application|submission|^\W*$/i.test(before)
    ) {
      const event = this.lastEvent(index, before);
      events = event ? [event] : [];
    }
    for (const event of events) {
      for (const trial of uniqueBy(trials, (t) => t.id))
        this.basis.push({ event, trial: trial.id, sentence: index });
    }
  }

  // --- drafting ------------------------------------------------------------------------------------------

  draft(): void {
    for (const event of this.events.values()) this.draftEvent(event);
    for (const { event, sentence, start, end } of this.references) {
      if (event.id) this.analysis.mention({ label: 'RegulatoryEvent', id: event.id, sentence, start, end });
    }
    for (const { event, trial, sentence } of this.basis) {
      if (event.id) this.analysis.draft.link('regulatoryEvents', event.id, 'basedOn', trial, [sentence]);
    }
  }

  private draftEvent(event: Event): void {
    const { statements } = event;
    const decisive = statements.filter((s) => s.type !== 'DECISION_EXPECTED' && s.status === 'COMPLETED');
    const main = decisive[0] ?? statements[0];
    if (!main) return;
    const chosen = statements.filter((s) => s.type === main.type);
    const dated = chosen.find((s) => s.date);
    const date = dated?.date ?? (main.status === 'COMPLETED' ? this.releaseDay() : undefined);
    const at = [...new Set(statements.map((s) => s.sentence))];
    const dateAt =
      (!dated || dated.date?.relative) && date && this.release?.sentence !== undefined
        ? [this.release.sentence]
        : [];
    const agency = statements.find((s) => s.agency)?.agency;
    const label = agency ? this.agencyLabels.get(agency.entry.id) : undefined;
    const drugName = this.spelling(main.drug);
    const where = label?.agency ?? main.regionText ?? statements.find((s) => s.regionText)?.regionText;
    const name = `${where ?? main.region.name} ${NOUN[main.type]} ${drugName}`;
    const year = date?.date.slice(0, 4) ?? this.release?.date.slice(0, 4);
    const proposedId = slug(
      `${main.drug.id}-${main.region.id}-${ID_WORD[FAMILY[main.type]]}${year ? `-${year}` : ''}`,
    );
    const id = this.analysis.entity(
      'regulatoryEvents',
      [name],
      {
        agency: label?.agency,
        agencyName: label?.agencyName,
        eventType: main.type,
        status: main.status,
        date: date?.date,
        datePrecision: date?.datePrecision,
      },
      [...at, ...dateAt],
      proposedId,
      [`regulatory event ${event.key}`],
    );
    event.id = id;
    const region = this.draftRegion(main.region, statements);
    const { draft } = this.analysis;
    draft.link('regulatoryEvents', id, 'region', region, at);
    for (const drug of uniqueBy(statements, (s) => s.drug.id)) {
      draft.link('regulatoryEvents', id, 'concerns', drug.drug.id, at);
    }
    if (main.type === 'APPROVAL' && main.status === 'COMPLETED') {
      draft.link('regulatoryEvents', id, 'opensMarket', region, at);
    }
    this.linkIndications(id, main.type, at);
    for (const s of statements) {
      this.analysis.mention({
        label: 'RegulatoryEvent',
        id,
        sentence: s.sentence,
        start: s.cue.start,
        end: s.cue.end,
      });
    }
  }

  /** The indications the event's sentences name (and, for a filing, "The proposed indication is …" after it). */
  private linkIndications(id: string, type: Type, at: readonly number[]): void {
    const sentences = [...at];
    if (type === 'FILING') {
      for (const i of at)
        if (PROPOSED_INDICATION.test(this.analysis.sentences[i + 1]?.text ?? '')) sentences.push(i + 1);
    }
    for (const i of sentences.filter((i) => !BASED_ON.test(this.analysis.sentences[i]?.text ?? ''))) {
      for (const m of uniqueBy(this.analysis.mentionsIn(i, 'Indication'), (m) => m.id)) {
        this.analysis.draft.link('regulatoryEvents', id, 'covers', m.id, [i]);
      }
    }
  }

  /** The region's record: the vocabulary's name, the text's spellings as aliases. */
  private draftRegion(region: Region, statements: readonly Statement[]): string {
    const spelled = statements.filter((s) => s.region.id === region.id && s.regionText);
    const names = [region.name, ...new Set(spelled.map((s) => s.regionText ?? ''))].filter(
      (n, i, all) => n && all.indexOf(n) === i,
    );
    const at = (spelled.length ? spelled : statements).map((s) => s.sentence);
    return this.analysis.entity('regions', names, {}, at, region.id);
  }

  private releaseDay(): StatedDate | undefined {
    return this.release
      ? { date: this.release.date, datePrecision: 'ON_OR_BEFORE', start: 0, end: 0 }
      : undefined;
  }

  private spelling(mention: Mention): string {
    const text = this.analysis.sentences[mention.sentence]?.text ?? '';
    return text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
  }

  /** An agency is its short form where the document uses it ("FDA"), with the name it spells out. */
  private labelAgencies(): void {
    const byAgency = new Map<string, Named<Agency>[]>();
    for (const named of this.agenciesBySentence.flat()) {
      byAgency.set(named.entry.id, [...(byAgency.get(named.entry.id) ?? []), named]);
    }
    for (const [id, spellings] of byAgency) {
      const short = spellings.find((n) => usesShort(n));
      const full = spellings.find((n) => !usesShort(n));
      const agency = short ? short.entry.short : full ? agencyNameSpelling(full) : undefined;
      if (!agency) continue;
      const agencyName = short && full ? agencyNameSpelling(full) : undefined;
      this.agencyLabels.set(id, { agency, agencyName: agencyName !== agency ? agencyName : undefined });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

const usesShort = (named: Named<Agency>) =>
  new RegExp(
    `(?<![\\p{L}])${named.entry.short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
    'u',
  ).test(named.text);

let regions: Map<string, Region> | undefined;
const regionById = (): Map<string, Region> => {
  regions ??= new Map(vocabulary().regions.map((region) => [region.id, region]));
  return regions;
};

/** The kinds of event a clause states, with the words that state them. */
function eventKinds(clause: string): { type: Type; start: number; end: number }[] {
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

function statusOf(clause: string): Status {
  if (COMPLETED_CUE.test(clause)) return 'COMPLETED';
  return EXPECTED_CUE.test(clause) ? 'EXPECTED' : 'COMPLETED';
}

/** The parts of a sentence that may each have their own regulator. */
function clauses(text: string): Span[] {
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

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
