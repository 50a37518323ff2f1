import { describe, expect, it } from 'vitest';
import { EntityRegistry } from '../../../seed/ingest/registry.ts';

describe('EntityRegistry', () => {
  it('resolves a later spelling to the entity an earlier document named', () => {
    const registry = new EntityRegistry();
    expect(registry.resolve('Company', ['Genentech, Inc.'], 'genentech', 'a')).toBe('genentech');
    expect(registry.find('Company', ['Genentech'])).toBe('genentech');
    expect(registry.resolutionFor('genentech', 'b')).toBe('run');
  });

  it('forgets only what a refused document named first, names and spellings included', () => {
    const registry = new EntityRegistry();
    registry.resolve('Company', ['Roche'], 'roche', 'a');
    registry.resolve('Drug', ['Kadcyla', 'T-DM1'], 'kadcyla', 'b');
    registry.resolve('Company', ['Roche'], 'roche', 'b');
    registry.forget('b');
    expect(registry.find('Drug', ['T-DM1'])).toBeUndefined();
    expect(registry.spellingsOf('Drug').size).toBe(0);
    expect(registry.isTaken('kadcyla')).toBe(false);
    expect(registry.find('Company', ['Roche'])).toBe('roche');
  });

  it('keeps a merged entity under its new id, forgotten with the document that named it', () => {
    const registry = new EntityRegistry();
    registry.resolve('Company', ['ImmunoGen'], 'immunogen', 'a');
    registry.merge('immunogen', 'immunogen-2', 'Company', false);
    expect(registry.find('Company', ['ImmunoGen'])).toBe('immunogen-2');
    expect(registry.spellingsOf('Company').get('ImmunoGen')).toBe('immunogen-2');
    registry.forget('a');
    expect(registry.find('Company', ['ImmunoGen'])).toBeUndefined();
  });

  it('settles: documents are no longer forgotten, and past its limit the least recently named go first', () => {
    const registry = new EntityRegistry();
    registry.resolve('Company', ['Roche'], 'roche', 'a');
    registry.resolve('Company', ['Pfizer'], 'pfizer', 'a');
    registry.resolve('Company', ['Seagen'], 'seagen', 'b');
    registry.find('Company', ['Roche']);
    registry.settle(2, ['a', 'b']);
    expect(registry.size).toBe(2);
    expect(registry.find('Company', ['Pfizer'])).toBeUndefined();
    expect(registry.find('Company', ['Roche'])).toBe('roche');
    registry.forget('b');
    expect(registry.find('Company', ['Seagen'])).toBe('seagen');
    // A forgotten id is free again: the graph, not the run, says whether it is taken.
    expect(registry.resolve('Company', ['Pfizer Inc.'], 'pfizer', 'c')).toBe('pfizer');
  });

  it('keeps what a document not yet settled named first, whatever the limit', () => {
    const registry = new EntityRegistry();
    registry.resolve('Company', ['Roche'], 'roche', 'a');
    registry.resolve('Company', ['Seagen'], 'seagen', 'b');
    registry.resolve('Company', ['Pfizer'], 'pfizer', 'a');
    registry.settle(0, ['a']);
    expect(registry.find('Company', ['Roche', 'Pfizer'])).toBeUndefined();
    expect(registry.find('Company', ['Seagen'])).toBe('seagen');
    registry.forget('b');
    expect(registry.size).toBe(0);
  });
});
