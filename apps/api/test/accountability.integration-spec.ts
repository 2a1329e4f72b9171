import type { MilestoneStatus, Role } from '@roi/domain';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';
import { makeInitiatives } from './support/plan-factories';

describe('the accountability map', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** An organisation with its owner and, per role asked, one more member. */
  async function organisationWith(roles: Role[] = []) {
    const owner = await signUp(api, { name: 'Maeve Owner' });
    const organisation = await makeOrganisation(owner);
    const base = `/api/v1/organisations/${organisation.id}`;
    const members: TestUser[] = [];
    for (const role of roles) members.push(await addMember(api, owner, organisation.id, role));
    return { owner, base, organisationId: organisation.id, members };
  }

  /** Initiatives with these budgets, all held in both roles by the owner until reassigned. */
  async function initiatives(owner: TestUser, organisationId: string, budgets: string[]) {
    return (await makeInitiatives(owner, organisationId, budgets)).initiatives;
  }

  async function assign(
    owner: TestUser,
    base: string,
    initiativeId: string,
    holders: { accountableUserId?: string; responsibleUserId?: string },
  ) {
    const current = await owner.get(`${base}/initiatives/${initiativeId}`).expect(200);
    return owner
      .patch(`${base}/initiatives/${initiativeId}`)
      .send({ version: current.body.version, ...holders })
      .expect(200);
  }

  async function milestone(
    owner: TestUser,
    base: string,
    initiativeId: string,
    status: MilestoneStatus,
  ) {
    const made = await owner
      .post(`${base}/milestones`)
      .send({
        initiativeId,
        title: `A ${status} milestone`,
        ownerUserId: owner.id,
        dueDate: '2026-06-30',
      })
      .expect(201);
    if (status === 'planned') return;
    await owner
      .patch(`${base}/milestones/${made.body.id}`)
      .send({
        version: made.body.version,
        status,
        ...(status === 'missed' ? { missCategory: 'resources' } : {}),
        ...(status === 'done' ? { doneOn: '2026-01-05' } : {}),
      })
      .expect(200);
  }

  async function removeMember(owner: TestUser, base: string, userId: string) {
    const members = await owner.get(`${base}/members`).expect(200);
    const membership = members.body.find((member: { userId: string }) => member.userId === userId);
    await owner.delete(`${base}/members/${membership.id}`).expect(204);
  }

  it('shows people by initiatives with each one’s load, budgets summed exactly', async () => {
    const { owner, base, organisationId, members } = await organisationWith([
      'program_manager',
      'board_member',
    ]);
    const [manager] = members as [TestUser, TestUser];
    const [first, second] = await initiatives(owner, organisationId, ['0.10', '1000.20']);
    await assign(owner, base, first!.id, { responsibleUserId: manager.id });
    for (const status of ['planned', 'in_progress', 'missed', 'done', 'cancelled'] as const) {
      await milestone(owner, base, first!.id, status);
    }
    await milestone(owner, base, second!.id, 'planned');

    const map = await owner.get(`${base}/accountability-map`).expect(200);
    expect(map.body.currency).toBe('EUR');
    expect(map.body.initiatives).toEqual([
      {
        id: first!.id,
        code: first!.code,
        name: `Initiative ${first!.code}`,
        accountableUserId: owner.id,
        responsibleUserId: manager.id,
        budget: '0.10',
        openMilestones: 3,
        version: 2,
      },
      expect.objectContaining({ id: second!.id, budget: '1000.20', openMilestones: 1 }),
    ]);
    const byId = new Map(
      map.body.people.map((person: { userId: string }) => [person.userId, person]),
    );
    expect(map.body.people).toHaveLength(3);
    expect(byId.get(owner.id)).toEqual({
      userId: owner.id,
      name: 'Maeve Owner',
      role: 'owner',
      external: false,
      accountableFor: [first!.id, second!.id],
      responsibleFor: [second!.id],
      load: { initiatives: 2, openMilestones: 4, budget: '1000.30' },
    });
    expect(byId.get(manager.id)).toMatchObject({
      role: 'program_manager',
      accountableFor: [],
      responsibleFor: [first!.id],
      load: { initiatives: 1, openMilestones: 3, budget: '0.10' },
    });
    expect(byId.get(members[1]!.id)).toMatchObject({
      role: 'board_member',
      load: { initiatives: 0, openMilestones: 0, budget: '0.00' },
    });
    expect(map.body.gaps).toEqual([]);
  });

  it('flags nobody responsible once the responsible person is no longer a member', async () => {
    const { owner, base, organisationId, members } = await organisationWith(['contributor']);
    const [executor] = members as [TestUser];
    const [only] = await initiatives(owner, organisationId, ['100']);
    await assign(owner, base, only!.id, { responsibleUserId: executor.id });
    const before = await owner.get(`${base}/accountability-map`).expect(200);
    expect(before.body.gaps).toEqual([]);

    await removeMember(owner, base, executor.id);
    const after = await owner.get(`${base}/accountability-map`).expect(200);
    expect(after.body.gaps).toEqual([
      {
        kind: 'nobody_responsible',
        initiativeId: only!.id,
        userId: executor.id,
        message: expect.stringContaining('has nobody responsible for execution'),
      },
    ]);
    // Still on the map, so the page can show whose name the initiative carries.
    expect(
      after.body.people.find((person: { userId: string }) => person.userId === executor.id),
    ).toMatchObject({ role: null, responsibleFor: [only!.id] });

    // The gap is closed by naming a member; the one who left cannot be named again.
    const version = (await owner.get(`${base}/initiatives/${only!.id}`).expect(200)).body.version;
    await owner
      .patch(`${base}/initiatives/${only!.id}`)
      .send({ version, responsibleUserId: executor.id })
      .expect(400);
    await assign(owner, base, only!.id, { responsibleUserId: owner.id });
    const closed = await owner.get(`${base}/accountability-map`).expect(200);
    expect(closed.body.gaps).toEqual([]);
    expect(
      closed.body.people.some((person: { userId: string }) => person.userId === executor.id),
    ).toBe(false);
  });

  it('flags one person holding both roles from the third initiative on', async () => {
    const { owner, base, organisationId, members } = await organisationWith(['executive']);
    const [executive] = members as [TestUser];
    // makeInitiatives gives the owner both roles on each: two are not yet a gap.
    const made = await initiatives(owner, organisationId, ['1', '2', '3']);
    await assign(owner, base, made[2]!.id, { responsibleUserId: executive.id });
    const two = await owner.get(`${base}/accountability-map`).expect(200);
    expect(two.body.gaps).toEqual([]);

    await assign(owner, base, made[2]!.id, { responsibleUserId: owner.id });
    const three = await owner.get(`${base}/accountability-map`).expect(200);
    expect(three.body.gaps).toEqual([
      {
        kind: 'both_roles_on_many',
        userId: owner.id,
        message: expect.stringContaining('both accountable and responsible on 3 initiatives'),
      },
    ]);
  });

  it('flags an outside consultant accountable, and marks them external', async () => {
    const { owner, base, organisationId, members } = await organisationWith([
      'consultant',
      'contributor',
    ]);
    const [consultant, contributor] = members as [TestUser, TestUser];
    const [advised, executed] = await initiatives(owner, organisationId, ['10', '20']);
    await assign(owner, base, advised!.id, {
      accountableUserId: consultant.id,
      responsibleUserId: contributor.id,
    });
    // A consultant responsible for execution is not the gap the brief names.
    await assign(owner, base, executed!.id, { responsibleUserId: consultant.id });

    const map = await owner.get(`${base}/accountability-map`).expect(200);
    expect(map.body.gaps).toEqual([
      {
        kind: 'consultant_accountable',
        initiativeId: advised!.id,
        userId: consultant.id,
        message: expect.stringContaining('outside consultant accountable'),
      },
    ]);
    expect(
      map.body.people.find((person: { userId: string }) => person.userId === consultant.id),
    ).toMatchObject({ role: 'consultant', external: true });
  });

  it('lets a board member read it, and changing a holder keeps refusing a stale version', async () => {
    const { owner, base, organisationId, members } = await organisationWith(['board_member']);
    const [board] = members as [TestUser];
    const [only] = await initiatives(owner, organisationId, ['5']);
    await board.get(`${base}/accountability-map`).expect(200);
    await board
      .patch(`${base}/initiatives/${only!.id}`)
      .send({ version: 1, responsibleUserId: owner.id })
      .expect(403);

    await owner
      .patch(`${base}/initiatives/${only!.id}`)
      .send({ version: 1, name: 'Renamed' })
      .expect(200);
    const stale = await owner
      .patch(`${base}/initiatives/${only!.id}`)
      .send({ version: 1, responsibleUserId: owner.id })
      .expect(409);
    expect(stale.body.current).toMatchObject({ id: only!.id, version: 2 });
  });

  it('answers 404 for another organisation, as for one that does not exist', async () => {
    const { base } = await organisationWith();
    const stranger = await signUp(api);
    await makeOrganisation(stranger);
    const refused = await stranger.get(`${base}/accountability-map`).expect(404);
    expect(refused.body).not.toHaveProperty('people');
  });
});
