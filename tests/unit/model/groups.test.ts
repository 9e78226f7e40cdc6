import { describe, expect, it } from 'vitest';
import { addToGroup } from '../../../src/model/groups';

describe('groups built by appending', () => {
  it('keeps each key’s values in the order they came, a first value leading a new group', () => {
    const groups = new Map<string, number[]>();
    addToGroup(groups, 'a', 1);
    addToGroup(groups, 'b', 2, 0);
    addToGroup(groups, 'a', 3);
    addToGroup(groups, 'b', 4, 99);
    expect([...groups]).toEqual([
      ['a', [1, 3]],
      ['b', [0, 2, 4]],
    ]);
  });

  it('appends in place: a group of 300,000 values is one list, built without copying', () => {
    const groups = new Map<string, number[]>();
    addToGroup(groups, 'x', 0);
    const list = groups.get('x');
    for (let i = 1; i < 300_000; i++) addToGroup(groups, 'x', i);
    expect(groups.get('x')).toBe(list);
    expect(list).toHaveLength(300_000);
    expect(list![299_999]).toBe(299_999);
  });
});
