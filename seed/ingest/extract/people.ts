import type { Analysis } from '../analysis.ts';
import type { SourceSentence } from '../sentences.ts';
import { findAll } from './mentions.ts';

/**
 * People: executives quoted in the release ("…," said Jane Doe, M.D., Chief Executive Officer of Acme.) and the
 * investor and media contacts at its end, each with their title and company.
 */

const NAME = String.raw`(?:Dr\.\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|da)?\s*[A-Z][a-z'’-]+){1,2}`;
const CREDENTIALS = String.raw`(?:,\s*(?:M\.D\.|Ph\.D\.|MBA|M\.B\.A\.|Pharm\.D\.|FRCP|MPH|J\.D\.))*`;
const VERBS = 'said|says|commented|stated|added|noted|explained';
/** `," said Jane Doe, M.D., Chief Executive Officer of Acme.` */
const SAID_NAME = new RegExp(
  String.raw`["”]\s*(?:${VERBS})\s+(${NAME})(${CREDENTIALS})(?:,\s+([^."”]+?))?\s*\.?$`,
);
/** `," Jane Doe, Chief Executive Officer of Acme, said.` or `Jane Doe, CEO of Acme, said, "…` */
const NAME_SAID = new RegExp(
  String.raw`(?:^|["”]\s*)(${NAME})(${CREDENTIALS}),\s+([^"“”]+?),\s+(?:${VERBS})\b`,
);
/** A contact field that starts with a person's name. */
const NAME_FIRST = new RegExp(`^(${NAME})\\b,?\\s*`);
const CONTINUED = /^(?:Mr\.|Ms\.|Mrs\.|Dr\.)\s+([A-Z][a-z'’-]+)\s+(?:continued|added)/;
const TITLE_WORDS =
  /\b(?:Chief|President|Officer|Director|Head|Vice|Manager|Chair|Chairman|Founder|Professor|Investigator|Relations|Lead|Partner|Executive|Senior|Principal|Associate|Global)\b/;
const AGENCY_WORDS =
  /\b(?:Communications|Network|Partners|Associates|Advisors|PR|Media Group|Public Relations)$/;
/** "Investor Contact:", "Media:", "For Investors:", "Contacts", "For further information, please contact:". */
const CONTACT_HEADING =
  /^(?:(?:For\s+)?(?:Investors?|Media|Press)(?:\s+(?:Contacts?|Relations|Inquiries|Enquiries))?|Contacts?|For (?:further|more) information,?(?: please)? contact)\s*(?::\s*|$)/i;
/** "Corvantis Investors:", "Sentaris Media Relations", "Halvard Media Relations: …": a company's contact. */
const COMPANY_CONTACT_HEADING =
  /^(.{2,40}?)\s+(?:Investors?|Media|Press|Corporate Communications)(?:\s+(?:Relations|Contacts?|Inquiries))?\s*(?::\s*|$)/i;
/** "Tel:", "E-mail:": labels before a contact's fields. */
const FIELD_LABEL = /^(?:Tel|Phone|Telephone|Mobile|Cell|E-?mail|Email)\s*[:.]\s*/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?(?:[\s.-]?\d{2,4}){2,4}/;

export function extractPeople(analysis: Analysis): void {
  extractQuotes(analysis);
  extractContacts(analysis);
}

function extractQuotes(analysis: Analysis): void {
  const bySurname = new Map<string, string>();
  analysis.sentences.forEach(({ text }, sentence) => {
    const said = SAID_NAME.exec(text) ?? NAME_SAID.exec(text);
    const continued = CONTINUED.exec(text);
    let person: string | undefined;
    if (said) {
      const [, name = '', credentials = '', role] = said;
      const { title, company } = titleAndCompany(analysis, sentence, role);
      person = draftPerson(analysis, name, credentials, sentence);
      if (title && company) analysis.draft.link('people', person, 'worksFor', company, [sentence], { title });
      bySurname.set(surname(name), person);
    } else if (continued) person = bySurname.get(continued[1] as string);
    if (!person) return;
    const paragraph = paragraphOf(analysis, sentence);
    const quote = quoteIn(analysis.sentences, paragraph);
    analysis.draft.link('people', person, 'quotedIn', analysis.documentId, paragraph, quote ? { quote } : {});
  });
}

function draftPerson(analysis: Analysis, name: string, credentials: string, sentence: number): string {
  const plain = name.replace(/^Dr\.\s+/, '');
  const aliases = [credentials ? `${plain}${credentials}` : undefined, plain !== name ? name : undefined];
  const names = [plain, ...aliases.filter((a): a is string => a !== undefined)];
  const id = analysis.entity('people', names, {}, [sentence]);
  const at = analysis.sentences[sentence]?.text.indexOf(name) ?? -1;
  if (at >= 0) analysis.mention({ label: 'Person', id, sentence, start: at, end: at + name.length });
  return id;
}

/** "Chief Executive Officer of Velora" → the title and Velora's id; no company named → the publisher. */
function titleAndCompany(analysis: Analysis, sentence: number, role: string | undefined) {
  if (!role || !TITLE_WORDS.test(role)) return {};
  const text = analysis.sentences[sentence]?.text ?? '';
  const roleAt = text.lastIndexOf(role);
  const company = analysis.mentionsIn(sentence, 'Company').find((m) => m.start >= roleAt);
  const title = role.replace(/\s+(?:of|at)\s+(?:the\s+)?[A-Z][\s\S]*$/, '').trim();
  if (company) return { title, company: company.id };
  if (/\s(?:of|at)\s/.test(role)) return {};
  return { title, company: analysis.publisher };
}

/** The sentences of the line a sentence is on: a quote's paragraph. */
function paragraphOf(analysis: Analysis, index: number): number[] {
  const { sentences } = analysis;
  const out = [index];
  for (let i = index + 1; i < sentences.length && !breaksLine(analysis, i); i += 1) out.push(i);
  for (let i = index; i > 0 && !breaksLine(analysis, i); i -= 1) out.unshift(i - 1);
  return out;
}

/** Whether a line ends between sentence `i - 1` and sentence `i`. */
function breaksLine(analysis: Analysis, i: number): boolean {
  const before = analysis.sentences[i - 1];
  const here = analysis.sentences[i];
  return !before || !here || analysis.source.text.slice(before.end, here.start).includes('\n');
}

/** The first quoted passage of the paragraph, without its quotation marks and closing comma. */
function quoteIn(sentences: readonly SourceSentence[], paragraph: readonly number[]): string | undefined {
  const text = paragraph.map((i) => sentences[i]?.text ?? '').join(' ');
  const quoted = /["“]([^"”]{10,}?)[,.]?["”]/.exec(text);
  return quoted?.[1]?.replace(/[,\s]+$/, '');
}

function extractContacts(analysis: Analysis): void {
  const { sentences } = analysis;
  for (let i = 0; i < sentences.length; i += 1) {
    const text = sentences[i]?.text ?? '';
    const heading = text.length <= 300 ? contactHeading(analysis, text) : undefined;
    if (!heading) continue;
    const rest = text.slice(heading.length).trim();
    const block = rest ? [i] : linesAfter(analysis, i);
    const fields = rest ? splitFields(rest) : block.map((j) => sentences[j]?.text ?? '');
    draftContact(analysis, fields, block, heading.audience, i, heading.company);
    if (!rest) i = block.at(-1) ?? i;
  }
}

interface ContactHeading {
  length: number;
  audience?: Audience;
  company?: string;
}
type Audience = 'INVESTORS' | 'MEDIA';

/** A contact heading at the start of `text`: a generic one, or one that names a company the release names. */
function contactHeading(analysis: Analysis, text: string): ContactHeading | undefined {
  const generic = CONTACT_HEADING.exec(text);
  const ofCompany = generic ? undefined : COMPANY_CONTACT_HEADING.exec(text);
  const company = ofCompany?.[1] ? analysis.find('Company', ofCompany[1]) : undefined;
  const heading = generic?.[0] ?? (company ? ofCompany?.[0] : undefined);
  if (!heading) return undefined;
  return { length: heading.length, audience: audienceOf(heading), company };
}

const audienceOf = (text: string): Audience | undefined =>
  /investor|\bir\b|financial/i.test(text)
    ? 'INVESTORS'
    : /media|press|communications/i.test(text)
      ? 'MEDIA'
      : undefined;

/** The lines after a contact heading, up to a blank line or the next heading. */
function linesAfter(analysis: Analysis, heading: number): number[] {
  const out: number[] = [];
  const { sentences, source } = analysis;
  for (let i = heading + 1; i < sentences.length; i += 1) {
    const gap = source.text.slice(sentences[i - 1]?.end ?? 0, sentences[i]?.start ?? 0);
    if (/\n\s*\n/.test(gap) || contactHeading(analysis, sentences[i]?.text ?? '')) break;
    out.push(i);
  }
  return out;
}

const splitFields = (text: string) => text.split(/,\s+(?=[+(\d]|[\w.+-]+@)|\s+(?=[\w.+-]+@)|\s{2,}/);

function draftContact(
  analysis: Analysis,
  fields: string[],
  at: number[],
  audience: Audience | undefined,
  heading: number,
  headingCompany: string | undefined,
): void {
  const facts: { name?: string; title?: string; phone?: string; email?: string; company?: string } = {};
  for (const raw of fields) {
    let field = raw.trim().replace(/[,;]$/, '').replace(FIELD_LABEL, '');
    const email = EMAIL.exec(field)?.[0];
    if (email) {
      facts.email ??= email;
      field = field.replace(email, '').trim();
    }
    const phone = PHONE.exec(field)?.[0];
    if (phone && phone.replace(/\D/g, '').length >= 7) {
      facts.phone ??= phone.trim();
      field = field.replace(phone, '').trim();
    }
    const company = companyIn(analysis, at, field);
    if (company) {
      facts.company ??= company.id;
      field = field.replace(company.name, '').trim();
    }
    const name = NAME_FIRST.exec(field);
    const person = name?.[1] ?? '';
    if (
      name &&
      !TITLE_WORDS.test(person) &&
      !AGENCY_WORDS.test(person) &&
      !/^The\s/.test(person) &&
      !facts.name
    ) {
      facts.name = name[1];
      field = field.slice(name[0].length).trim();
    }
    field = field.replace(/^[,\s]+|[,\s]+$/g, '');
    if (AGENCY_WORDS.test(field) && !TITLE_WORDS.test(field) && !facts.company) {
      facts.company = analysis.entity('companies', [field], { companyType: 'COMMUNICATIONS' }, at);
    } else if (field && TITLE_WORDS.test(field)) facts.title ??= field;
  }
  if (!facts.name) return;
  const company = facts.company ?? headingCompany ?? analysis.publisher;
  const cite = [heading, ...at];
  const id = analysis.entity('people', [facts.name], { phone: facts.phone, email: facts.email }, cite);
  if (company) analysis.draft.link('people', id, 'worksFor', company, cite, { title: facts.title });
  // Under a heading that does not say, the person's title or address does ("Chief Financial Officer", "ir@").
  const to = audience ?? audienceOf(`${facts.title ?? ''} ${facts.email ?? ''}`);
  if (to) analysis.draft.link('people', id, 'contactFor', analysis.documentId, cite, { audience: to });
}

function companyIn(
  analysis: Analysis,
  at: number[],
  field: string,
): { id: string; name: string } | undefined {
  for (const sentence of at) {
    const text = analysis.sentences[sentence]?.text ?? '';
    for (const mention of analysis.mentionsIn(sentence, 'Company')) {
      const name = text.slice(mention.start, mention.end);
      if (findAll(field, name).length) return { id: mention.id, name };
    }
  }
  return undefined;
}

const surname = (name: string) => name.split(/\s+/).at(-1) ?? name;
