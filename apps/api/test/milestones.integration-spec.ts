import { todayIn } from '@roi/domain';
import { randomBytes } from 'node:crypto';
import { WeeklyDigestScheduler } from '../src/modules/execution/weekly-digest.scheduler';
import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

interface Milestone {
  id: string;
  initiativeId: string;
  title: string;
  ownerUserId: string;
  dueDate: string;
  status: string;
  doneOn: string | null;
  missReason: string | null;
  missCategory: string | null;
  missNote: string | null;
  dependsOn: string[];
  lastCheckIn: { progress: number; confidence: string; date: string } | null;
  atRisk: boolean;
  riskReasons: string[];
  version: number;
  [field: string]: unknown;
}

const unique = () => randomBytes(3).toString('hex');

/** An organisation with its owner and one initiative (through the plan's own routes). */
interface World {
  owner: TestUser;
  organisationId: string;
  timeZone: string;
  initiativeId: string;
  base: string;
}

describe('milestones, check-ins and the program views', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  async function makeInitiative(
    world: { owner: TestUser; organisationId: string },
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; code: string; name: string }> {
    const root = `/api/v1/organisations/${world.organisationId}`;
    const outcome = await world.owner
      .post(`${root}/outcomes`)
      .send({ title: 'Grow members', kind: 'revenue', ownerUserId: world.owner.id })
      .expect(201);
    const objective = await world.owner
      .post(`${root}/objectives`)
      .send({ outcomeId: outcome.body.id, title: 'Reach younger savers', findingIds: [] })
      .expect(201);
    const initiative = await world.owner
      .post(`${root}/initiatives`)
      .send({
        code: `I-${unique()}`,
        name: 'Ask-a-teller on Instagram',
        objectiveIds: [objective.body.id],
        budget: '1000.00',
        accountableUserId: world.owner.id,
        responsibleUserId: world.owner.id,
        channels: ['Instagram'],
        ...overrides,
      })
      .expect(201);
    return initiative.body;
  }

  async function makeWorld(name = 'Maeve Lonergan'): Promise<World> {
    const owner = await signUp(api, { name });
    const organisation = await makeOrganisation(owner);
    const world = {
      owner,
      organisationId: organisation.id,
      timeZone: organisation.timeZone as string,
      base: `/api/v1/organisations/${organisation.id}`,
    };
    return { ...world, initiativeId: (await makeInitiative(world)).id };
  }

  async function makeMilestone(
    world: World,
    overrides: Record<string, unknown> = {},
    as: TestUser = world.owner,
  ): Promise<Milestone> {
    const response = await as.post(`${world.base}/milestones`).send({
      initiativeId: world.initiativeId,
      title: `Milestone ${unique()}`,
      ownerUserId: world.owner.id,
      dueDate: '2026-06-30',
      ...overrides,
    });
    if (response.status !== 201) {
      throw new Error(`makeMilestone: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body as Milestone;
  }

  const change = (world: World, milestone: Milestone, body: Record<string, unknown>) =>
    world.owner
      .patch(`${world.base}/milestones/${milestone.id}`)
      .send({ version: milestone.version, ...body });

  const titles = (milestones: Milestone[]) => milestones.map((milestone) => milestone.title);

  describe('the milestone record', () => {
    let world: World;
    beforeAll(async () => {
      world = await makeWorld();
    });

    it('shows the initiative and who is accountable and responsible for it', async () => {
      const responsible = await addMember(api, world.owner, world.organisationId, 'contributor');
      const initiative = await makeInitiative(world, {
        code: `I-ACC-${unique()}`,
        name: 'Branch stories',
        responsibleUserId: responsible.id,
      });
      const milestone = await makeMilestone(
        { ...world, initiativeId: initiative.id },
        { title: 'Guidelines published', ownerUserId: responsible.id, dueDate: '2026-09-30' },
      );
      expect(milestone).toMatchObject({
        initiativeId: initiative.id,
        initiativeCode: initiative.code,
        initiativeName: 'Branch stories',
        accountableUserId: world.owner.id,
        accountableName: 'Maeve Lonergan',
        responsibleUserId: responsible.id,
        responsibleName: 'Ada Lovelace',
        title: 'Guidelines published',
        ownerUserId: responsible.id,
        ownerName: 'Ada Lovelace',
        dueDate: '2026-09-30',
        status: 'planned',
        doneOn: null,
        missReason: null,
        missCategory: null,
        missNote: null,
        dependsOn: [],
        lastCheckIn: null,
        version: 1,
      });
      const read = await world.owner.get(`${world.base}/milestones/${milestone.id}`).expect(200);
      expect(read.body).toEqual(milestone);

      const byInitiative = await world.owner
        .get(`${world.base}/milestones?initiativeId=${initiative.id}`)
        .expect(200);
      expect(byInitiative.body.map((item: Milestone) => item.id)).toEqual([milestone.id]);
      const byOwner = await world.owner
        .get(`${world.base}/milestones?ownerUserId=${responsible.id}&status=planned`)
        .expect(200);
      expect(byOwner.body.map((item: Milestone) => item.id)).toEqual([milestone.id]);
      const none = await world.owner
        .get(`${world.base}/milestones?ownerUserId=${responsible.id}&status=done`)
        .expect(200);
      expect(none.body).toEqual([]);
      const badFilter = await world.owner.get(`${world.base}/milestones?status=late`).expect(400);
      expect(badFilter.body.errors[0].field).toBe('status');
    });

    it('refuses an initiative of another organisation and an owner who is not a member', async () => {
      const elsewhere = await makeWorld('Other Owner');
      const foreignInitiative = await world.owner
        .post(`${world.base}/milestones`)
        .send({
          initiativeId: elsewhere.initiativeId,
          title: 'Not ours',
          ownerUserId: world.owner.id,
          dueDate: '2026-06-30',
        })
        .expect(400);
      expect(foreignInitiative.body.errors).toEqual([
        { field: 'initiativeId', reason: 'is not an initiative of this organisation' },
      ]);
      const stranger = await world.owner
        .post(`${world.base}/milestones`)
        .send({
          initiativeId: world.initiativeId,
          title: 'Owned by a stranger',
          ownerUserId: elsewhere.owner.id,
          dueDate: '2026-06-30',
        })
        .expect(400);
      expect(stranger.body.errors).toEqual([
        { field: 'ownerUserId', reason: 'is not a member of this organisation' },
      ]);
      const impossibleDate = await world.owner
        .post(`${world.base}/milestones`)
        .send({
          initiativeId: world.initiativeId,
          title: 'Leap',
          ownerUserId: world.owner.id,
          dueDate: '2027-02-29',
        })
        .expect(400);
      expect(impossibleDate.body.errors).toEqual([
        { field: 'dueDate', reason: 'must be a date written YYYY-MM-DD' },
      ]);
    });

    it('answers 409 with the current record to a change based on a stale version', async () => {
      const milestone = await makeMilestone(world, { title: 'Launch post' });
      const first = await change(world, milestone, { title: 'Launch post and video' }).expect(200);
      expect(first.body).toMatchObject({ title: 'Launch post and video', version: 2 });
      const stale = await change(world, milestone, { dueDate: '2026-07-31' }).expect(409);
      expect(stale.body).toMatchObject({ type: '/problems/stale-version', status: 409 });
      expect(stale.body.current).toEqual(first.body);
      const unchanged = await world.owner
        .get(`${world.base}/milestones/${milestone.id}`)
        .expect(200);
      expect(unchanged.body.dueDate).toBe('2026-06-30');
    });

    it('stores and returns the category a milestone was missed for, and clears it when the milestone moves on', async () => {
      let milestone = await makeMilestone(world, { dueDate: '2026-03-31' });
      milestone = (
        await change(world, milestone, {
          status: 'missed',
          missCategory: 'dependency',
          missNote: 'The agency delivered the footage late',
        }).expect(200)
      ).body;
      expect(milestone).toMatchObject({
        status: 'missed',
        missCategory: 'dependency',
        missReason: null,
        missNote: 'The agency delivered the footage late',
      });
      const read = await world.owner.get(`${world.base}/milestones/${milestone.id}`).expect(200);
      expect(read.body).toEqual(milestone);
      const missed = await world.owner.get(`${world.base}/milestones?status=missed`).expect(200);
      expect(missed.body.find((item: Milestone) => item.id === milestone.id)?.missCategory).toBe(
        'dependency',
      );

      milestone = (await change(world, milestone, { status: 'in_progress' }).expect(200)).body;
      expect(milestone).toMatchObject({
        status: 'in_progress',
        missCategory: null,
        missReason: null,
        missNote: null,
      });
      const [stored] = await api.sql<{ miss_category: string | null }>(
        `SELECT miss_category FROM milestones WHERE id = $1`,
        [milestone.id],
      );
      expect(stored).toEqual({ miss_category: null });
    });

    it('derives the category from the older reason when a client gives only the reason, and clears both when the milestone moves on', async () => {
      let milestone = await makeMilestone(world, { dueDate: '2026-03-31' });
      const wrongReason = await change(world, milestone, {
        status: 'missed',
        missReason: 'bad luck',
      }).expect(400);
      expect(wrongReason.body.errors[0].field).toBe('missReason');

      milestone = (
        await change(world, milestone, {
          status: 'missed',
          missReason: 'external',
          missNote: 'The platform changed its API',
        }).expect(200)
      ).body;
      expect(milestone).toMatchObject({
        status: 'missed',
        missReason: 'external',
        missCategory: 'external',
        missNote: 'The platform changed its API',
        doneOn: null,
      });
      // A category given wins over the one the reason would give.
      milestone = (
        await change(world, milestone, { missReason: 'plan', missCategory: 'scope_change' }).expect(
          200,
        )
      ).body;
      expect(milestone).toMatchObject({ missReason: 'plan', missCategory: 'scope_change' });
      milestone = (await change(world, milestone, { status: 'in_progress' }).expect(200)).body;
      expect(milestone).toMatchObject({
        status: 'in_progress',
        missReason: null,
        missCategory: null,
        missNote: null,
      });

      const reasonWithoutMissing = await change(world, milestone, {
        missReason: 'plan',
        missCategory: 'other',
      }).expect(400);
      expect(reasonWithoutMissing.body.errors).toEqual([
        { field: 'missReason', reason: 'is only set when the status is missed' },
        { field: 'missCategory', reason: 'is only set when the status is missed' },
      ]);
    });

    it('refuses to mark a milestone missed with neither a category nor a reason, naming missCategory, and changes nothing', async () => {
      const milestone = await makeMilestone(world, { dueDate: '2026-03-31' });
      const neither = await change(world, milestone, {
        status: 'missed',
        missNote: 'No idea why',
      }).expect(400);
      expect(neither.body).toMatchObject({ status: 400 });
      expect(neither.body.errors).toEqual([
        {
          field: 'missCategory',
          reason:
            'is required when the status is missed (resources, dependency, scope_change, external, strategy_changed, other), unless missReason is given',
        },
      ]);
      const cleared = await change(world, milestone, {
        status: 'missed',
        missCategory: null,
        missReason: null,
      }).expect(400);
      expect(cleared.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'missCategory',
      ]);
      const unchanged = await world.owner
        .get(`${world.base}/milestones/${milestone.id}`)
        .expect(200);
      expect(unchanged.body).toEqual(milestone);
    });

    it('refuses a category that is not one of the six', async () => {
      const milestone = await makeMilestone(world, { dueDate: '2026-03-31' });
      const unknown = await change(world, milestone, {
        status: 'missed',
        missCategory: 'bad_luck',
      }).expect(400);
      expect(unknown.body.errors).toEqual([
        {
          field: 'missCategory',
          reason:
            'must be one of resources, dependency, scope_change, external, strategy_changed, other',
        },
      ]);
      const unchanged = await world.owner
        .get(`${world.base}/milestones/${milestone.id}`)
        .expect(200);
      expect(unchanged.body).toEqual(milestone);
    });

    it('records the day a milestone is done (today unless given) and clears it when reopened', async () => {
      let milestone = await makeMilestone(world);
      milestone = (await change(world, milestone, { status: 'done' }).expect(200)).body;
      expect(milestone).toMatchObject({ status: 'done', doneOn: todayIn(world.timeZone) });
      milestone = (await change(world, milestone, { doneOn: '2026-02-14' }).expect(200)).body;
      expect(milestone.doneOn).toBe('2026-02-14');
      const future = await change(world, milestone, { doneOn: '2999-01-01' }).expect(400);
      expect(future.body.errors[0]).toMatchObject({ field: 'doneOn' });
      milestone = (await change(world, milestone, { status: 'planned' }).expect(200)).body;
      expect(milestone).toMatchObject({ status: 'planned', doneOn: null });
      const doneOnWhilePlanned = await change(world, milestone, { doneOn: '2026-02-14' }).expect(
        400,
      );
      expect(doneOnWhilePlanned.body.errors).toEqual([
        { field: 'doneOn', reason: 'is only set when the status is done' },
      ]);
      milestone = (
        await change(world, milestone, { status: 'done', doneOn: '2026-01-31' }).expect(200)
      ).body;
      expect(milestone).toMatchObject({ status: 'done', doneOn: '2026-01-31' });
    });

    it('lets a contributor change the status, but not what the plan says', async () => {
      const contributor = await addMember(api, world.owner, world.organisationId, 'contributor');
      const milestone = await makeMilestone(world);
      const started = await contributor
        .patch(`${world.base}/milestones/${milestone.id}`)
        .send({ status: 'in_progress', version: milestone.version })
        .expect(200);
      expect(started.body.status).toBe('in_progress');
      const renamed = await contributor
        .patch(`${world.base}/milestones/${milestone.id}`)
        .send({ title: 'Mine now', version: started.body.version })
        .expect(403);
      expect(renamed.body.detail).toMatch(/plan\.edit/);
      await contributor
        .post(`${world.base}/milestones`)
        .send({
          initiativeId: world.initiativeId,
          title: 'X',
          ownerUserId: contributor.id,
          dueDate: '2026-06-30',
        })
        .expect(403);
    });

    it('records check-ins newest first; the first starts a planned milestone, 100% does not finish it', async () => {
      const milestone = await makeMilestone(world, { title: 'Teller videos' });
      const checkIns = `${world.base}/milestones/${milestone.id}/check-ins`;
      const first = await world.owner
        .post(checkIns)
        .send({ date: '2026-03-02', progress: 20, confidence: 'high', note: 'Scripts written' })
        .expect(201);
      expect(first.body).toMatchObject({
        milestoneId: milestone.id,
        date: '2026-03-02',
        progress: 20,
        confidence: 'high',
        note: 'Scripts written',
        blockers: '',
        authorUserId: world.owner.id,
        authorName: 'Maeve Lonergan',
      });
      let read = await world.owner.get(`${world.base}/milestones/${milestone.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'in_progress', version: 2 });
      expect(read.body.lastCheckIn).toMatchObject({
        id: first.body.id,
        authorName: 'Maeve Lonergan',
      });

      await world.owner
        .post(checkIns)
        .send({ date: '2026-03-16', progress: 100, confidence: 'medium', blockers: 'Sign-off' })
        .expect(201);
      await world.owner
        .post(checkIns)
        .send({ date: '2026-03-09', progress: 60, confidence: 'low' })
        .expect(201);
      read = await world.owner.get(`${world.base}/milestones/${milestone.id}`).expect(200);
      expect(read.body.status).toBe('in_progress');
      expect(read.body.lastCheckIn).toMatchObject({
        date: '2026-03-16',
        progress: 100,
        confidence: 'medium',
        blockers: 'Sign-off',
      });
      const listed = await world.owner.get(checkIns).expect(200);
      expect(listed.body.map((checkIn: { date: string }) => checkIn.date)).toEqual([
        '2026-03-16',
        '2026-03-09',
        '2026-03-02',
      ]);

      const invalid = await world.owner
        .post(checkIns)
        .send({ date: '2026-03-02', progress: 101, confidence: 'so-so' })
        .expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'progress',
        'confidence',
      ]);
      const fraction = await world.owner
        .post(checkIns)
        .send({ date: '2026-03-02', progress: 50.5, confidence: 'low' })
        .expect(400);
      expect(fraction.body.errors[0].field).toBe('progress');
      const future = await world.owner
        .post(checkIns)
        .send({ date: '2999-01-01', progress: 50, confidence: 'low' })
        .expect(400);
      expect(future.body.errors[0].field).toBe('date');

      await change(world, read.body, { status: 'done' }).expect(200);
      const closed = await world.owner
        .post(checkIns)
        .send({ date: '2026-03-20', progress: 100, confidence: 'high' })
        .expect(409);
      expect(closed.body.title).toBe('Milestone done');
    });

    it("answers 404 for another organisation's milestone on every route", async () => {
      const elsewhere = await makeWorld('Other Owner');
      const foreign = await makeMilestone(elsewhere);
      const path = `${world.base}/milestones/${foreign.id}`;
      await world.owner.get(path).expect(404);
      await world.owner.patch(path).send({ title: 'Taken', version: 1 }).expect(404);
      await world.owner.delete(path).expect(404);
      await world.owner
        .post(`${path}/check-ins`)
        .send({ date: '2026-03-02', progress: 10, confidence: 'low' })
        .expect(404);
      await world.owner.get(`${path}/check-ins`).expect(404);
      const intact = await elsewhere.owner
        .get(`${elsewhere.base}/milestones/${foreign.id}`)
        .expect(200);
      expect(intact.body).toEqual(foreign);
    });
  });

  describe('dependencies', () => {
    let world: World;
    beforeAll(async () => {
      world = await makeWorld();
    });

    it('refuses a dependency that would form a cycle, naming it by title', async () => {
      const charlie = await makeMilestone(world, { title: 'Charlie' });
      const bravo = await makeMilestone(world, { title: 'Bravo', dependsOn: [charlie.id] });
      const alpha = await makeMilestone(world, { title: 'Alpha', dependsOn: [bravo.id] });
      expect(alpha.dependsOn).toEqual([bravo.id]);

      const refused = await change(world, charlie, { dependsOn: [alpha.id] }).expect(409);
      expect(refused.body).toMatchObject({
        type: '/problems/rule-violated',
        title: 'Dependency cycle',
        detail: 'Milestone dependencies would form a cycle: Charlie → Alpha → Bravo → Charlie.',
        cycle: [charlie.id, alpha.id, bravo.id, charlie.id],
      });
      const unchanged = await world.owner.get(`${world.base}/milestones/${charlie.id}`).expect(200);
      expect(unchanged.body).toMatchObject({ dependsOn: [], version: charlie.version });
    });

    it('refuses a milestone that depends on itself', async () => {
      const solo = await makeMilestone(world, { title: 'Solo' });
      const refused = await change(world, solo, { dependsOn: [solo.id] }).expect(409);
      expect(refused.body.detail).toBe('A milestone cannot depend on itself: Solo.');
    });

    it("refuses dependencies on another organisation's milestones", async () => {
      const elsewhere = await makeWorld('Other Owner');
      const foreign = await makeMilestone(elsewhere);
      const created = await world.owner
        .post(`${world.base}/milestones`)
        .send({
          initiativeId: world.initiativeId,
          title: 'Borrowing',
          ownerUserId: world.owner.id,
          dueDate: '2026-06-30',
          dependsOn: [foreign.id],
        })
        .expect(400);
      expect(created.body.errors).toEqual([
        {
          field: 'dependsOn',
          reason: `names ids that are not milestones of this organisation: ${foreign.id}`,
        },
      ]);
      const ours = await makeMilestone(world);
      const changed = await change(world, ours, { dependsOn: [foreign.id] }).expect(400);
      expect(changed.body.errors[0].field).toBe('dependsOn');
      const notUuids = await change(world, ours, { dependsOn: ['nope'] }).expect(400);
      expect(notUuids.body.errors).toEqual([
        { field: 'dependsOn', reason: 'must be a list of UUIDs' },
      ]);
    });

    it('lets only one of two concurrent edits close a loop', async () => {
      const first = await makeMilestone(world, { title: 'First' });
      const second = await makeMilestone(world, { title: 'Second' });
      const answers = await Promise.all([
        change(world, first, { dependsOn: [second.id] }),
        change(world, second, { dependsOn: [first.id] }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const edges = await api.sql<{ count: string }>(
        `SELECT count(*) FROM milestone_dependencies WHERE milestone_id = ANY($1::uuid[])`,
        [[first.id, second.id]],
      );
      expect(Number(edges[0]!.count)).toBe(1);
    });

    it('refuses to delete a milestone others depend on, unless told to cascade', async () => {
      const brief = await makeMilestone(world, { title: 'Brief agreed' });
      const draft = await makeMilestone(world, { title: 'Draft written', dependsOn: [brief.id] });
      const review = await makeMilestone(world, { title: 'Review', dependsOn: [brief.id] });
      const refused = await world.owner.delete(`${world.base}/milestones/${brief.id}`).expect(409);
      expect(refused.body.detail).toBe(
        '2 milestones depend on "Brief agreed": "Draft written", "Review". Remove those dependencies first, or delete with cascade=true to remove them too.',
      );
      expect(refused.body.dependents.map((item: { id: string }) => item.id).sort()).toEqual(
        [draft.id, review.id].sort(),
      );
      await world.owner.get(`${world.base}/milestones/${brief.id}`).expect(200);

      await world.owner.delete(`${world.base}/milestones/${brief.id}?cascade=true`).expect(204);
      await world.owner.get(`${world.base}/milestones/${brief.id}`).expect(404);
      const after = await world.owner.get(`${world.base}/milestones/${draft.id}`).expect(200);
      expect(after.body.dependsOn).toEqual([]);
      // Nothing depends on the draft: it goes without asking.
      await world.owner.delete(`${world.base}/milestones/${draft.id}`).expect(204);
      const audit = await api.sql<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_type = 'milestone' AND entity_id = $1`,
        [brief.id],
      );
      expect(audit.map((row) => row.action).sort()).toEqual(['create', 'delete']);
    });
  });

  describe('risk and the program views', () => {
    let world: World;
    let member: TestUser;
    let late: Milestone;
    let blocked: Milestone;
    let doubtful: Milestone;
    let finished: Milestone;
    let later: Milestone;
    let given: Milestone;

    beforeAll(async () => {
      world = await makeWorld();
      member = await addMember(api, world.owner, world.organisationId, 'program_manager');
      late = await makeMilestone(world, { title: 'Late', dueDate: '2026-03-10' });
      blocked = await makeMilestone(world, {
        title: 'Blocked',
        dueDate: '2026-04-01',
        dependsOn: [late.id],
      });
      doubtful = await makeMilestone(world, { title: 'Doubtful', dueDate: '2026-04-02' });
      await world.owner
        .post(`${world.base}/milestones/${doubtful.id}/check-ins`)
        .send({ date: '2026-03-01', progress: 10, confidence: 'low' })
        .expect(201);
      finished = await makeMilestone(world, { title: 'Finished', dueDate: '2026-03-01' });
      await change(world, finished, { status: 'done', doneOn: '2026-03-05' }).expect(200);
      later = await makeMilestone(world, { title: 'Later', dueDate: '2026-05-01' });
      given = await makeMilestone(world, {
        title: "Member's",
        dueDate: '2026-03-25',
        ownerUserId: member.id,
      });
      await world.owner
        .post(`${world.base}/milestones/${given.id}/check-ins`)
        .send({ date: '2026-03-01', progress: 50, confidence: 'high' })
        .expect(201);
    });

    const view = async (path: string, as: TestUser = world.owner) =>
      (await as.get(`${world.base}/milestones/views/${path}`).expect(200)).body as Milestone[];

    it('judges risk as of a date: overdue, behind a late milestone, low confidence; never when done', async () => {
      const atRisk = await view('at-risk?asOf=2026-03-15');
      expect(titles(atRisk)).toEqual(['Late', 'Blocked', 'Doubtful']);
      expect(atRisk.map((milestone) => milestone.riskReasons)).toEqual([
        ['overdue'],
        ['late_dependency'],
        ['low_confidence'],
      ]);
      expect(atRisk.every((milestone) => milestone.atRisk)).toBe(true);
      // Before the due date only the doubtful check-in counts; before it, nothing.
      expect(titles(await view('at-risk?asOf=2026-03-05'))).toEqual(['Doubtful']);
      expect(await view('at-risk?asOf=2026-02-20')).toEqual([]);
      // Long after every due date, the done milestone is still not at risk.
      const muchLater = await view('at-risk?asOf=2026-12-31');
      expect(titles(muchLater)).toEqual(['Late', "Member's", 'Blocked', 'Doubtful', 'Later']);
      expect(titles(muchLater)).not.toContain('Finished');
      const done = await world.owner.get(`${world.base}/milestones/${finished.id}`).expect(200);
      expect(done.body).toMatchObject({ atRisk: false, riskReasons: [] });
    });

    it('lists late milestones, including missed ones, by due date', async () => {
      expect(titles(await view('overdue?asOf=2026-03-15'))).toEqual(['Late']);
      expect(titles(await view('overdue?asOf=2026-03-26'))).toEqual(['Late', "Member's"]);
      const missed = await makeMilestone(world, { title: 'Missed early', dueDate: '2026-06-01' });
      await change(world, missed, { status: 'missed', missReason: 'plan' }).expect(200);
      expect(titles(await view('overdue?asOf=2026-03-15'))).toEqual(['Late', 'Missed early']);
      // Missed is late for good, so also at risk, whatever its due date.
      const atRisk = await view('at-risk?asOf=2026-03-15');
      expect(atRisk.find((milestone) => milestone.title === 'Missed early')?.riskReasons).toEqual([
        'overdue',
      ]);
      await world.owner.delete(`${world.base}/milestones/${missed.id}`).expect(204);
      const wrongDate = await world.owner
        .get(`${world.base}/milestones/views/overdue?asOf=2026-13-01`)
        .expect(400);
      expect(wrongDate.body.errors[0].field).toBe('asOf');
    });

    it('lists open milestones due soon', async () => {
      expect(titles(await view('due-soon?asOf=2026-03-20'))).toEqual([
        "Member's",
        'Blocked',
        'Doubtful',
      ]);
      expect(titles(await view('due-soon?asOf=2026-03-20&days=7'))).toEqual(["Member's"]);
      expect(titles(await view('due-soon?asOf=2026-04-20&days=14'))).toEqual(['Later']);
      expect(titles(await view('due-soon?asOf=2026-02-20&days=14'))).toEqual([]);
      await world.owner.get(`${world.base}/milestones/views/due-soon?days=-1`).expect(400);
    });

    it("lists the caller's own milestones, and refuses API keys (they own none)", async () => {
      expect(titles(await view('mine?asOf=2026-03-15', member))).toEqual(["Member's"]);
      const owners = await view('mine?asOf=2026-03-15');
      expect(titles(owners)).toEqual(['Finished', 'Late', 'Blocked', 'Doubtful', 'Later']);
      const key = await world.owner
        .post(`${world.base}/api-keys`)
        .send({ name: 'Dashboard', role: 'executive' })
        .expect(201);
      await api.http
        .get(`${world.base}/milestones/views/mine`)
        .set('Authorization', `Bearer ${key.body.key}`)
        .expect(403);
      await api.http
        .get(`${world.base}/milestones/views/at-risk`)
        .set('Authorization', `Bearer ${key.body.key}`)
        .expect(200);
    });

    it('shows initiatives and their milestones on the timeline', async () => {
      const timeline = await world.owner
        .get(`${world.base}/timeline?from=2026-03-01&to=2026-03-31&asOf=2026-03-15`)
        .expect(200);
      expect(timeline.body).toMatchObject({
        from: '2026-03-01',
        to: '2026-03-31',
        asOf: '2026-03-15',
      });
      expect(timeline.body.initiatives).toHaveLength(1);
      const [initiative] = timeline.body.initiatives;
      expect(initiative).toMatchObject({
        id: world.initiativeId,
        accountableName: 'Maeve Lonergan',
        responsibleName: 'Maeve Lonergan',
        isExperiment: false,
      });
      expect(initiative.milestones).toEqual([
        {
          id: finished.id,
          title: 'Finished',
          dueDate: '2026-03-01',
          status: 'done',
          atRisk: false,
          dependsOn: [],
        },
        {
          id: late.id,
          title: 'Late',
          dueDate: '2026-03-10',
          status: 'planned',
          atRisk: true,
          dependsOn: [],
        },
        {
          id: given.id,
          title: "Member's",
          dueDate: '2026-03-25',
          status: 'in_progress',
          atRisk: false,
          dependsOn: [],
        },
      ]);
      const backwards = await world.owner
        .get(`${world.base}/timeline?from=2026-03-31&to=2026-03-01`)
        .expect(400);
      expect(backwards.body.errors[0].field).toBe('to');
      expect(blocked.dependsOn).toEqual([late.id]);
      expect(later.status).toBe('planned');
    });

    it('marks on the timeline exactly the milestones the at-risk view lists, on any date', async () => {
      for (const asOf of ['2026-02-20', '2026-03-05', '2026-03-15', '2026-04-01', '2026-12-31']) {
        const timeline = await world.owner
          .get(`${world.base}/timeline?from=2026-01-01&to=2026-06-30&asOf=${asOf}`)
          .expect(200);
        const bars: { id: string; title: string; atRisk: boolean; dependsOn: string[] }[] =
          timeline.body.initiatives.flatMap(
            (initiative: { milestones: unknown[] }) => initiative.milestones,
          );
        const marked = bars.filter((bar) => bar.atRisk).map((bar) => bar.title);
        expect([asOf, marked.sort()]).toEqual([
          asOf,
          titles(await view(`at-risk?asOf=${asOf}`)).sort(),
        ]);
        expect(bars.find((bar) => bar.id === blocked.id)?.dependsOn).toEqual([late.id]);
      }
    });
  });

  describe('the burn-up', () => {
    it('counts milestones planned and done at each step, over the latest cycle by default', async () => {
      const world = await makeWorld();
      await makeMilestone(world, { dueDate: '2026-01-10' });
      const doneEarly = await makeMilestone(world, { dueDate: '2026-01-20' });
      await change(world, doneEarly, { status: 'done', doneOn: '2026-01-15' }).expect(200);
      const dropped = await makeMilestone(world, { dueDate: '2026-02-05' });
      await change(world, dropped, { status: 'cancelled' }).expect(200);
      await makeMilestone(world, { dueDate: '2026-02-10' });

      const chart = await world.owner
        .get(`${world.base}/burn-up?from=2026-01-01&to=2026-02-15&stepDays=14`)
        .expect(200);
      expect(chart.body).toEqual([
        { date: '2026-01-01', planned: 0, done: 0 },
        { date: '2026-01-15', planned: 1, done: 1 },
        { date: '2026-01-29', planned: 2, done: 1 },
        { date: '2026-02-12', planned: 3, done: 1 },
        { date: '2026-02-15', planned: 3, done: 1 },
      ]);

      await world.owner
        .post(`${world.base}/cycles`)
        .send({ name: 'FY2026 Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' })
        .expect(201);
      const byCycle = await world.owner.get(`${world.base}/burn-up?stepDays=30`).expect(200);
      expect(byCycle.body[0]).toEqual({ date: '2026-01-01', planned: 0, done: 0 });
      expect(byCycle.body.at(-1)).toEqual({ date: '2026-03-31', planned: 3, done: 1 });
      const badStep = await world.owner.get(`${world.base}/burn-up?stepDays=0`).expect(400);
      expect(badStep.body.errors[0].field).toBe('stepDays');
    });
  });

  describe('the weekly digest', () => {
    let world: World;
    let responsible: TestUser;
    let latecomer: TestUser;
    let bystander: TestUser;

    beforeAll(async () => {
      world = await makeWorld('Maeve Lonergan');
      responsible = await addMember(api, world.owner, world.organisationId, 'program_manager');
      latecomer = await addMember(api, world.owner, world.organisationId, 'contributor');
      bystander = await addMember(api, world.owner, world.organisationId, 'contributor');
      const initiative = await makeInitiative(world, {
        code: `I-DIG-${unique()}`,
        name: 'Member stories',
        responsibleUserId: responsible.id,
      });
      const here = { ...world, initiativeId: initiative.id };
      await makeMilestone(here, {
        title: 'Story bank',
        dueDate: '2026-03-10',
        ownerUserId: latecomer.id,
      });
      await makeMilestone(here, { title: 'First story live', dueDate: '2026-03-20' });
      await makeMilestone(here, { title: 'Far away', dueDate: '2026-09-01' });
      // Owned by the bystander but in an initiative they have nothing else to do with: they
      // are concerned only once it is late, at risk or due soon, and it is none of these.
      await makeMilestone(world, {
        title: 'Quiet',
        dueDate: '2026-10-01',
        ownerUserId: bystander.id,
      });
    });

    const outbox = (subjectLike = 'Milestones this week%') =>
      api.sql<{ recipient: string; subject: string; body: string }>(
        `SELECT recipient, subject, body FROM outbox_messages
          WHERE organisation_id = $1 AND subject LIKE $2 ORDER BY recipient`,
        [world.organisationId, subjectLike],
      );

    it('mails each person concerned one digest of what is late, at risk and due soon', async () => {
      const sent = await world.owner
        .post(`${world.base}/digests/weekly?asOf=2026-03-16`)
        .expect(200);
      expect(sent.body).toEqual({ recipients: 3, late: 1, atRisk: 1, dueSoon: 1 });
      const mails = await outbox();
      expect(mails.map((mail) => mail.recipient).sort()).toEqual(
        [world.owner.email, responsible.email, latecomer.email].sort(),
      );
      const toLatecomer = mails.find((mail) => mail.recipient === latecomer.email)!;
      expect(toLatecomer.subject).toMatch(/^Milestones this week: 1 late, 0 at risk, 0 due soon/);
      expect(toLatecomer.body).toContain('Late (1)');
      expect(toLatecomer.body).toContain('"Story bank", due 2026-03-10');
      expect(toLatecomer.body).not.toContain('First story live');
      const toResponsible = mails.find((mail) => mail.recipient === responsible.email)!;
      expect(toResponsible.subject).toMatch(/1 late, 0 at risk, 1 due soon/);
      expect(toResponsible.body).toContain('Due in the next 14 days (1)');
      expect(toResponsible.body).toContain('"First story live", due 2026-03-20');
      expect(toResponsible.body).not.toContain('Far away');
      expect(mails.map((mail) => mail.recipient)).not.toContain(bystander.email);
    });

    it('is sent by the scheduler once on Monday morning, in the organisation time zone', async () => {
      const scheduler = api.app.get(WeeklyDigestScheduler);
      const only = [world.organisationId];
      // Sunday, and Monday before six in the morning in Dublin: not yet.
      expect(await scheduler.sendDue(new Date('2026-03-22T09:00:00Z'), only)).toEqual([]);
      expect(await scheduler.sendDue(new Date('2026-03-23T05:30:00Z'), only)).toEqual([]);
      const before = (await outbox()).length;
      expect(await scheduler.sendDue(new Date('2026-03-23T06:30:00Z'), only)).toEqual(only);
      expect(await scheduler.sendDue(new Date('2026-03-23T11:30:00Z'), only)).toEqual([]);
      const runs = await api.sql<{ week_start: string }>(
        `SELECT week_start::text FROM digest_runs WHERE organisation_id = $1`,
        [world.organisationId],
      );
      expect(runs).toEqual([{ week_start: '2026-03-23' }]);
      // As of 2026-03-23 both dated milestones are late: the same three people hear of it.
      expect((await outbox()).length).toBe(before + 3);
    });
  });
});
