import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Alert } from '../../domain/alerts/alert';
import { AlertOpening, AlertStore } from '../../domain/alerts/ports/alert-store.port';
import { AlertSettings } from '../../application/alerts/alert-settings';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';
import { alertFromJson, alertToJson } from './alert-json';

/** A cleared alert's id is remembered this long, so a second clear of it (a second evaluator) changes nothing. */
const CLEARED_ID_KEPT_S = 86_400;

const OPEN = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then return {1, ARGV[2]} end
return {0, redis.call('HGET', KEYS[1], ARGV[1])}
`;
// Clears the key's alert if it is this one, or if the key holds none (its record was lost: it is over all the same).
const CLEAR = `
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and cjson.decode(held).id ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('LPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
redis.call('SET', KEYS[3], '1', 'EX', ARGV[5])
return 1
`;

type AlertClient = RedisClient & {
  openAlert(open: string, key: string, alert: string): Promise<[number, string | null]>;
  clearAlert(open: string, recent: string, clearedId: string, key: string, id: string, alert: string, kept: number, clearedKeptS: number): Promise<number>;
};

/** Open alerts in a Redis hash (one field per condition key), the last cleared ones in a capped list. */
@Injectable()
export class RedisAlertStore extends AlertStore {
  private readonly redis: AlertClient;

  constructor(
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly settings: AlertSettings,
  ) {
    super();
    if (!('openAlert' in redis)) {
      redis.defineCommand('openAlert', { numberOfKeys: 1, lua: OPEN });
      redis.defineCommand('clearAlert', { numberOfKeys: 3, lua: CLEAR });
    }
    this.redis = redis as AlertClient;
  }

  async open(alert: Alert): Promise<AlertOpening> {
    const [opened, current] = await this.redis.openAlert(this.keys.alerts('open'), alert.key, alertToJson(alert));
    return { opened: opened === 1, current: current ? alertFromJson(current) : null };
  }

  async clear(alert: Alert): Promise<boolean> {
    const cleared = await this.redis.clearAlert(
      this.keys.alerts('open'),
      this.keys.alerts('recent'),
      this.keys.alertCleared(alert.id),
      alert.key,
      alert.id,
      alertToJson(alert),
      this.settings.recentKept,
      CLEARED_ID_KEPT_S,
    );
    return cleared === 1;
  }

  async listOpen(): Promise<Alert[]> {
    return Object.values(await this.redis.hgetall(this.keys.alerts('open'))).map(alertFromJson);
  }

  async listRecent(limit: number): Promise<Alert[]> {
    // LRANGE 0 -1 would be the whole list.
    if (limit <= 0) return [];
    return (await this.redis.lrange(this.keys.alerts('recent'), 0, limit - 1)).map(alertFromJson);
  }
}
