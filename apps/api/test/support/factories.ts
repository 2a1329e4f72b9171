import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import type { Role } from '@roi/domain';
import type { TestApp } from './harness';

const unique = () => randomBytes(4).toString('hex');

export const TEST_PASSWORD = 'a long enough password';

/** A valid organisation body; each call gets a unique name so tests never collide. */
export function organisationInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Harbour Credit Union ${unique()}`,
    currency: 'EUR',
    fiscalYearStartMonth: 1,
    timeZone: 'Europe/Dublin',
    locale: 'en-IE',
    ...overrides,
  };
}

export interface OrganisationBody {
  id: string;
  name: string;
  version: number;
  [field: string]: unknown;
}

/**
 * A signed-in person: an agent that keeps the session cookie and sends the CSRF token with every
 * change, as the web app does.
 */
export class TestUser {
  constructor(
    readonly agent: ReturnType<typeof supertest.agent>,
    readonly csrfToken: string,
    readonly id: string,
    readonly email: string,
  ) {}

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string) {
    return this.agent.post(path).set('X-CSRF-Token', this.csrfToken);
  }
  patch(path: string) {
    return this.agent.patch(path).set('X-CSRF-Token', this.csrfToken);
  }
  put(path: string) {
    return this.agent.put(path).set('X-CSRF-Token', this.csrfToken);
  }
  delete(path: string) {
    return this.agent.delete(path).set('X-CSRF-Token', this.csrfToken);
  }
}

export async function signUp(
  api: TestApp,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const agent = supertest.agent(api.app.getHttpServer());
  const email = overrides.email ?? `person-${unique()}@example.org`;
  const response = await agent.post('/api/v1/auth/sign-up').send({
    email,
    name: overrides.name ?? 'Ada Lovelace',
    password: overrides.password ?? TEST_PASSWORD,
  });
  if (response.status !== 201) {
    throw new Error(`signUp: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return new TestUser(agent, response.body.csrfToken, response.body.user.id, email.toLowerCase());
}

export async function makeOrganisation(
  owner: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<OrganisationBody> {
  const response = await owner.post('/api/v1/organisations').send(organisationInput(overrides));
  if (response.status !== 201) {
    throw new Error(`makeOrganisation: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as OrganisationBody;
}

/** Adds a new person to the organisation with a role, through an invitation as a user would. */
export async function addMember(
  api: TestApp,
  owner: TestUser,
  organisationId: string,
  role: Role,
): Promise<TestUser> {
  const member = await signUp(api);
  const invited = await owner
    .post(`/api/v1/organisations/${organisationId}/invitations`)
    .send({ email: member.email, role });
  if (invited.status !== 201) {
    throw new Error(`addMember: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const token = await invitationToken(api, organisationId, member.email);
  const accepted = await member.post(`/api/v1/invitations/${token}/accept`);
  if (accepted.status !== 200) {
    throw new Error(`addMember accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return member;
}

/** The token of the newest invitation mailed to `email`, read from the outbox like a person would. */
export async function invitationToken(
  api: TestApp,
  organisationId: string,
  email: string,
): Promise<string> {
  const [message] = await api.sql<{ body: string }>(
    `SELECT body FROM outbox_messages WHERE organisation_id = $1 AND recipient = $2
      ORDER BY created_at DESC LIMIT 1`,
    [organisationId, email],
  );
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(message?.body ?? '')?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}
