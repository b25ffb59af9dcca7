import { parseRedisAddress } from './redis-address';

describe('parseRedisAddress', () => {
  it('passes a single-server URL through unchanged', () => {
    expect(parseRedisAddress('redis://:secret@10.0.0.5:6380/2')).toEqual({ kind: 'server', url: 'redis://:secret@10.0.0.5:6380/2' });
    expect(parseRedisAddress('rediss://cache.example.com:6380')).toEqual({ kind: 'server', url: 'rediss://cache.example.com:6380' });
  });

  it('reads the seed nodes, TLS and credentials of a cluster URL', () => {
    expect(parseRedisAddress('redis+cluster://127.0.0.1:6415,127.0.0.1:6416')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 6415 },
        { host: '127.0.0.1', port: 6416 },
      ],
      tls: false,
      username: undefined,
      password: undefined,
    });
    expect(parseRedisAddress('rediss+cluster://app:p%40ss@redis-a.internal:7000/')).toMatchObject({
      kind: 'cluster',
      nodes: [{ host: 'redis-a.internal', port: 7000 }],
      tls: true,
      username: 'app',
      password: 'p@ss',
    });
  });

  it('reads the Sentinels and the master name of a Sentinel URL', () => {
    expect(parseRedisAddress('redis+sentinel://:secret@10.0.0.1:26379,10.0.0.2:26379/pedidos-master')).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
      ],
      masterName: 'pedidos-master',
      tls: false,
      username: undefined,
      password: 'secret',
    });
  });

  it('refuses a seed list whose nodes are not host:port, a cluster URL with a path, a Sentinel URL without a master name', () => {
    expect(() => parseRedisAddress('redis+cluster://127.0.0.1')).toThrow(/cluster node "127.0.0.1" is not host:port/);
    expect(() => parseRedisAddress('redis+cluster://a:1,b')).toThrow(/"b" is not host:port/);
    expect(() => parseRedisAddress('redis+cluster://a:70000')).toThrow(/"a:70000"/);
    expect(() => parseRedisAddress('redis+cluster://a:1/db')).toThrow(/redis\+cluster:\/\//);
    expect(() => parseRedisAddress('redis+sentinel://a:26379')).toThrow(/master name is missing/);
    expect(() => parseRedisAddress('redis+sentinel://a/mymaster')).toThrow(/sentinel node "a" is not host:port/);
  });
});
