import { AccessPolicy } from './access-policy';

const API_KEY = 'write-key-0123';
const READ_KEY = 'read-key-0123';

describe('AccessPolicy', () => {
  it('lets everyone do everything without API_KEY', () => {
    const open = new AccessPolicy({});
    for (const key of [undefined, '', 'anything']) {
      expect(open.authorize('control', key)).toEqual({ granted: true, role: 'write' });
      expect(open.authorize('read', key)).toEqual({ granted: true, role: 'write' });
    }
    expect(open).toMatchObject({ controlsNeedKey: false, readsNeedKey: false });
  });

  it('with API_KEY alone: control requests need it (401 otherwise), reads stay open to anyone', () => {
    const policy = new AccessPolicy({ apiKey: API_KEY });
    expect(policy.authorize('control', API_KEY)).toEqual({ granted: true, role: 'write' });
    expect(policy.authorize('control', undefined)).toMatchObject({ granted: false, status: 401, reason: 'this endpoint needs the x-api-key header' });
    expect(policy.authorize('control', 'wrong-key-0123')).toMatchObject({ granted: false, status: 401, reason: 'the x-api-key header does not hold the API key' });
    expect(policy.authorize('read', undefined)).toEqual({ granted: true, role: 'read' });
    expect(policy.authorize('read', 'wrong-key-0123')).toEqual({ granted: true, role: 'read' });
    expect(policy.authorize('read', API_KEY)).toEqual({ granted: true, role: 'write' });
    expect(policy).toMatchObject({ controlsNeedKey: true, readsNeedKey: false });
  });

  it('with READ_API_KEY too: reads need one of the keys, and the read key is refused control (403)', () => {
    const policy = new AccessPolicy({ apiKey: API_KEY, readKey: READ_KEY });
    expect(policy.authorize('read', READ_KEY)).toEqual({ granted: true, role: 'read' });
    expect(policy.authorize('read', API_KEY)).toEqual({ granted: true, role: 'write' });
    expect(policy.authorize('read', undefined)).toMatchObject({ granted: false, status: 401 });
    expect(policy.authorize('read', `${READ_KEY}x`)).toMatchObject({ granted: false, status: 401, reason: expect.stringContaining('neither') });
    expect(policy.authorize('control', READ_KEY)).toMatchObject({ granted: false, status: 403 });
    expect(policy.authorize('control', API_KEY)).toEqual({ granted: true, role: 'write' });
    expect(policy.authorize('control', undefined)).toMatchObject({ granted: false, status: 401 });
    expect(policy).toMatchObject({ controlsNeedKey: true, readsNeedKey: true });
  });

  it('names who holds a presented key, comparing whole keys only', () => {
    const policy = new AccessPolicy({ apiKey: API_KEY, readKey: READ_KEY });
    expect([API_KEY, READ_KEY, undefined, '', 42, API_KEY.slice(0, -1), API_KEY.toUpperCase(), ` ${READ_KEY}`].map((key) => policy.holderOf(key))).toEqual([
      'write',
      'read',
      'none',
      'none',
      'none',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('ignores READ_API_KEY without API_KEY (the environment refuses that pair at boot)', () => {
    const policy = new AccessPolicy({ readKey: READ_KEY });
    expect(policy.readsNeedKey).toBe(false);
    expect(policy.authorize('read', undefined)).toEqual({ granted: true, role: 'write' });
  });
});
