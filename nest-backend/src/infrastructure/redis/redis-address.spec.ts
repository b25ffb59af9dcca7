import { isClusterUrl, parseRedisAddress } from './redis-address';

describe('parseRedisAddress', () => {
  it('passes a single-server URL through unchanged', () => {
    expect(parseRedisAddress('redis://:secret@10.0.0.5:6380/2')).toEqual({ cluster: false, url: 'redis://:secret@10.0.0.5:6380/2' });
    expect(isClusterUrl('rediss://cache.example.com:6380')).toBe(false);
  });

  it('reads the seed nodes, TLS and credentials of a cluster URL', () => {
    expect(parseRedisAddress('redis+cluster://127.0.0.1:6415,127.0.0.1:6416')).toEqual({
      cluster: true,
      nodes: [
        { host: '127.0.0.1', port: 6415 },
        { host: '127.0.0.1', port: 6416 },
      ],
      tls: false,
      username: undefined,
      password: undefined,
    });
    expect(parseRedisAddress('rediss+cluster://app:p%40ss@redis-a.internal:7000/')).toMatchObject({
      cluster: true,
      nodes: [{ host: 'redis-a.internal', port: 7000 }],
      tls: true,
      username: 'app',
      password: 'p@ss',
    });
  });

  it('refuses a cluster URL whose nodes are not host:port', () => {
    expect(() => parseRedisAddress('redis+cluster://127.0.0.1')).toThrow(/"127.0.0.1" is not host:port/);
    expect(() => parseRedisAddress('redis+cluster://a:1,b')).toThrow(/"b" is not host:port/);
    expect(() => parseRedisAddress('redis+cluster://a:70000')).toThrow(/"a:70000"/);
    expect(() => parseRedisAddress('redis+cluster://a:1/db')).toThrow(/redis\+cluster:\/\//);
  });
});
