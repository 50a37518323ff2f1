import type { Analysis } from '../../analysis.ts';
import { draftEvents } from './draft.ts';
import { readEvents } from './join.ts';
import { regulatoryReading } from './reading.ts';
import { readReferences } from './references.ts';

/**
 * Regulatory events: what a regulator did or is expected to do about a drug ("the FDA has approved Kadcyla",
 * "CHMP has issued a positive opinion", "a PDUFA goal date of February 26, 2013"). Each clause that names a
 * regulator (or a region) and an event is one statement; statements of the same drug, region and kind of event
 * (headline, bullet, body) are one event citing them all. An event is one across the documents of a run too: the
 * FDA's decision stated EXPECTED in one release and as an approval in a later one is one entity.
 */
export function extractRegulatory(analysis: Analysis): void {
  const reading = regulatoryReading(analysis);
  readEvents(reading);
  readReferences(reading);
  draftEvents(reading);
}
