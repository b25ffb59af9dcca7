import { describe, expect, it } from 'vitest';
import { showsControls } from './access';

describe('showsControls', () => {
  it('hides the controls only from a key the backend called read-only', () => {
    expect(showsControls({ role: 'read', controlsNeedKey: true, readsNeedKey: true })).toBe(false);
    expect(showsControls({ role: 'write', controlsNeedKey: true, readsNeedKey: true })).toBe(true);
    expect(showsControls({ role: 'write', controlsNeedKey: false, readsNeedKey: false })).toBe(true);
    expect(showsControls(undefined)).toBe(true);
    expect(showsControls(null)).toBe(true);
  });
});
