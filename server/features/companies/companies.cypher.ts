import { propertyOf, whereAsOf } from '../../core/index.ts';
import type { Cypher } from '../../db/executor.ts';

/**
 * Per company: milestone money it receives (PAID_TO) or pays (PAID_BY), summed by status and currency; as of a day
 * (`asOf`: the as-of text, see core/asOf.ts), over the milestones known on `$asOf`, with their status
 * and amount then.
 */
const milestoneTotals = (asOf: boolean): Cypher => ({
  name: asOf ? 'companies.milestoneTotals@asOf' : 'companies.milestoneTotals',
  text: `
UNWIND $ids AS id
MATCH (c:Entity {id: id})
RETURN id, COLLECT {
  MATCH (c)<-[paid:PAID_BY|PAID_TO]-(m:Milestone)${asOf ? `\n  WHERE ${whereAsOf(asOf, ['paid', 'm'], [])}` : ''}
  WITH paid, ${propertyOf('m', 'status', asOf)} AS status, ${propertyOf('m', 'amount', asOf)} AS amount,
    ${propertyOf('m', 'currency', asOf)} AS currency
  WHERE amount IS NOT NULL AND status IN ['TRIGGERED', 'PENDING']
  WITH CASE type(paid) WHEN 'PAID_TO' THEN 'RECEIVES' ELSE 'PAYS' END AS side, status,
    coalesce(currency, 'USD') AS currency, amount
  WITH side, status, currency, sum(amount) AS amount, count(*) AS count
  ORDER BY side, status, currency
  RETURN {side: side, status: status, currency: currency, amount: amount, count: count}
} AS totals`,
});

export const MILESTONE_TOTALS: Cypher = milestoneTotals(false);
export const MILESTONE_TOTALS_AS_OF: Cypher = milestoneTotals(true);
