import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepOffered, pageSelection, setIds, toggleId } from './selection';

describe('selection of list rows', () => {
  it('toggles one id in and out', () => {
    const one = toggleId(EMPTY_SELECTION, 'a', 10);
    expect([...one]).toEqual(['a']);
    expect([...toggleId(one, 'a', 10)]).toEqual([]);
  });

  it('never holds more than the maximum', () => {
    const full = setIds(EMPTY_SELECTION, ['a', 'b', 'c'], true, 2);
    expect([...full]).toEqual(['a', 'b']);
    expect([...toggleId(full, 'c', 2)]).toEqual(['a', 'b']);
    // Taking one out makes room again.
    expect([...toggleId(toggleId(full, 'a', 2), 'c', 2)]).toEqual(['b', 'c']);
  });

  it('selects and clears a page, keeping the other pages picks', () => {
    const other = toggleId(EMPTY_SELECTION, 'x', 10);
    const page = setIds(other, ['a', 'b'], true, 10);
    expect([...page].sort()).toEqual(['a', 'b', 'x']);
    expect([...setIds(page, ['a', 'b'], false, 10)]).toEqual(['x']);
  });

  it('says whether none, some or all of a page is selected', () => {
    const picked = new Set(['a']);
    expect(pageSelection(picked, ['b', 'c'])).toBe('none');
    expect(pageSelection(picked, ['a', 'b'])).toBe('some');
    expect(pageSelection(picked, ['a'])).toBe('all');
    expect(pageSelection(picked, [])).toBe('none');
  });

  it('drops the ids no longer offered, and keeps the same object when nothing changed', () => {
    const picked = new Set(['a', 'b']);
    expect([...keepOffered(picked, ['b', 'c'])]).toEqual(['b']);
    expect(keepOffered(picked, ['a', 'b', 'c'])).toBe(picked);
  });
});
