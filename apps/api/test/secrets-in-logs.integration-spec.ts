import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../src/common/access/access-rule.decorator';
import { UserEntity } from '../src/modules/accounts/user.entity';
import { ApiKeyEntity } from '../src/modules/api-keys/api-key.entity';
import { makeOrganisation, signUp, TEST_PASSWORD } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

// Issue 11, "Secrets stay out of logs": a failed write used to log every parameter of its
// statement. These secrets are written by failing statements and sent in requests; the log of the
// whole run, at its most verbose level, must hold none of them.
const ARGON2_HASH = `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(16).toString('base64')}`;
const API_KEY_HASH = createHash('sha256').update(randomBytes(32)).digest('hex');
const LINK_TOKEN_HASH = createHash('sha256').update(randomBytes(32)).digest('hex');
const SECRET_EMAIL = `secret-${randomBytes(4).toString('hex')}@example.org`;

@Public()
@Controller('failing-writes')
class FailingWritesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The same email twice: the second INSERT fails on the unique index. */
  @Post('user')
  @HttpCode(201)
  async user() {
    const users = this.dataSource.getRepository(UserEntity);
    const user = { email: SECRET_EMAIL, name: 'Twice', passwordHash: ARGON2_HASH };
    await users.insert(user);
    await users.insert(user);
  }

  /** An API key of an organisation that does not exist. */
  @Post('api-key')
  async apiKey() {
    await this.dataSource.getRepository(ApiKeyEntity).insert({
      organisationId: '00000000-0000-4000-8000-000000000000',
      name: 'Failing key',
      role: 'executive',
      prefix: 'roi_0000',
      keyHash: API_KEY_HASH,
    });
  }

  /** A response link's token hash in a statement that fails. */
  @Post('response-link')
  async responseLink() {
    await this.dataSource.query(
      'INSERT INTO assessment_respondents (token_hash, organisation_id) VALUES ($1, $2)',
      [LINK_TOKEN_HASH, '00000000-0000-4000-8000-000000000000'],
    );
  }
}

@Module({ controllers: [FailingWritesController] })
class FailingWritesModule {}

let api: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  api = await startTestApp({
    imports: [FailingWritesModule],
    log: { level: 'trace', destination: { write: (line: string) => void lines.push(line) } },
  });
});
afterAll(() => api.close());

describe('secrets in logs', () => {
  it('logs failed writes, requests and credentials without a hash, token, password or cookie', async () => {
    for (const path of ['user', 'api-key', 'response-link']) {
      const response = await api.http.post(`/api/v1/failing-writes/${path}`);
      expect(response.status).toBe(500);
    }

    const password = `correct horse ${randomBytes(6).toString('hex')}`;
    const owner = await signUp(api, { password });
    const organisation = await makeOrganisation(owner);
    const signIn = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ email: owner.email, password });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers['set-cookie']);
    const sessionToken = /roi_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(sessionToken.length).toBeGreaterThan(20);
    await api.http
      .post('/api/v1/auth/sign-in')
      .send({ email: owner.email, password: `${TEST_PASSWORD} wrong` })
      .expect(401);

    const key = await owner
      .post(`/api/v1/organisations/${organisation.id}/api-keys`)
      .send({ name: 'Reporting', role: 'executive' });
    expect(key.status).toBe(201);
    const bearer: string = key.body.key;
    await api.http
      .get(`/api/v1/organisations/${organisation.id}`)
      .set('Authorization', `Bearer ${bearer}`)
      .expect(200);
    await api.http
      .get('/api/v1/auth/me')
      .set('Cookie', `roi_session=${sessionToken}`)
      .set('X-CSRF-Token', owner.csrfToken)
      .expect(200);
    const linkToken = randomBytes(32).toString('base64url');
    await api.http.get(`/api/v1/response-links/${linkToken}`);
    await api.http.get(`/api/v1/invitations/${linkToken}`);
    await api.http.get(`/api/v1/shared/board-packs/${linkToken}`).expect(404);
    await api.http.get(`/api/v1/shared/board-packs/${linkToken}/pack.pdf`).expect(404);
    await api.http.get(`/respond/${linkToken}`);
    await api.http.get(`/shared/board-packs/${linkToken}`);
    // The development mail transport: an invitation's mail holds its link.
    const invitee = `invitee-${randomBytes(4).toString('hex')}@example.org`;
    await owner
      .post(`/api/v1/organisations/${organisation.id}/invitations`)
      .send({ email: invitee, role: 'contributor' })
      .expect(201);
    const [mail] = await api.sql<{ body: string }>(
      `SELECT body FROM outbox_messages WHERE recipient = $1`,
      [invitee],
    );
    const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
    expect(invitationToken.length).toBeGreaterThan(20);

    const log = lines.join('');
    expect(log).toContain('request failed with an unexpected error');
    expect(log).toContain('INSERT INTO');
    expect(log).toContain('development transport');
    for (const secret of [
      ARGON2_HASH,
      API_KEY_HASH,
      LINK_TOKEN_HASH,
      SECRET_EMAIL,
      password,
      sessionToken,
      bearer,
      owner.csrfToken,
      linkToken,
      invitationToken,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('$argon2id$');
  });
});
