import { describe, expect, it } from 'vitest';
import { fold, type Statement, sameDateDisagreements } from '../../../seed/history.ts';

const statement = (document: string, date: string, values: Record<string, unknown>): Statement => ({
  subject: 'ec-decision',
  kind: 'node',
  label: 'RegulatoryEvent',
  document,
  date,
  values,
  citedIn: [`${document}#s`],
});

describe('the fold of statements', () => {
  it('takes each property from the latest document that states it, and keeps the others', () => {
    const props = fold([
      statement('sep', '2013-09-20', { name: 'EC decision', status: 'EXPECTED', agency: 'EC' }),
      statement('nov', '2013-11-20', { status: 'COMPLETED', eventType: 'APPROVAL' }),
    ]);
    expect(props).toEqual({
      name: 'EC decision',
      status: 'COMPLETED',
      agency: 'EC',
      eventType: 'APPROVAL',
      citedIn: ['sep#s', 'nov#s'],
      statedIn: ['sep', 'nov'],
      since: '2013-09-20',
      lastStated: '2013-11-20',
    });
  });

  it('accumulates aliases instead of replacing them', () => {
    const props = fold([
      statement('a', '2012-11-06', { aliases: ['T-DM1'] }),
      statement('b', '2013-02-22', { aliases: ['trastuzumab emtansine', 'T-DM1'] }),
    ]);
    expect(props.aliases).toEqual(['T-DM1', 'trastuzumab emtansine']);
  });

  it('keeps a precise date when a later document states only a coarser form of it', () => {
    const precise = { date: '2013-02-22', datePrecision: 'DAY', sortDate: '2013-02-22' };
    const props = fold([
      statement('feb', '2013-02-22', precise),
      statement('sep', '2013-09-20', { date: '2013', datePrecision: 'YEAR', sortDate: '2013-01-01' }),
    ]);
    expect(props).toMatchObject(precise);
    const moved = fold([
      statement('nov', '2012-11-06', { date: '2013-02-26', datePrecision: 'DAY', sortDate: '2013-02-26' }),
      statement('feb', '2013-02-22', precise),
    ]);
    expect(moved).toMatchObject(precise);
  });

  it('finds same-date disagreements, and not agreements or different dates', () => {
    const found = sameDateDisagreements([
      statement('a', '2013-09-20', { status: 'EXPECTED', name: 'X' }),
      statement('b', '2013-09-20', { status: 'COMPLETED', name: 'X' }),
      statement('c', '2013-11-20', { status: 'EXPECTED' }),
    ]);
    expect(found.map(({ property, earlier, later }) => [property, earlier.document, later.document])).toEqual(
      [['status', 'a', 'b']],
    );
  });
});
