/**
 * A problem with one input of the ClinicalTrials.gov import: a file, a ZIP entry or a study record that could
 * not be read or mapped. `message` says what was expected; `field` names the record field when there is one.
 */
export interface ImportIssue {
  /** The file, `archive.zip!entry.json`, or `page.json#studies[3]`. */
  source: string;
  nctId?: string;
  field?: string;
  message: string;
}

/** One line: `<source> <nctId> <field>: <message>`, leaving out the parts the issue does not have. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.source, issue.nctId, issue.field].filter((part) => part !== undefined && part !== '');
  return `${where.join(' ')}: ${issue.message}`.replace(/\s*[\r\n]+\s*/g, ' ');
}
