import type { Analysis } from '../../analysis.ts';
import { dealsOfDocument } from './deal.ts';
import { readDealSentence } from './find.ts';
import { readTermsSentence } from './terms.ts';
import { writeDeals } from './write.ts';

/**
 * Deals: licenses, collaborations, options, acquisitions and partnerships merely mentioned, with their parties
 * and roles, drugs, rights, territory, money (upfront, equity, total value, each with its currency), milestones
 * (triggered or pending, with the regulatory event that triggers them) and royalties.
 *
 * Two passes over the sentences: the first finds the deals a sentence names with both parties ("X and Y enter
 * an exclusive license agreement", "X will acquire Y"); the second reads what sentences naming one party or none
 * say about them (roles, rights, money, milestones, royalties). A milestone paid on a regulatory event under a
 * deal the release does not describe belongs to the license of the event's drug: payee the licensor, the drug's
 * developer the licensee. An amount is stated only when the words around it say what it is.
 */
export function extractDeals(analysis: Analysis): void {
  const doc = dealsOfDocument(analysis);
  for (let index = 0; index < analysis.sentences.length; index += 1) readDealSentence(doc, index);
  for (let index = 0; index < analysis.sentences.length; index += 1) readTermsSentence(doc, index);
  writeDeals(doc);
}
