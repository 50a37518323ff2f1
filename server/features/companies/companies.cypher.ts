import type { Cypher } from '../../db/executor.ts';

/** Per company: milestone money it receives (PAID_TO) or pays (PAID_BY), summed by status and currency. */
export const MILESTONE_TOTALS: Cypher = {
  name: 'companies.milestoneTotals',
  text: `
UNWIND $ids AS id
MATCH (c:Entity {id: id})
RETURN id, COLLECT {
  MATCH (c)<-[paid:PAID_BY|PAID_TO]-(m:Milestone)
  WHERE m.amount IS NOT NULL AND m.status IN ['TRIGGERED', 'PENDING']
  WITH CASE type(paid) WHEN 'PAID_TO' THEN 'RECEIVES' ELSE 'PAYS' END AS side, m.status AS status,
    coalesce(m.currency, 'USD') AS currency, m.amount AS amount
  WITH side, status, currency, sum(amount) AS amount, count(*) AS count
  ORDER BY side, status, currency
  RETURN {side: side, status: status, currency: currency, amount: amount, count: count}
} AS totals`,
};
