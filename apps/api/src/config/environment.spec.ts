import { InvalidEnvironmentError, trustProxySetting, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies defaults to an empty environment', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.data',
      SEED_DEMO: true,
      LOG_LEVEL: 'info',
    });
  });

  it('reads numbers and booleans from strings', () => {
    expect(validateEnvironment({ PORT: '8080', SEED_DEMO: 'false' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
    });
  });

  it('names every wrong variable in one error', () => {
    expect(() =>
      validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    ).toThrow(InvalidEnvironmentError);
    try {
      validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT="eighty"|PORT=null/);
      expect(message).toMatch(/DATABASE_URL="mysql:\/\/x": must be a postgres:\/\/ connection URL/);
      expect(message).toMatch(/LOG_LEVEL="loud"/);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('takes a hop count or a list of addresses, subnets and named ranges', () => {
    expect(trustProxySetting(validateEnvironment({ TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(
      trustProxySetting(
        validateEnvironment({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).TRUST_PROXY,
      ),
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(trustProxySetting(validateEnvironment({}).TRUST_PROXY)).toBe(false);
  });

  it('refuses true and anything else Express would read as believing every proxy', () => {
    for (const value of ['true', 'yes', 'anyone', '10.0.0.0/8; rm']) {
      expect(() => validateEnvironment({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });
});
