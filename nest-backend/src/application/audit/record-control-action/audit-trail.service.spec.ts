import { Logger } from '@nestjs/common';
import { AuditEntry } from '../../../domain/audit/audit-entry';
import { AuditLog, AuditPage, FingerprintSecret } from '../../../domain/ports/audit-log.port';
import { RunSlot } from '../../../domain/ports/run-slot.port';
import { AuditTrail, ControlRequest } from './audit-trail.service';
import { KeyFingerprints, fingerprintOf } from './key-fingerprints';

const KEY = 'write-key-0123';
const SECRET = 's'.repeat(64);
const RUN = '0b9c7f52-4a39-4d8e-9b8e-2f4f5d8a1c11';

class MemoryLog extends AuditLog {
  entries: AuditEntry[] = [];
  failAppend = false;
  trims: number[] = [];
  async append(entry: AuditEntry): Promise<void> {
    if (this.failAppend) throw new Error('write refused');
    this.entries.push(entry);
  }
  async list(): Promise<AuditPage> {
    return { items: [], total: 0 };
  }
  async trimTo(keep: number): Promise<number> {
    this.trims.push(keep);
    return 0;
  }
}

class FixedSlot extends RunSlot {
  constructor(private readonly current: () => Promise<string | null>) {
    super();
  }
  claim = async () => null;
  holder = () => this.current();
  release = async () => undefined;
  clear = async () => undefined;
}

const secret: FingerprintSecret = { get: async () => SECRET };

function request(overrides: Partial<ControlRequest> = {}): ControlRequest {
  return {
    at: new Date(),
    action: 'queue.pause',
    method: 'POST',
    path: '/pedidos/queue/pause',
    params: {},
    runId: null,
    concernsActiveRun: true,
    outcome: { status: 200, code: null, message: null, durationMs: 3 },
    result: { paused: true },
    client: { address: '127.0.0.1', keyHolder: 'write', presentedKey: KEY, userAgent: 'jest' },
    ...overrides,
  };
}

describe('AuditTrail', () => {
  let log: MemoryLog;
  const trail = (slot = new FixedSlot(async () => RUN)) => new AuditTrail(log, new KeyFingerprints(secret), slot, { maxEntries: 500 });

  beforeEach(() => {
    log = new MemoryLog();
  });

  it('stores the fingerprint of the key, never the key, and checks the size at its first write', async () => {
    await trail().record(request());
    expect(log.entries[0].client).toEqual({ address: '127.0.0.1', keyHolder: 'write', keyFingerprint: fingerprintOf(KEY, SECRET), userAgent: 'jest' });
    expect(JSON.stringify(log.entries)).not.toContain(KEY);
    expect(log.trims).toEqual([475]);
  });

  it('checks the size again every 5 % of the cap in writes, trimming to 5 % below it (so the writes in between stay under the cap)', async () => {
    const audit = trail();
    for (let i = 0; i < 51; i++) await audit.record(request());
    // 500 entries at most: checks at writes 1, 26 and 51.
    expect(log.trims).toEqual([475, 475, 475]);
  });

  it('puts an action that names no run down to the active run, unless it concerns no run (event intake)', async () => {
    await trail().record(request());
    await trail().record(request({ concernsActiveRun: false, action: 'events.reset' }));
    await trail().record(request({ runId: 'named-run' }));
    expect(log.entries.map((entry) => entry.runId)).toEqual([RUN, null, 'named-run']);
  });

  it('stores the entry without what Redis could not tell (active run, fingerprint secret)', async () => {
    const broken = new AuditTrail(log, new KeyFingerprints({ get: async () => Promise.reject(new Error('down')) }), new FixedSlot(() => Promise.reject(new Error('down'))), { maxEntries: 500 });
    await broken.record(request());
    expect(log.entries[0]).toMatchObject({ runId: null, client: { keyFingerprint: null, keyHolder: 'write' } });
  });

  it('never rejects when the write fails: it logs the whole entry, without the key, and does not trim', async () => {
    log.failAppend = true;
    const errors: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    try {
      await expect(trail().record(request({ outcome: { status: 409, code: 'NO_ACTIVE_RUN', message: 'nothing to cancel', durationMs: 1 } }))).resolves.toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/audit entry not stored \(write refused\).*"action":"queue.pause".*"code":"NO_ACTIVE_RUN"/);
    expect(errors[0]).not.toContain(KEY);
    expect(log.trims).toEqual([]);
  });

  it('bounds what it keeps of the parameters and the answer', async () => {
    await trail().record(request({ params: { body: { eventIds: Array.from({ length: 50 }, (_, i) => `e${i}`) } }, result: { note: 'z'.repeat(1000) } }));
    const [entry] = log.entries;
    expect((entry.params.body as { eventIds: string[] }).eventIds).toHaveLength(21);
    expect(String((entry.result as { note: string }).note).length).toBeLessThan(250);
  });
});

describe('AuditTrail at shutdown', () => {
  it('waits for the entries still being written', async () => {
    let release: () => void = () => undefined;
    const slow = new (class extends MemoryLog {
      override async append(entry: AuditEntry): Promise<void> {
        await new Promise<void>((resolve) => (release = resolve));
        await super.append(entry);
      }
    })();
    const trail = new AuditTrail(slow, new KeyFingerprints(secret), new FixedSlot(async () => null), { maxEntries: 500 });
    void trail.record(request());
    let drained = false;
    const shutdown = trail.beforeApplicationShutdown().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    release();
    await shutdown;
    expect(slow.entries).toHaveLength(1);
  });
});
