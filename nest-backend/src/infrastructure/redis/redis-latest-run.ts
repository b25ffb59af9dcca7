import { RedisClient } from './redis-client';
import { ProcessRun } from '../../domain/run';
import { RunMirror, StoredRun } from '../run-store/run-records';
import { RedisKeys } from './redis-keys';

/**
 * Keeps the newest version of a run unless the one held is newer: a later revision of the same run,
 * or a run created later. So a slow writer or a refresh that read before a write cannot put back old figures.
 */
const WRITE_IF_NEWER = `
local held = redis.call('HMGET', KEYS[1], 'runId', 'createdAt', 'revision')
if held[1] then
  if held[1] == ARGV[1] then
    if tonumber(held[3]) > tonumber(ARGV[3]) then return 0 end
  elseif tonumber(held[2]) > tonumber(ARGV[2]) then
    return 0
  end
end
redis.call('HSET', KEYS[1], 'runId', ARGV[1], 'createdAt', ARGV[2], 'revision', ARGV[3], 'run', ARGV[4])
return 1
`;

type MirrorClient = RedisClient & {
  writeLatestRunIfNewer(key: string, runId: string, createdAt: number, revision: number, run: string): Promise<number>;
};

const DATE_FIELDS = ['generationStartedAt', 'generationEndedAt', 'createdAt', 'finishedAt', 'updatedAt'] as const;

/**
 * A copy of the latest run in Redis, written after each write of a run to the database (MirroredRunStore),
 * so `GET /pedidos` is served without a database read. The database stays the record.
 */
export class RedisLatestRun implements RunMirror {
  private readonly redis: MirrorClient;

  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    if (!('writeLatestRunIfNewer' in redis)) redis.defineCommand('writeLatestRunIfNewer', { numberOfKeys: 1, lua: WRITE_IF_NEWER });
    this.redis = redis as MirrorClient;
  }

  async write(run: ProcessRun, revision: number): Promise<void> {
    await this.redis.writeLatestRunIfNewer(this.keys.latestRun, run.runId, run.createdAt.getTime(), revision, JSON.stringify(run));
  }

  async read(): Promise<StoredRun | null> {
    const [json, revision] = await this.redis.hmget(this.keys.latestRun, 'run', 'revision');
    if (!json || !revision) return null;
    return { run: parseRun(json), revision: Number(revision) };
  }

  async clear(): Promise<void> {
    await this.redis.del(this.keys.latestRun);
  }
}

function parseRun(json: string): ProcessRun {
  const raw = JSON.parse(json) as Record<string, unknown> & { processing: ProcessRun['processing'] };
  const date = (value: unknown) => (value == null ? null : new Date(value as string));
  const run = { ...raw } as Record<string, unknown>;
  for (const field of DATE_FIELDS) run[field] = date(raw[field]);
  run.processing = {
    vip: { ...raw.processing.vip, start: date(raw.processing.vip.start), end: date(raw.processing.vip.end) },
    normal: { ...raw.processing.normal, start: date(raw.processing.normal.start), end: date(raw.processing.normal.end) },
  };
  return run as unknown as ProcessRun;
}
