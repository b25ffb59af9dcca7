import { basicAuthPassword } from './queue-board-auth';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;

describe('basicAuthPassword', () => {
  it('is what follows the first colon, whatever the user name', () => {
    expect(basicAuthPassword(basic('operator:the-key'))).toBe('the-key');
    expect(basicAuthPassword(basic(':the-key'))).toBe('the-key');
    expect(basicAuthPassword(basic('op:a:b'))).toBe('a:b');
    expect(basicAuthPassword(`basic ${Buffer.from('op:ç-key').toString('base64')}`)).toBe('ç-key');
  });

  it('is null without a Basic header or a colon', () => {
    expect(basicAuthPassword(undefined)).toBeNull();
    expect(basicAuthPassword('Bearer abc')).toBeNull();
    expect(basicAuthPassword('Basic not base64!')).toBeNull();
    expect(basicAuthPassword(basic('no-colon'))).toBeNull();
  });
});
