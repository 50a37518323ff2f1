import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  decodeState,
  encodeState,
  MAX_LINK_IDS,
  type ViewState,
} from '../../../web/src/state/url.ts';

describe('deep links', () => {
  it('round-trips every part of a view', () => {
    const state: ViewState = {
      view: 'explore',
      ids: ['kadcyla', 'immunogen'],
      removed: ['dm1'],
      hiddenKinds: ['SourceDocument', 'Person'],
      layout: 'concentric',
      asOf: '2013-06-01',
      since: '2013-01-01',
      selected: 'kadcyla',
      from: 'roche',
      to: 'her2',
      groupBy: 'payload',
    };
    const text = encodeState(state);
    expect(text).toContain('ids=kadcyla,immunogen');
    expect(decodeState(text)).toEqual(state);
  });

  it('leaves defaults out, so the plain page has a plain URL', () => {
    expect(encodeState({ ...DEFAULT_STATE })).toBe('');
    expect(encodeState({ ...DEFAULT_STATE, view: 'timeline' })).toBe('?view=timeline');
  });

  it('ignores what it does not understand', () => {
    const state = decodeState(
      '?view=admin&layout=evil&hide=Drug,Nope&asOf=2013-13-45&ids=ok,<script>,ok&sel=a%20b&group=x',
    );
    expect(state).toEqual({ ...DEFAULT_STATE, ids: ['ok'], hiddenKinds: ['Drug'] });
  });

  it('caps the number of ids a link carries', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `e${i}`).join(',');
    expect(decodeState(`?ids=${ids}`).ids).toHaveLength(MAX_LINK_IDS);
  });
});
