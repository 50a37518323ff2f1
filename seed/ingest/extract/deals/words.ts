/**
 * The wording of deals in press releases: the phrases that make a sentence state a license, a collaboration,
 * an option or an acquisition, the verbs that give a company its role, and the words that say what an amount
 * of money is. Small named tables, so the rules of this folder read as rules.
 */

export type DealType = 'LICENSE' | 'COLLABORATION' | 'OPTION' | 'ACQUISITION';
export type PartyRole = 'LICENSOR' | 'LICENSEE' | 'PARTNER' | 'ACQUIRER' | 'ACQUIRED';
/** What an amount of a deal is. */
export type MoneyKind = 'upfront' | 'equity' | 'totalValue' | 'milestone';

/** Rights acquired are a license, not a company acquisition: "acquired exclusive rights to … from Tianrui". */
export const ACQUIRES_RIGHTS = /\bacqui(?:re[sd]?|ring)\b[^.;]{0,60}?\brights\b/i;
/** The acquirer is the company before the verb, the acquired the company after it. */
export const ACQUIRES =
  /\b(?:to acquire|will acquire|agreed to acquire|agrees to acquire|has acquired|acquires|acquired|to buy|will buy|agreed to buy|complete[sd]? (?:its |the )?acquisition of|(?:'s|’s) acquisition of|to purchase)\b/i;
/** Reversed: the acquired company comes first. */
export const ACQUIRED_BY =
  /\b(?:to be acquired by|will be acquired by|has been acquired by|was acquired by)\b/i;
/** The deal is still to close. */
export const PROPOSED =
  /\b(?:to acquire|will acquire|agreed to acquire|agrees to acquire|definitive (?:merger )?agreement|expected to close|tender offer)\b/i;
/** A sentence about "the acquisition" that names what it brings: its drugs belong to the deal. */
export const ACQUISITION_BRINGS =
  /\b(?:acquisition|transaction|merger) (?:brings|adds|gives|provides|includes|will bring|will add)\b/i;

export const OPTION =
  /\boption (?:to (?:exclusively )?(?:license|in-license|acquire|obtain|negotiate)\b|to (?:[\w-]+ ){0,3}rights\b|(?:and license )?agreement\b)/i;
/** "an option agreement with X", "an option and license agreement": the parties, not their roles. */
export const OPTION_AGREEMENT = /agreement$/i;
export const COLLABORATION =
  /\b(?:collaboration|co-develop\w*|co-commerciali[sz]\w*|jointly develop\w*|co-promot\w*|profit[- ]split|profit[- ]sharing|share (?:profits|development costs)|strategic alliance)\b/i;
export const LICENSE =
  /\b(?:licen[sc]e agreement|licensing agreement|licen[sc](?:e|ing) deal|exclusive licen[sc]e|licensed|licenses|in-licens\w+|out-licens\w+|exclusive rights|(?:development|commercialization|marketing) rights|rights to develop)\b/i;
/** A partnership merely mentioned: "through its partnerships with Amgen, Bayer HealthCare, Biotest and Sanofi". */
export const PARTNERSHIPS_WITH =
  /\b(?:through (?:its|their|our) (?:partnerships?|alliances?) with|partnered with|(?:its|their|our) partners (?:include|including|such as)|(?:has|have) (?:partnerships?|collaborations?|alliances?) with|(?:its|their|our) partner(?= [A-Z]))\b/i;

/**
 * Role verbs of a license. `subject` is the role of the company before the verb, `object` of the first company
 * after it (after the preposition, when the pattern ends with one).
 */
export const LICENSE_ROLE_VERBS: readonly { pattern: RegExp; subject: PartyRole; object: PartyRole }[] = [
  { pattern: /\b(?:grants?|granted|will grant|has granted)\b/i, subject: 'LICENSOR', object: 'LICENSEE' },
  {
    pattern: /\b(?:in-)?licens(?:ed|es|ing)\b[^.;]{0,100}?\bfrom\b/i,
    subject: 'LICENSEE',
    object: 'LICENSOR',
  },
  // "from which Velora in-licensed … rights": the licensor came before.
  { pattern: /\bin-licens(?:ed|es|ing)\b/i, subject: 'LICENSEE', object: 'LICENSOR' },
  {
    pattern: /\b(?<!in-)(?:out-)?licens(?:ed|es|ing)\b[^.;]{0,100}?\bto\b/i,
    subject: 'LICENSOR',
    object: 'LICENSEE',
  },
  {
    pattern:
      /\b(?:receives?|received|obtains?|obtained|acquires?|acquired|gains?|gained|will (?:receive|obtain|acquire|gain|hold|have)|has|have|holds?)\b[^.;]{0,80}?\brights\b(?:[^.;]{0,100}?\bfrom\b)?/i,
    subject: 'LICENSEE',
    object: 'LICENSOR',
  },
];

/** The holder of an option is its licensee; "X grants Y an option" reverses it. */
export const OPTION_GRANTED = /\b(?:grants?|granted|will grant|has granted)\b/i;

/** The company before these verbs pays; the company just after "pay" is paid. */
export const PAYS = /\b(?:will pay|would pay|to pay|pays|paid|will make|would make|to make|makes|made)\b/i;
/** The company before these words is paid. */
export const RECEIVES =
  /\b(?:to receive|will receive|receives|received|is (?:also )?eligible|are (?:also )?eligible|eligible (?:for|to)|is (?:also )?entitled|entitled to|earning|earns|earned)\b/i;
/** "payment … to ImmunoGen", "from Halvard to Velora". */
export const PAID_TO = /\b(?:payments?|royalties|paid|payable)\b[^.;]{0,50}?\bto\s+$/i;
export const PAID_FROM = /\b(?:payments?|royalties|paid|payable)\b[^.;]{0,50}?\bfrom\s+$/i;

/** Words after (or, failing that, before) an amount that say what it is; the nearest wins. */
export const MONEY_KINDS: readonly { kind: MoneyKind; words: RegExp }[] = [
  { kind: 'upfront', words: /\b(?:upfront|up-front|upon signing|signing fee|initial payment|option fee)\b/i },
  {
    kind: 'equity',
    words: /\b(?:equity investment|equity stake|equity|(?:common|ordinary|newly issued) (?:stock|shares))\b/i,
  },
  {
    kind: 'totalValue',
    words:
      /\b(?:total (?:potential )?(?:deal )?value|aggregate (?:deal )?value|deal value|valued at|worth|total consideration|transaction value|enterprise value|equity value|for a total of)\b/i,
  },
  { kind: 'milestone', words: /\b(?:milestones?|near-term payments?|exercise fee)\b/i },
];

/** Payments due on events: an amount "upon" an event in such a sentence is one of them. */
export const CONTINGENT_PAYMENTS = /\b(?:milestones?|contingent value rights?|CVRs?|contingent payments?)\b/i;

/** A milestone the text says has been reached. */
export const TRIGGERED =
  /\b(?:triggers|triggered|has earned|earned|received|achieved|in connection with (?:today's|today’s|the) (?:approval|decision|acceptance))\b/i;
/** A milestone still to be reached, whatever the verb. */
export const CONDITIONAL =
  /\b(?:would|could|may|might|if|eligible|potential(?:ly)?|upon (?:the )?achievement|future|up to|if and when)\b/i;
/** "This event triggers …": the event is the previous sentence's. */
export const EVENT_ANAPHORA =
  /\b(?:this|that|the|today's|today’s|an?|such) (?:regulatory |[A-Z][A-Za-z]+ )?(?:event|approval|decision|acceptance|clearance|designation|filing|submission|opinion)\b/i;

/** A capitalised place word: "Greater", "China", "U.S." (a full stop only inside an abbreviation). */
const PLACE = String.raw`(?:U\.S\.|[A-Z](?:\w|\.(?=\w))*)`;
function withPlaces(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replaceAll('PLACE', PLACE), pattern.flags);
}

export const ROYALTY = /\broyalt(?:y|ies)\b/i;
/** "on net sales outside Greater China", "on product sales", "on commercial sales". */
export const ROYALTY_BASIS = withPlaces(
  /\bon ((?:annual |worldwide |global )?(?:net |product |commercial )?sales(?: (?:in|outside(?: of)?) (?:the )?PLACE(?: PLACE)*| of [A-Z][\w-]*)?)/,
);
/** A single rate: "a 10% royalty", "royalties of 12.5%"; a range ("10% to 15%") gives none. */
export const ROYALTY_RATE =
  /(?<![-–\d.] ?)(?:\b(\d+(?:\.\d+)?) ?% (?:royalty|royalties)\b|\broyalt(?:y|ies) of (\d+(?:\.\d+)?) ?%(?! ?(?:to|-|–)))/i;

/** Rights named: "rights to develop, manufacture and commercialize", "development and commercialization rights". */
export const RIGHTS_TO = /\brights to ((?:[a-z-]+(?:, | and | or |, and )){0,4}[a-z-]+)/i;
export const RIGHTS_OF =
  /\b((?:(?:global|worldwide|exclusive|ex-U\.S\.) )*(?:development|commercialization|manufacturing|marketing)(?:(?:, | and )(?:development|commercialization|manufacturing|marketing))*) rights\b/i;
const RIGHT_VERBS = new Set([
  'develop',
  'manufacture',
  'commercialize',
  'commercialise',
  'market',
  'sell',
  'research',
]);
export const isRightVerb = (word: string) => RIGHT_VERBS.has(word.toLowerCase());

/** Where the rights hold: "worldwide", "globally, excluding mainland China", "outside of Greater China". */
export const TERRITORY = withPlaces(
  /\b(worldwide|global(?:ly)?|outside (?:of )?(?:the )?PLACE(?: PLACE)*|in (?:the )?(?:U\.S\.|United States|Japan|China|Greater China|Europe|Korea|Asia))(?:,? (?:excluding|except(?: for)?|outside(?: of)?) (?:the )?PLACE(?:(?:,| and|,? and)? PLACE)*)?/,
);
