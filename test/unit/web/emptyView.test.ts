import { describe, expect, it } from 'vitest';
import { NO_DRUGS } from '../../../web/src/views/landscape.ts';
import { NO_PARTNERSHIPS } from '../../../web/src/views/partnerships.ts';
import { emptyTexts } from '../../../web/src/views/view.ts';

describe('what an empty list view says', () => {
  it('names the day and what to do about it when nothing was known then', () => {
    const hint = 'Clear “As of” or pick a later day.';
    expect(emptyTexts(NO_DRUGS, '2012-01-01')).toEqual({
      canvas: `No drug was known on 2012-01-01. ${hint}`,
      panel: `No drug was known on 2012-01-01. ${hint}`,
      status: 'No drugs · as of 2012-01-01.',
    });
    expect(emptyTexts(NO_PARTNERSHIPS, '2012-01-01')).toEqual({
      canvas: `No partnership was known on 2012-01-01. ${hint}`,
      panel: `No partnership was known on 2012-01-01. ${hint}`,
      status: 'No partnerships · as of 2012-01-01.',
    });
  });

  it('says how to load data when the graph has none today', () => {
    expect(emptyTexts(NO_DRUGS, null)).toEqual({
      canvas: 'No drugs are recorded yet. Load a seed with “npm run seed”.',
      panel: 'No drugs recorded.',
      status: 'No drugs.',
    });
    expect(emptyTexts(NO_PARTNERSHIPS, null)).toEqual({
      canvas:
        'No partnerships are recorded yet. Load a seed with “npm run seed”, or search for a company above.',
      panel: 'No deals recorded.',
      status: 'No partnerships.',
    });
  });
});
