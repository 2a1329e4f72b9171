import { QueryFailedError } from 'typeorm';
import { serializeError, withoutPathTokens } from './logger';

describe('serializeError', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
  const failed = () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email)=(ada@example.org) already exists.',
      where: `unnamed portal parameter $2 = '${hash}'`,
    });
    return new QueryFailedError(
      'INSERT INTO users VALUES ($1, $2)',
      ['ada@example.org', hash],
      driverError,
    );
  };

  it('keeps what names a failed statement and drops its values', () => {
    const text = JSON.stringify(serializeError(failed()));
    expect(text).toContain('duplicate key value');
    expect(text).toContain('INSERT INTO users');
    expect(text).not.toContain(hash);
    expect(text).not.toContain('ada@example.org');
  });

  it('also cleans an error pino-http has already serialized', () => {
    const preSerialized = { ...failed(), message: 'invalid input syntax for type uuid: "secret"' };
    const text = JSON.stringify(serializeError(preSerialized));
    expect(text).not.toContain(hash);
    expect(text).not.toContain('secret');
  });
});

describe('withoutPathTokens', () => {
  it('keeps the route of a link and drops its token', () => {
    expect(withoutPathTokens('/api/v1/response-links/abc123/submit?x=1')).toBe(
      '/api/v1/response-links/[Redacted]/submit?x=1',
    );
    expect(withoutPathTokens('/api/v1/invitations/abc123')).toBe('/api/v1/invitations/[Redacted]');
  });
});
