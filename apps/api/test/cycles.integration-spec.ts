import { STEP_EXIT_CRITERIA } from '@roi/domain';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

interface Step {
  id: string;
  key: string;
  status: string;
  version: number;
  progress: number | null;
  canSignOff: boolean;
  blockers: string[];
  criteria: { id: string; text: string; done: boolean; version: number }[];
}

describe('strategy cycles and their roadmap', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;
  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Lonergan' });
    organisationId = (await makeOrganisation(owner)).id;
    base = `/api/v1/organisations/${organisationId}/cycles`;
  });
  afterAll(() => api.close());

  const createCycle = async (body: Record<string, unknown> = {}) =>
    (
      await owner
        .post(base)
        .send({
          name: 'FY2027 social strategy',
          startsOn: '2026-04-01',
          endsOn: '2027-03-31',
          ...body,
        })
        .expect(201)
    ).body as { id: string; steps: Step[] };
  const stepOf = (cycle: { steps: Step[] }, key: string) =>
    cycle.steps.find((step) => step.key === key)!;

  it('starts a cycle with the six steps of the brief, each with its exit criteria', async () => {
    const cycle = await createCycle();
    expect(cycle).toMatchObject({
      name: 'FY2027 social strategy',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
    });
    expect(cycle.steps.map((step) => step.key)).toEqual([
      'assess',
      'envision',
      'plan',
      'organise',
      'execute',
      'measure',
    ]);
    const assess = stepOf(cycle, 'assess');
    expect(assess).toMatchObject({ status: 'not_started', progress: 0, canSignOff: false });
    expect(assess.criteria.map((criterion) => criterion.text)).toEqual(STEP_EXIT_CRITERIA.assess);
    expect(assess.blockers).toEqual(STEP_EXIT_CRITERIA.assess);
    const listed = await owner.get(base).expect(200);
    expect(listed.body.map((item: { id: string }) => item.id)).toContain(cycle.id);
  });

  it('refuses a period that ends before it starts, or a date that does not exist', async () => {
    const backwards = await owner
      .post(base)
      .send({ name: 'X', startsOn: '2027-01-01', endsOn: '2026-12-31' })
      .expect(400);
    expect(backwards.body.errors).toEqual([
      { field: 'endsOn', reason: 'must be on or after startsOn' },
    ]);
    const impossible = await owner
      .post(base)
      .send({ name: 'X', startsOn: '2027-02-29', endsOn: '2027-12-31' })
      .expect(400);
    expect(impossible.body.errors).toEqual([
      { field: 'startsOn', reason: 'must be a date written YYYY-MM-DD' },
    ]);
  });

  it('signs a step off only when every exit criterion is met, and then freezes it', async () => {
    let cycle = await createCycle();
    let envision = stepOf(cycle, 'envision');
    const early = await owner
      .post(`${base}/${cycle.id}/steps/${envision.id}/sign-off`)
      .send({ version: envision.version })
      .expect(422);
    expect(early.body.title).toBe('Exit criteria not met');

    for (const criterion of envision.criteria) {
      cycle = (
        await owner
          .patch(`${base}/${cycle.id}/steps/${envision.id}/criteria/${criterion.id}`)
          .send({ done: true, version: criterion.version })
          .expect(200)
      ).body;
    }
    envision = stepOf(cycle, 'envision');
    expect(envision).toMatchObject({ progress: 1, canSignOff: true });
    cycle = (
      await owner
        .post(`${base}/${cycle.id}/steps/${envision.id}/sign-off`)
        .send({ version: envision.version })
        .expect(200)
    ).body;
    envision = stepOf(cycle, 'envision');
    expect(envision).toMatchObject({ status: 'done', blockers: [] });

    await owner
      .post(`${base}/${cycle.id}/steps/${envision.id}/criteria`)
      .send({ text: 'One more thing' })
      .expect(409);
    await owner
      .patch(`${base}/${cycle.id}/steps/${envision.id}`)
      .send({ status: 'in_progress', version: envision.version })
      .expect(409);
  });

  it('reopens a signed-off step only with a reason, which the audit log keeps', async () => {
    let cycle = await createCycle();
    let organise = stepOf(cycle, 'organise');
    for (const criterion of organise.criteria) {
      cycle = (
        await owner
          .patch(`${base}/${cycle.id}/steps/${organise.id}/criteria/${criterion.id}`)
          .send({ done: true, version: criterion.version })
          .expect(200)
      ).body;
    }
    organise = stepOf(cycle, 'organise');
    cycle = (
      await owner
        .post(`${base}/${cycle.id}/steps/${organise.id}/sign-off`)
        .send({ version: organise.version })
        .expect(200)
    ).body;
    organise = stepOf(cycle, 'organise');
    const withoutReason = await owner
      .post(`${base}/${cycle.id}/steps/${organise.id}/reopen`)
      .send({ reason: ' ', version: organise.version })
      .expect(400);
    expect(withoutReason.body.errors).toEqual([{ field: 'reason', reason: 'should not be empty' }]);
    cycle = (
      await owner
        .post(`${base}/${cycle.id}/steps/${organise.id}/reopen`)
        .send({
          reason: 'The board asked for a named owner per channel',
          version: organise.version,
        })
        .expect(200)
    ).body;
    expect(stepOf(cycle, 'organise')).toMatchObject({
      status: 'in_progress',
      reopenReason: 'The board asked for a named owner per channel',
    });
    const log = await owner
      .get(
        `/api/v1/organisations/${organisationId}/audit-log?entityType=cycle_step&entityId=${organise.id}`,
      )
      .expect(200);
    expect(log.body.items[0]).toMatchObject({
      actorName: 'Maeve Lonergan',
      changes: {
        status: { before: 'done', after: 'in_progress' },
        reopenReason: { before: null, after: 'The board asked for a named owner per channel' },
      },
    });
  });

  it('carries unmet criteria over to a cycle started from the previous one', async () => {
    let previous = await createCycle({ name: 'FY2026' });
    const plan = stepOf(previous, 'plan');
    previous = (
      await owner
        .post(`${base}/${previous.id}/steps/${plan.id}/criteria`)
        .send({ text: 'Agree the paid promotion budget with finance' })
        .expect(201)
    ).body;
    const next = await createCycle({ name: 'FY2027', previousCycleId: previous.id });
    expect(stepOf(next, 'plan').criteria.map((criterion) => criterion.text)).toEqual([
      ...STEP_EXIT_CRITERIA.plan,
      'Agree the paid promotion budget with finance',
    ]);
  });

  it('gives a step an owner from the organisation only, and keeps other organisations out', async () => {
    const cycle = await createCycle();
    const assess = stepOf(cycle, 'assess');
    const stranger = await signUp(api);
    await owner
      .patch(`${base}/${cycle.id}/steps/${assess.id}`)
      .send({ ownerUserId: stranger.id, version: assess.version })
      .expect(404);
    const updated = await owner
      .patch(`${base}/${cycle.id}/steps/${assess.id}`)
      .send({
        ownerUserId: owner.id,
        status: 'in_progress',
        plannedStart: '2026-04-01',
        plannedEnd: '2026-05-15',
        version: assess.version,
      })
      .expect(200);
    expect(stepOf(updated.body, 'assess')).toMatchObject({
      status: 'in_progress',
      ownerName: 'Maeve Lonergan',
      plannedEnd: '2026-05-15',
    });
    await owner
      .patch(`${base}/${cycle.id}/steps/${assess.id}`)
      .send({ status: 'not_started', version: assess.version })
      .expect(409);

    const theirOrganisation = (await makeOrganisation(stranger)).id;
    await stranger.get(`/api/v1/organisations/${theirOrganisation}/cycles/${cycle.id}`).expect(404);
    await stranger.get(`${base}/${cycle.id}`).expect(404);
  });

  it('lets a program manager run the steps but not sign them off', async () => {
    const manager = await addMember(api, owner, organisationId, 'program_manager');
    const cycle = (
      await manager
        .post(base)
        .send({ name: 'Run by the PMO', startsOn: '2026-04-01', endsOn: '2027-03-31' })
        .expect(201)
    ).body;
    const execute = stepOf(cycle, 'execute');
    await manager
      .post(`${base}/${cycle.id}/steps/${execute.id}/sign-off`)
      .send({ version: execute.version })
      .expect(403);
  });
});
