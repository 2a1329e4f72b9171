import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

interface Template {
  id: string;
  key: string;
  questions: { id: string; dimension: string; kind: string; evidenceRequired: boolean }[];
}

describe('assessments', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;
  let cycleId: string;
  let templates: Template[];
  const template = (key: string) => templates.find((candidate) => candidate.key === key)!;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api);
    organisationId = (await makeOrganisation(owner)).id;
    base = `/api/v1/organisations/${organisationId}`;
    cycleId = (
      await owner
        .post(`${base}/cycles`)
        .send({ name: 'FY2027', startsOn: '2026-04-01', endsOn: '2027-03-31' })
        .expect(201)
    ).body.id;
    templates = (await owner.get(`${base}/assessment-templates`).expect(200)).body;
  });
  afterAll(() => api.close());

  const start = async (key: string, title = `${key} assessment`) =>
    (
      await owner
        .post(`${base}/assessments`)
        .send({ cycleId, templateId: template(key).id, title })
        .expect(201)
    ).body as {
      id: string;
    };

  it('offers the four built-in templates, the maturity one in seven dimensions', () => {
    expect(templates.map((candidate) => candidate.key).sort()).toEqual([
      'channel-audit',
      'executive-presence',
      'leadership-pulse',
      'maturity',
    ]);
    expect(new Set(template('maturity').questions.map((question) => question.dimension)).size).toBe(
      7,
    );
    expect(template('leadership-pulse').questions[0]).toMatchObject({
      kind: 'scale',
      evidenceRequired: true,
    });
  });

  it('runs a leadership pulse with three respondents and reports belief against evidence', async () => {
    const pulse = await start('leadership-pulse', 'Leadership pulse, spring 2027');
    const rating = template('leadership-pulse').questions[0]!.id;
    const executive = await addMember(api, owner, organisationId, 'executive');
    const manager = await addMember(api, owner, organisationId, 'program_manager');
    const respond = async (person: TestUser, value: number, evidence?: Record<string, unknown>) => {
      await person
        .put(`${base}/assessments/${pulse.id}/my-response`)
        .send({ answers: [{ questionId: rating, value, ...(evidence ? { evidence } : {}) }] })
        .expect(200);
      await person
        .post(`${base}/assessments/${pulse.id}/my-response/submit`)
        .expect(evidence ? 200 : 422);
    };
    await respond(owner, 4, { text: 'Membership renewals from social referrals doubled' });
    await respond(executive, 5, { url: 'https://example.org/social-report.pdf' });
    await respond(manager, 2); // no evidence: the pulse asks for it, so submitting is refused
    await manager
      .put(`${base}/assessments/${pulse.id}/my-response`)
      .send({ answers: [{ questionId: rating, value: 2, evidence: { figure: 0.4 } }] })
      .expect(200);
    await manager.post(`${base}/assessments/${pulse.id}/my-response/submit`).expect(200);

    const closed = await owner.post(`${base}/assessments/${pulse.id}/close`).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', submitted: 3 });
    const listed = await owner.get(`${base}/assessments`).expect(200);
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        id: pulse.id,
        templateKey: 'leadership-pulse',
        status: 'closed',
        submitted: 3,
      }),
    );

    const { body: results } = await owner
      .get(`${base}/assessments/${pulse.id}/results`)
      .expect(200);
    // (4 + 5 + 2) / 3 = 11/3 -> stage 1 + floor((8/3) / (2/3)) = 5
    expect(results).toMatchObject({
      overallScore: 11 / 3,
      stage: 5,
      stageName: 'Strategic',
      evidenceShare: 1,
      respondents: 3,
      dimensions: [{ dimension: 'leadership pulse', score: 11 / 3, answered: 1, questions: 1 }],
      ratingSpread: { count: 3, min: 2, max: 5 },
      beliefGap: { believed: 11 / 3, supported: 11 / 3, gap: 0, evidencedRatings: 3 },
    });
  });

  it('keeps drafts out of the results and scores the maturity dimensions answered', async () => {
    const maturity = await start('maturity');
    const questions = template('maturity').questions;
    await owner
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({
        answers: [
          { questionId: questions[0]!.id, value: 4 },
          { questionId: questions[1]!.id, value: 2 },
          { questionId: questions[12]!.id, value: 1 },
        ],
      })
      .expect(200);
    expect(
      (await owner.get(`${base}/assessments/${maturity.id}/results`).expect(200)).body,
    ).toMatchObject({ overallScore: null, stage: null, respondents: 0 });
    await owner.post(`${base}/assessments/${maturity.id}/my-response/submit`).expect(200);
    const { body } = await owner.get(`${base}/assessments/${maturity.id}/results`).expect(200);
    // leadership commitment (4 + 2) / 2 = 3; measurement and ROI 1; overall 2 -> stage 2
    expect(body).toMatchObject({
      overallScore: 2,
      stage: 2,
      stageName: 'Presence',
      evidenceShare: 0,
    });
    expect(
      body.dimensions.filter((dimension: { score: number | null }) => dimension.score !== null),
    ).toHaveLength(2);
  });

  it('refuses bad answers, naming the field, and changes nothing', async () => {
    const maturity = await start('maturity');
    const first = template('maturity').questions[0]!.id;
    const pulseQuestion = template('leadership-pulse').questions[0]!.id;
    const response = await owner
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({
        answers: [
          { questionId: first, value: 6 },
          { questionId: pulseQuestion, value: 3 },
        ],
      })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'answers.0.value', reason: 'must be a whole number from 1 to 5' },
      { field: 'answers.1.questionId', reason: "is not a question of this assessment's template" },
    ]);
    const read = await owner.get(`${base}/assessments/${maturity.id}`).expect(200);
    expect(read.body.myResponse).toBeNull();
  });

  it('refuses any answer once the assessment is closed, and a submitted response changes no more', async () => {
    const maturity = await start('maturity');
    const first = template('maturity').questions[0]!.id;
    await owner
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({ answers: [{ questionId: first, value: 3 }] })
      .expect(200);
    await owner.post(`${base}/assessments/${maturity.id}/my-response/submit`).expect(200);
    await owner
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({ answers: [{ questionId: first, value: 5 }] })
      .expect(409);
    await owner.post(`${base}/assessments/${maturity.id}/close`).expect(200);
    const late = await addMember(api, owner, organisationId, 'contributor');
    const refused = await late
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({ answers: [{ questionId: first, value: 5 }] })
      .expect(409);
    expect(refused.body.title).toBe('Assessment closed');
  });

  it("answers 404 for another organisation's assessment or cycle", async () => {
    const stranger = await signUp(api);
    const theirs = (await makeOrganisation(stranger)).id;
    const mine = await start('maturity');
    await stranger.get(`/api/v1/organisations/${theirs}/assessments/${mine.id}`).expect(404);
    await stranger
      .get(`/api/v1/organisations/${theirs}/assessments/${mine.id}/results`)
      .expect(404);
    await stranger
      .post(`/api/v1/organisations/${theirs}/assessments`)
      .send({ cycleId, templateId: template('maturity').id, title: 'Borrowed cycle' })
      .expect(404);
  });

  it('records findings on the answers they rest on, and exports results and answers as CSV', async () => {
    const maturity = await start('maturity', 'Maturity baseline');
    const questions = template('maturity').questions;
    await owner
      .put(`${base}/assessments/${maturity.id}/my-response`)
      .send({
        answers: [
          {
            questionId: questions[12]!.id,
            value: 1,
            evidence: { text: 'No cost tracking by activity', figure: 0 },
          },
          { questionId: questions[0]!.id, value: 4 },
        ],
      })
      .expect(200);
    await owner.post(`${base}/assessments/${maturity.id}/my-response/submit`).expect(200);

    const answers = (await owner.get(`${base}/assessments/${maturity.id}/answers`).expect(200))
      .body as {
      id: string;
      questionId: string;
      evidence?: { text?: string; figure?: number };
    }[];
    const costs = answers.find((answer) => answer.questionId === questions[12]!.id)!;
    expect(costs.evidence).toEqual({ text: 'No cost tracking by activity', figure: 0 });

    const finding = await owner
      .post(`${base}/assessments/${maturity.id}/findings`)
      .send({
        title: 'Nobody knows what social costs',
        dimension: 'measurement and ROI',
        severity: 'high',
        answerIds: [costs.id],
      })
      .expect(201);
    expect(finding.body).toMatchObject({ severity: 'high', answerIds: [costs.id] });
    const otherPulse = await start('leadership-pulse');
    await owner
      .post(`${base}/assessments/${otherPulse.id}/findings`)
      .send({ title: 'Borrowed answer', severity: 'low', answerIds: [costs.id] })
      .expect(400);
    const listed = await owner.get(`${base}/assessments/${maturity.id}/findings`).expect(200);
    expect(listed.body.map((item: { title: string }) => item.title)).toEqual([
      'Nobody knows what social costs',
    ]);

    const results = await owner
      .get(`${base}/assessments/${maturity.id}/results.csv`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    expect(results.text).toContain('measurement and ROI,1,1,2');
    expect(results.text).toContain('overall,2.5');
    const exported = await owner.get(`${base}/assessments/${maturity.id}/answers.csv`).expect(200);
    const lines = exported.text.trim().split('\n');
    expect(lines[0]).toBe(
      'respondent,question,dimension,kind,answer,evidence_text,evidence_url,evidence_figure',
    );
    expect(lines).toHaveLength(3);
    expect(exported.text).toContain('No cost tracking by activity');
  });
});
