import { describe, expect, it } from 'vitest';
import { offsetRange, pageRange } from './page-range';

describe('pageRange', () => {
  it('numbers the rows of a page from 1 and stops at the total', () => {
    expect(pageRange(1, 20, 57)).toEqual({ from: 1, to: 20, total: 57 });
    expect(pageRange(3, 20, 57)).toEqual({ from: 41, to: 57, total: 57 });
  });

  it('shows 0–0 when there is nothing', () => {
    expect(pageRange(1, 20, 0)).toEqual({ from: 0, to: 0, total: 0 });
  });
});

describe('offsetRange', () => {
  it('turns offsets into row numbers and stops at the total', () => {
    expect(offsetRange(0, 49, 120)).toEqual({ from: 1, to: 50, total: 120 });
    expect(offsetRange(100, 149, 120)).toEqual({ from: 101, to: 120, total: 120 });
    expect(offsetRange(0, 49, 0)).toEqual({ from: 0, to: 0, total: 0 });
  });
});
