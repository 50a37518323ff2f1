import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../../web/src/state/history.ts';

describe('UndoStack', () => {
  it('undoes the latest change first and says what it will undo', () => {
    const log: string[] = [];
    let changes = 0;
    const stack = new UndoStack(() => changes++);
    stack.push({ label: 'expand A', undo: () => log.push('A') });
    stack.push({ label: 'remove B', undo: () => log.push('B') });
    expect(stack.nextLabel).toBe('remove B');
    expect(stack.undo()).toBe(true);
    expect(stack.undo()).toBe(true);
    expect(stack.undo()).toBe(false);
    expect(log).toEqual(['B', 'A']);
    expect(changes).toBe(4);
  });

  it('forgets the oldest changes past its limit', () => {
    const stack = new UndoStack(() => {}, 3);
    for (let i = 0; i < 5; i++) stack.push({ label: String(i), undo: () => {} });
    expect(stack.size).toBe(3);
    stack.clear();
    expect(stack.size).toBe(0);
  });
});
