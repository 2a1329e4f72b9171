import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

describe('the guiding plan', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Owner' });
    organisationId = (await makeOrganisation(owner)).id;
    base = `/api/v1/organisations/${organisationId}`;
  });
  afterAll(() => api.close());

  let codes = 0;
  const code = (prefix: string) => `${prefix}-${++codes}`;

  async function outcome(overrides: Record<string, unknown> = {}) {
    const response = await owner
      .post(`${base}/outcomes`)
      .send({ title: 'Grow renewals', kind: 'revenue', ownerUserId: owner.id, ...overrides })
      .expect(201);
    return response.body as { id: string; version: number };
  }
  async function objective(outcomeId: string, overrides: Record<string, unknown> = {}) {
    const response = await owner
      .post(`${base}/objectives`)
      .send({ outcomeId, title: 'Answer members within a day', findingIds: [], ...overrides })
      .expect(201);
    return response.body as { id: string; version: number; title: string };
  }
  const kpiInput = (objectiveId: string, overrides: Record<string, unknown> = {}) => ({
    objectiveId,
    code: code('K'),
    name: 'Renewal rate',
    unit: '%',
    direction: 'increase',
    baselineValue: 60,
    baselineDate: '2026-01-01',
    targetValue: 70,
    targetDate: '2026-12-31',
    ...overrides,
  });
  async function kpi(objectiveId: string, overrides: Record<string, unknown> = {}) {
    const response = await owner
      .post(`${base}/kpis`)
      .send(kpiInput(objectiveId, overrides))
      .expect(201);
    return response.body as { id: string; version: number; code: string };
  }
  const initiativeInput = (objectiveIds: string[], overrides: Record<string, unknown> = {}) => ({
    code: code('I'),
    name: 'Ask a bookseller',
    objectiveIds,
    budget: '12500.50',
    accountableUserId: owner.id,
    responsibleUserId: owner.id,
    channels: ['Instagram', 'Newsletter'],
    ...overrides,
  });

  describe('the strategy map contract', () => {
    it('builds outcome → objective → KPI → initiative with the fields scripts rely on', async () => {
      const manager = await addMember(api, owner, organisationId, 'program_manager');
      const revenue = await outcome({ kind: 'retention', ownerUserId: manager.id });
      expect(revenue).toMatchObject({ kind: 'retention', ownerUserId: manager.id, version: 1 });
      const goal = await objective(revenue.id);
      const rate = (
        await owner
          .post(`${base}/kpis`)
          .send(kpiInput(goal.id, { code: 'K-RENEW', baselineValue: 61.5, targetValue: 70.25 }))
          .expect(201)
      ).body;
      expect(rate).toMatchObject({
        code: 'K-RENEW',
        baselineValue: 61.5,
        targetValue: 70.25,
        baselineDate: '2026-01-01',
        status: 'no_data',
        progress: null,
      });
      expect(typeof rate.expectedProgress).toBe('number');
      const initiative = (
        await owner
          .post(`${base}/initiatives`)
          .send(initiativeInput([goal.id], { responsibleUserId: manager.id }))
          .expect(201)
      ).body;
      expect(initiative).toMatchObject({
        budget: '12500.5000',
        objectiveIds: [goal.id],
        accountableName: 'Maeve Owner',
        responsibleUserId: manager.id,
        channels: ['Instagram', 'Newsletter'],
      });
      const listed = (await owner.get(`${base}/initiatives?objectiveId=${goal.id}`)).body;
      expect(listed.map((item: { id: string }) => item.id)).toEqual([initiative.id]);
    });

    it('refuses a taken code, a non-member owner, a float budget and a KPI pointing the wrong way', async () => {
      const goal = await objective((await outcome()).id);
      await kpi(goal.id, { code: 'K-DUP' });
      const taken = await owner.post(`${base}/kpis`).send(kpiInput(goal.id, { code: 'K-DUP' }));
      expect(taken.status).toBe(409);
      expect(taken.body.errors).toEqual([
        { field: 'code', reason: 'is already used by another KPI' },
      ]);
      const stranger = await signUp(api);
      const notMember = await owner
        .post(`${base}/outcomes`)
        .send({ title: 'x', kind: 'talent', ownerUserId: stranger.id })
        .expect(400);
      expect(notMember.body.errors[0].field).toBe('ownerUserId');
      const float = await owner
        .post(`${base}/initiatives`)
        .send(initiativeInput([goal.id], { budget: 12500.5 }))
        .expect(400);
      expect(float.body.errors[0].field).toBe('budget');
      const backwards = await owner
        .post(`${base}/kpis`)
        .send(kpiInput(goal.id, { direction: 'increase', baselineValue: 70, targetValue: 60 }))
        .expect(400);
      expect(backwards.body.errors[0].field).toBe('targetValue');
      const experiment = await owner
        .post(`${base}/initiatives`)
        .send(initiativeInput([goal.id], { isExperiment: true }))
        .expect(400);
      expect(experiment.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'hypothesis',
        'decisionDate',
      ]);
    });

    it('lets objectives cite findings of the organisation’s own assessments only', async () => {
      const [finding] = await api.sql<{ id: string }>(
        `WITH c AS (INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
                    VALUES ($1, 'FY', '2026-01-01', '2026-12-31') RETURNING id),
              a AS (INSERT INTO assessments (organisation_id, cycle_id, template_id, title)
                    SELECT $1, c.id, t.id, 'Pulse' FROM c, assessment_templates t
                     WHERE t.key = 'leadership-pulse' RETURNING id)
         INSERT INTO findings (organisation_id, assessment_id, title, severity)
         SELECT $1, a.id, 'Leaders overrate social', 'high' FROM a RETURNING id`,
        [organisationId],
      );
      const goal = await objective((await outcome()).id, { findingIds: [finding!.id] });
      const read = (await owner.get(`${base}/objectives/${goal.id}`)).body;
      expect(read.findings).toEqual([
        expect.objectContaining({ id: finding!.id, title: 'Leaders overrate social' }),
      ]);
      const other = await signUp(api);
      const theirs = (await makeOrganisation(other)).id;
      const theirOutcome = (
        await other
          .post(`/api/v1/organisations/${theirs}/outcomes`)
          .send({ title: 't', kind: 'other', ownerUserId: other.id })
          .expect(201)
      ).body;
      const refused = await other
        .post(`/api/v1/organisations/${theirs}/objectives`)
        .send({ outcomeId: theirOutcome.id, title: 'Steal', findingIds: [finding!.id] })
        .expect(400);
      expect(refused.body.errors[0]).toEqual({
        field: 'findingIds.0',
        reason: 'is not a finding of this organisation',
      });
    });
  });

  describe('KPI status, exactly as the brief defines it', () => {
    // Baseline 2026-01-01, target 2026-12-31 is 364 days; on 2026-07-02 (182 days) expected = 0.5.
    const at = '2026-07-02';
    const statusWith = async (direction: 'increase' | 'decrease', value: number) => {
      const goal = await objective((await outcome()).id);
      const created = await kpi(goal.id, {
        direction,
        baselineValue: direction === 'increase' ? 100 : 200,
        targetValue: direction === 'increase' ? 200 : 100,
      });
      await owner
        .post(`${base}/kpis/${created.id}/measurements`)
        .send({ date: '2026-06-30', value })
        .expect(201);
      await owner
        .post(`${base}/kpis/${created.id}/measurements`)
        .send({ date: '2026-08-01', value: direction === 'increase' ? 1000 : -1000 })
        .expect(201);
      return (await owner.get(`${base}/kpis/${created.id}?asOf=${at}`).expect(200)).body;
    };

    it.each([
      ['increase', 140, 'on_track', 0.4],
      ['increase', 139.99, 'at_risk', 0.3999],
      ['increase', 125, 'at_risk', 0.25],
      ['increase', 124.99, 'off_track', 0.2499],
      ['decrease', 160, 'on_track', 0.4],
      ['decrease', 160.01, 'at_risk', 0.3999],
      ['decrease', 175, 'at_risk', 0.25],
      ['decrease', 175.01, 'off_track', 0.2499],
    ] as const)('%s KPI measured at %d is %s', async (direction, value, status, progress) => {
      const read = await statusWith(direction, value);
      expect(read).toMatchObject({ status, asOf: at, expectedProgress: 0.5, current: value });
      expect(read.progress).toBeCloseTo(progress, 10);
    });

    it('has no data before its first measurement, and ignores measurements after asOf', async () => {
      const goal = await objective((await outcome()).id);
      const created = await kpi(goal.id);
      await owner
        .post(`${base}/kpis/${created.id}/measurements`)
        .send({ date: '2026-03-01', value: 65 })
        .expect(201);
      const before = (await owner.get(`${base}/kpis/${created.id}?asOf=2026-02-01`)).body;
      expect(before).toMatchObject({ status: 'no_data', current: null });
      const after = (await owner.get(`${base}/kpis/${created.id}?asOf=2027-06-01`)).body;
      expect(after).toMatchObject({ expectedProgress: 1, current: 65, progress: 0.5 });
      const twice = await owner
        .post(`${base}/kpis/${created.id}/measurements`)
        .send({ date: '2026-03-01', value: 66 })
        .expect(409);
      expect(twice.body.errors[0].field).toBe('date');
      await owner.get(`${base}/kpis/${created.id}?asOf=2026-02-30`).expect(400);
    });
  });

  describe('working together', () => {
    it('answers a stale version with 409 and the current record, and changes nothing', async () => {
      const goal = await objective((await outcome()).id);
      const first = await owner
        .patch(`${base}/objectives/${goal.id}`)
        .send({ version: 1, title: 'Answer members within four hours' })
        .expect(200);
      expect(first.body.version).toBe(2);
      const stale = await owner
        .patch(`${base}/objectives/${goal.id}`)
        .send({ version: 1, title: 'A late overwrite' })
        .expect(409);
      expect(stale.body.current).toMatchObject({
        title: 'Answer members within four hours',
        version: 2,
      });
      const read = (await owner.get(`${base}/objectives/${goal.id}`)).body;
      expect(read.title).toBe('Answer members within four hours');
    });

    it('refuses deleting what others depend on unless the cascade is confirmed', async () => {
      const parent = await outcome({ title: 'Parent outcome' });
      const goal = await objective(parent.id);
      const measured = await kpi(goal.id);
      await owner
        .post(`${base}/kpis/${measured.id}/measurements`)
        .send({ date: '2026-02-01', value: 61 })
        .expect(201);
      const refused = await owner.delete(`${base}/outcomes/${parent.id}`).expect(409);
      expect(refused.body.detail).toContain('1 objective');
      await owner.delete(`${base}/kpis/${measured.id}`).expect(409);
      const sole = await owner
        .post(`${base}/initiatives`)
        .send(initiativeInput([goal.id]))
        .expect(201);
      const serving = await owner.delete(`${base}/objectives/${goal.id}`).expect(409);
      expect(serving.body.detail).toContain('1 initiative serves only');
      await owner.delete(`${base}/initiatives/${sole.body.id}`).expect(204);
      const challenge = (
        await owner
          .post(`${base}/plan-comments`)
          .send({ subjectType: 'kpi', subjectId: measured.id, kind: 'challenge', body: 'Why 70?' })
          .expect(201)
      ).body;
      await owner.delete(`${base}/outcomes/${parent.id}?cascade=true`).expect(204);
      await owner.get(`${base}/kpis/${measured.id}`).expect(404);
      // The challenge went with its KPI: the plan no longer counts it as open.
      const open = (await owner.get(`${base}/plan-comments?open=true`)).body;
      expect(open.map((comment: { id: string }) => comment.id)).not.toContain(challenge.id);
    });

    it('counts open questions and challenges until they are resolved', async () => {
      const target = await outcome();
      const ask = (kind: string) =>
        owner
          .post(`${base}/plan-comments`)
          .send({ subjectType: 'outcome', subjectId: target.id, kind, body: `A ${kind}` })
          .expect(201);
      const challenge = (await ask('challenge')).body;
      await ask('question');
      await ask('comment');
      expect((await owner.get(`${base}/outcomes/${target.id}`)).body.openChallenges).toBe(2);
      // The strategy map counts the same, per outcome and in all.
      const mapped = async () => {
        const map = (await owner.get(`${base}/strategy-map`).expect(200)).body;
        const shown = map.outcomes.find((item: { id: string }) => item.id === target.id);
        const open = (await owner.get(`${base}/plan-comments?open=true`)).body;
        return [shown.openChallenges, map.openChallenges - open.length];
      };
      expect(await mapped()).toEqual([2, 0]);
      await owner
        .patch(`${base}/plan-comments/${challenge.id}`)
        .send({ version: 1, resolved: true, resolution: 'Agreed: halve the target' })
        .expect(200);
      expect((await owner.get(`${base}/outcomes/${target.id}`)).body.openChallenges).toBe(1);
      expect(await mapped()).toEqual([1, 0]);
      const open = (await owner.get(`${base}/plan-comments?open=true`)).body;
      expect(open.map((comment: { kind: string }) => comment.kind)).toEqual(['question']);
    });
  });

  describe('plan versions', () => {
    it('freezes an approved version, compares versions, and keeps later edits in the draft', async () => {
      const executive = await addMember(api, owner, organisationId, 'executive');
      const contributor = await addMember(api, owner, organisationId, 'contributor');
      const target = await outcome({ title: 'Versioned outcome' });
      const submitted = (
        await owner.post(`${base}/plan-versions`).send({ note: 'First plan' }).expect(201)
      ).body;
      expect(submitted).toMatchObject({ status: 'submitted' });
      await owner.post(`${base}/plan-versions`).send({}).expect(409);
      await contributor
        .post(`${base}/plan-versions/${submitted.number}/approve`)
        .send({ version: 1 })
        .expect(403);
      const approved = await executive
        .post(`${base}/plan-versions/${submitted.number}/approve`)
        .send({ version: 1, note: 'Go' })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved' });
      await executive
        .post(`${base}/plan-versions/${submitted.number}/reject`)
        .send({ version: 2 })
        .expect(409);
      // Not even a direct write to the database changes an approved version.
      await expect(
        api.sql(`UPDATE plan_versions SET note = 'tampered' WHERE id = $1`, [submitted.id]),
      ).rejects.toThrow(/approved and frozen/);

      await owner
        .patch(`${base}/outcomes/${target.id}`)
        .send({ version: target.version, title: 'Renamed after approval' })
        .expect(200);
      await outcome({ title: 'Added after approval' });
      const frozen = (await owner.get(`${base}/plan-versions/${submitted.number}`)).body;
      expect(frozen.snapshot.outcome.map((item: { label: string }) => item.label)).toContain(
        'Versioned outcome',
      );

      const diff = (
        await owner.get(`${base}/plan-versions/compare?from=${submitted.number}&to=draft`)
      ).body;
      expect(diff.added).toContainEqual(
        expect.objectContaining({ type: 'outcome', label: 'Added after approval' }),
      );
      expect(diff.changed).toContainEqual(
        expect.objectContaining({
          id: target.id,
          fields: [
            { field: 'title', before: 'Versioned outcome', after: 'Renamed after approval' },
          ],
        }),
      );
      const second = (await owner.post(`${base}/plan-versions`).send({}).expect(201)).body;
      expect(second.number).toBe(submitted.number + 1);
    });
  });

  describe('the strategy map and the learning log', () => {
    it('shows the tree with colours rolled up from KPIs and milestones, and who is accountable', async () => {
      const manager = await addMember(api, owner, organisationId, 'program_manager');
      const top = await outcome({ title: 'Map outcome' });
      const goal = await objective(top.id, { title: 'Map objective' });
      const good = await kpi(goal.id, { code: 'MAP-GOOD' });
      const bad = await kpi(goal.id, { code: 'MAP-BAD' });
      await owner
        .post(`${base}/kpis/${good.id}/measurements`)
        .send({ date: '2026-06-01', value: 66 })
        .expect(201);
      await owner
        .post(`${base}/kpis/${bad.id}/measurements`)
        .send({ date: '2026-06-01', value: 60 })
        .expect(201);
      const initiative = (
        await owner
          .post(`${base}/initiatives`)
          .send(initiativeInput([goal.id], { code: 'MAP-I', responsibleUserId: manager.id }))
          .expect(201)
      ).body;
      await owner
        .post(`${base}/milestones`)
        .send({
          initiativeId: initiative.id,
          title: 'Late milestone',
          ownerUserId: manager.id,
          dueDate: '2026-06-15',
        })
        .expect(201);

      const map = (await owner.get(`${base}/strategy-map?asOf=2026-07-02`).expect(200)).body;
      const mapped = map.outcomes.find((item: { id: string }) => item.id === top.id);
      expect(mapped.health).toBe('off_track');
      const [branch] = mapped.objectives;
      expect(
        branch.kpis.map((item: { code: string; status: string }) => [item.code, item.status]),
      ).toEqual([
        ['MAP-BAD', 'off_track'],
        ['MAP-GOOD', 'on_track'],
      ]);
      expect(branch.initiatives).toEqual([
        expect.objectContaining({
          code: 'MAP-I',
          accountableName: 'Maeve Owner',
          responsibleName: 'Ada Lovelace',
          health: 'at_risk',
          milestones: [
            expect.objectContaining({
              title: 'Late milestone',
              atRisk: true,
              riskReasons: ['overdue'],
            }),
          ],
        }),
      ]);
    });

    it('lists only the milestones at risk of an initiative with more than twelve, its colour still judged from all of them', async () => {
      const manager = await addMember(api, owner, organisationId, 'program_manager');
      const goal = await objective((await outcome({ title: 'Large map outcome' })).id);
      const large = (
        await owner
          .post(`${base}/initiatives`)
          .send(initiativeInput([goal.id], { code: 'MAP-LARGE', responsibleUserId: manager.id }))
          .expect(201)
      ).body;
      const milestone = (title: string, dueDate: string) =>
        owner
          .post(`${base}/milestones`)
          .send({ initiativeId: large.id, title, ownerUserId: manager.id, dueDate })
          .expect(201);
      for (let month = 1; month <= 12; month++) {
        await milestone(`On track ${month}`, `2027-${String(month).padStart(2, '0')}-01`);
      }
      const mapOf = async () => {
        const map = (await owner.get(`${base}/strategy-map?asOf=2026-07-02`).expect(200)).body;
        const [branch] = map.outcomes.find(
          (item: { title: string }) => item.title === 'Large map outcome',
        ).objectives;
        return branch.initiatives[0];
      };
      // Twelve are listed whole; the thirteenth makes the list one of those needing attention.
      expect((await mapOf()).milestones).toHaveLength(12);
      await milestone('Late one', '2026-06-15');
      expect(await mapOf()).toEqual(
        expect.objectContaining({
          code: 'MAP-LARGE',
          health: 'at_risk',
          milestoneCount: 13,
          milestones: [expect.objectContaining({ title: 'Late one', riskReasons: ['overdue'] })],
        }),
      );
      const all = (await owner.get(`${base}/milestones?initiativeId=${large.id}`).expect(200)).body;
      expect(all).toHaveLength(13);
    });

    it('lists every experiment of a cycle with its lesson, and flags a decision that is overdue', async () => {
      const goal = await objective((await outcome()).id);
      const [cycle] = await api.sql<{ id: string }>(
        `INSERT INTO cycles (organisation_id, name, starts_on, ends_on)
         VALUES ($1, 'Experiments FY', '2030-01-01', '2030-12-31') RETURNING id`,
        [organisationId],
      );
      const experiment = (decisionDate: string, extra: Record<string, unknown> = {}) =>
        owner
          .post(`${base}/initiatives`)
          .send(
            initiativeInput([goal.id], {
              isExperiment: true,
              hypothesis: 'Booksellers on video sell more than Guild statements',
              decisionDate,
              ...extra,
            }),
          )
          .expect(201);
      const failed = (
        await experiment('2030-03-01', {
          experimentOutcome: 'invalidated',
          lessons: 'Video took too long to make; short posts did better.',
        })
      ).body;
      const pending = (await experiment('2030-06-01')).body;
      await experiment('2031-06-01');
      const log = (await owner.get(`${base}/learning-log?cycleId=${cycle!.id}`).expect(200)).body;
      expect(log.map((entry: { id: string }) => entry.id)).toEqual([failed.id, pending.id]);
      expect(log[0]).toMatchObject({ experimentOutcome: 'invalidated', decisionOverdue: false });
      expect(log[1].decisionOverdue).toBe(false);
      // Past its decision date with no outcome recorded: flagged.
      const late = (await experiment('2025-06-01')).body;
      expect(late.decisionOverdue).toBe(true);
      await owner
        .get(`${base}/learning-log?cycleId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)
        .expect(404);
    });
  });

  describe('tenancy', () => {
    it("answers 404 for another organisation's plan records and refuses their ids as parents", async () => {
      const goal = await objective((await outcome()).id);
      const measured = await kpi(goal.id);
      const other = await signUp(api);
      const theirs = `/api/v1/organisations/${(await makeOrganisation(other)).id}`;
      await other.get(`${theirs}/kpis/${measured.id}`).expect(404);
      await other
        .patch(`${theirs}/objectives/${goal.id}`)
        .send({ version: 1, title: 'x' })
        .expect(404);
      await other.delete(`${theirs}/kpis/${measured.id}?cascade=true`).expect(404);
      await other
        .post(`${theirs}/kpis/${measured.id}/measurements`)
        .send({ date: '2026-02-01', value: 1 })
        .expect(404);
      const parent = await other.post(`${theirs}/kpis`).send(kpiInput(goal.id)).expect(400);
      expect(parent.body.errors[0].field).toBe('objectiveId');
      expect((await owner.get(`${base}/kpis/${measured.id}`)).body.measurements).toEqual([]);
    });
  });
});
