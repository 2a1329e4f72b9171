import {
  addMember,
  invitationToken,
  makeOrganisation,
  signUp,
  type TestUser,
} from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

describe('members and invitations', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api);
    organisationId = (await makeOrganisation(owner, { name: 'Westmoor Rugby Club' })).id;
  });
  afterAll(() => api.close());

  const base = () => `/api/v1/organisations/${organisationId}`;
  const membershipOf = async (userId: string) => {
    const { body } = await owner.get(`${base()}/members`).expect(200);
    return (body as { id: string; userId: string; role: string; version: number }[]).find(
      (member) => member.userId === userId,
    );
  };

  it('mails an invitation link that the invited person accepts, joining with the invited role', async () => {
    const invitee = await signUp(api, { email: 'Tom.Achebe@Example.org' });
    const invited = await owner
      .post(`${base()}/invitations`)
      .send({ email: 'tom.achebe@example.org', role: 'program_manager' })
      .expect(201);
    expect(invited.body).toMatchObject({ status: 'pending', role: 'program_manager' });
    expect(JSON.stringify(invited.body)).not.toMatch(/token/i);

    const outbox = await owner.get(`${base()}/outbox`).expect(200);
    expect(outbox.body[0]).toMatchObject({
      recipient: 'tom.achebe@example.org',
      subject: expect.stringContaining('Westmoor Rugby Club'),
    });
    const token = await invitationToken(api, organisationId, invitee.email);

    const preview = await api.http.get(`/api/v1/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({
      organisationName: 'Westmoor Rugby Club',
      role: 'program_manager',
      status: 'pending',
    });

    const accepted = await invitee.post(`/api/v1/invitations/${token}/accept`).expect(200);
    expect(accepted.body).toEqual({ organisationId, role: 'program_manager' });
    const me = await invitee.get('/api/v1/auth/me').expect(200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ organisationId, role: 'program_manager' }),
    ]);

    // Used once: the same link now answers 410 Gone.
    const reused = await invitee.post(`/api/v1/invitations/${token}/accept`).expect(410);
    expect(reused.body.detail).toMatch(/already been used/);
  });

  it('refuses an expired or revoked invitation, and one meant for someone else', async () => {
    const late = await signUp(api);
    await owner
      .post(`${base()}/invitations`)
      .send({ email: late.email, role: 'contributor' })
      .expect(201);
    await api.sql(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      [late.email],
    );
    const lateToken = await invitationToken(api, organisationId, late.email);
    await late.post(`/api/v1/invitations/${lateToken}/accept`).expect(410);

    const revokedFor = await signUp(api);
    const invitation = await owner
      .post(`${base()}/invitations`)
      .send({ email: revokedFor.email, role: 'contributor' })
      .expect(201);
    await owner.post(`${base()}/invitations/${invitation.body.id}/revoke`).expect(200);
    const revokedToken = await invitationToken(api, organisationId, revokedFor.email);
    await revokedFor.post(`/api/v1/invitations/${revokedToken}/accept`).expect(410);

    const intended = await signUp(api);
    const interloper = await signUp(api);
    await owner
      .post(`${base()}/invitations`)
      .send({ email: intended.email, role: 'executive' })
      .expect(201);
    const token = await invitationToken(api, organisationId, intended.email);
    await interloper.post(`/api/v1/invitations/${token}/accept`).expect(403);
    expect(await membershipOf(interloper.id)).toBeUndefined();
  });

  it('resends with a new link, the old one no longer working', async () => {
    const person = await signUp(api);
    const invitation = await owner
      .post(`${base()}/invitations`)
      .send({ email: person.email, role: 'contributor' })
      .expect(201);
    const first = await invitationToken(api, organisationId, person.email);
    await owner.post(`${base()}/invitations/${invitation.body.id}/resend`).expect(200);
    const second = await invitationToken(api, organisationId, person.email);
    expect(second).not.toBe(first);
    await api.http.get(`/api/v1/invitations/${first}`).expect(404);
    await person.post(`/api/v1/invitations/${second}/accept`).expect(200);
  });

  it('refuses to invite someone twice or a member again', async () => {
    const person = await signUp(api);
    await owner
      .post(`${base()}/invitations`)
      .send({ email: person.email, role: 'contributor' })
      .expect(201);
    await owner
      .post(`${base()}/invitations`)
      .send({ email: person.email, role: 'contributor' })
      .expect(409);
    await owner
      .post(`${base()}/invitations`)
      .send({ email: owner.email, role: 'contributor' })
      .expect(409);
  });

  it('keeps the last owner: no demotion, removal or leaving', async () => {
    const own = await membershipOf(owner.id);
    const demote = await owner
      .patch(`${base()}/members/${own!.id}`)
      .send({ role: 'executive', version: own!.version })
      .expect(409);
    expect(demote.body.title).toBe('The last owner must stay');
    await owner.delete(`${base()}/members/${own!.id}`).expect(409);
    await owner.post(`${base()}/leave`).expect(409);

    const second = await addMember(api, owner, organisationId, 'owner');
    const mine = await membershipOf(owner.id);
    await second
      .patch(`${base()}/members/${mine!.id}`)
      .send({ role: 'executive', version: mine!.version })
      .expect(200);
    const theirs = await membershipOf(second.id);
    await second
      .patch(`${base()}/members/${theirs!.id}`)
      .send({ role: 'executive', version: theirs!.version })
      .expect(409);
    // Restore, for the other tests of this file.
    const demoted = await membershipOf(owner.id);
    await second
      .patch(`${base()}/members/${demoted!.id}`)
      .send({ role: 'owner', version: demoted!.version })
      .expect(200);
  });

  it('lets an executive manage members but not make, change or remove owners', async () => {
    const executive = await addMember(api, owner, organisationId, 'executive');
    const contributor = await addMember(api, owner, organisationId, 'contributor');
    const target = await membershipOf(contributor.id);
    await executive
      .patch(`${base()}/members/${target!.id}`)
      .send({ role: 'owner', version: target!.version })
      .expect(403);
    const changed = await executive
      .patch(`${base()}/members/${target!.id}`)
      .send({ role: 'board_member', version: target!.version })
      .expect(200);
    expect(changed.body).toMatchObject({ role: 'board_member', version: target!.version + 1 });
    await executive
      .patch(`${base()}/members/${target!.id}`)
      .send({ role: 'contributor', version: target!.version })
      .expect(409);
    const ownerMembership = await membershipOf(owner.id);
    await executive.delete(`${base()}/members/${ownerMembership!.id}`).expect(403);
    await executive
      .post(`${base()}/invitations`)
      .send({ email: 'new-owner@example.org', role: 'owner' })
      .expect(403);
    await executive.delete(`${base()}/members/${target!.id}`).expect(204);
    await contributor.get(`/api/v1/organisations/${organisationId}`).expect(404);
  });

  it('lets a member leave', async () => {
    const member = await addMember(api, owner, organisationId, 'contributor');
    await member.post(`${base()}/leave`).expect(204);
    await member.get(`/api/v1/organisations/${organisationId}`).expect(404);
  });
});
