import { addMember, makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

interface Question {
  id: string;
  dimension: string;
  kind: string;
  prompt: string;
  unit: string | null;
  anchors: string[] | null;
  options: string[] | null;
  evidenceRequired: boolean;
}
interface Template {
  id: string;
  key: string;
  name: string;
  version: number;
  builtIn: boolean;
  assessments: number;
  questions: Question[];
}

/** A template's questions as a template edit sends them. */
const asInput = (questions: Question[]) =>
  questions.map(({ dimension, kind, prompt, anchors, options, unit, evidenceRequired }) => ({
    dimension,
    kind,
    prompt,
    ...(anchors ? { anchors } : {}),
    ...(options ? { options } : {}),
    ...(unit ? { unit } : {}),
    evidenceRequired,
  }));

describe('assessment respondents, response links, templates and baselines', () => {
  let api: TestApp;
  let owner: TestUser;
  let organisationId: string;
  let base: string;
  let cycleId: string;
  let builtIns: Template[];
  const builtIn = (key: string) => builtIns.find((candidate) => candidate.key === key)!;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await signUp(api, { name: 'Maeve Owner' });
    organisationId = (await makeOrganisation(owner)).id;
    base = `/api/v1/organisations/${organisationId}`;
    cycleId = await makeCycle('FY2027', '2026-04-01', '2027-03-31');
    builtIns = (await owner.get(`${base}/assessment-templates`).expect(200)).body;
  });
  afterAll(() => api.close());

  async function makeCycle(name: string, startsOn: string, endsOn: string) {
    return (
      (await owner.post(`${base}/cycles`).send({ name, startsOn, endsOn }).expect(201)).body as {
        id: string;
      }
    ).id;
  }

  async function start(templateId: string, cycle = cycleId, title = 'An assessment') {
    return (
      (
        await owner
          .post(`${base}/assessments`)
          .send({ cycleId: cycle, templateId, title, deadline: '2027-01-15' })
          .expect(201)
      ).body as { id: string }
    ).id;
  }

  const link = (assessmentId: string, body: Record<string, unknown>) =>
    owner.post(`${base}/assessments/${assessmentId}/response-links`).send(body);
  const anonymous = () => api.http;
  const answerCount = async (assessmentId: string) =>
    Number(
      (
        await api.sql<{ count: string }>(
          `SELECT count(*) FROM assessment_answers a JOIN assessment_responses r ON r.id = a.response_id
            WHERE r.assessment_id = $1`,
          [assessmentId],
        )
      )[0]!.count,
    );

  describe('templates', () => {
    it('copies a built-in template as the organisation’s own, and saves each edit as a new version', async () => {
      const pulse = builtIn('leadership-pulse');
      const copy = (
        await owner
          .post(`${base}/assessment-templates/${pulse.id}/copy`)
          .send({ name: 'Branch managers pulse' })
          .expect(201)
      ).body as Template;
      expect(copy).toMatchObject({
        key: 'branch-managers-pulse',
        version: 1,
        builtIn: false,
        basedOnTemplateId: pulse.id,
      });
      expect(copy.questions.map((question) => question.prompt)).toEqual(
        pulse.questions.map((question) => question.prompt),
      );

      const assessment = await start(copy.id);
      const edited = (
        await owner
          .put(`${base}/assessment-templates/${copy.id}`)
          .send({
            name: 'Branch managers pulse',
            version: 1,
            questions: [
              {
                dimension: 'leadership pulse',
                kind: 'scale',
                prompt: 'How well does your branch use social media to reach customers?',
                anchors: ['Not at all', 'Slightly', 'Moderately', 'Very', 'Extremely'],
                evidenceRequired: true,
              },
              {
                dimension: 'reach',
                kind: 'number',
                prompt: 'Followers of the branch page',
                unit: 'followers',
              },
            ],
          })
          .expect(200)
      ).body as Template;
      expect(edited).toMatchObject({ key: copy.key, version: 2, assessments: 0 });
      expect(edited.questions).toHaveLength(2);

      // The running assessment keeps the version it started on.
      const running = (await owner.get(`${base}/assessments/${assessment}`).expect(200)).body;
      expect(running.templateId).toBe(copy.id);
      expect(running.questions).toHaveLength(pulse.questions.length);

      // The list shows the latest version; every version stays readable.
      const latest = (await owner.get(`${base}/assessment-templates`).expect(200))
        .body as Template[];
      expect(latest.filter((template) => template.key === copy.key)).toEqual([
        expect.objectContaining({ id: edited.id, version: 2 }),
      ]);
      const all = (await owner.get(`${base}/assessment-templates?allVersions=true`).expect(200))
        .body as Template[];
      expect(
        all.filter((template) => template.key === copy.key).map((template) => template.version),
      ).toEqual([2, 1]);

      // An edit based on an older version is refused with the current one.
      const stale = await owner
        .put(`${base}/assessment-templates/${edited.id}`)
        .send({ name: 'Late edit', version: 1, questions: asInput(edited.questions) })
        .expect(409);
      expect(stale.body.current).toMatchObject({ id: edited.id, version: 2 });
      await owner
        .put(`${base}/assessment-templates/${copy.id}`)
        .send({ name: 'Edit of an old version', version: 1, questions: asInput(edited.questions) })
        .expect(409);
    });

    it('refuses to edit a built-in template, and a question that does not hold together', async () => {
      const pulse = builtIn('leadership-pulse');
      await owner
        .put(`${base}/assessment-templates/${pulse.id}`)
        .send({ name: 'Mine now', version: 1, questions: asInput(pulse.questions) })
        .expect(403);
      const bad = await owner
        .post(`${base}/assessment-templates`)
        .send({
          name: 'Broken',
          questions: [
            { dimension: 'x', kind: 'scale', prompt: 'Rate it', anchors: ['Low', 'High'] },
            { dimension: 'x', kind: 'single_choice', prompt: 'Pick', options: ['Only one'] },
            { dimension: 'x', kind: 'number', prompt: 'How many?' },
          ],
        })
        .expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'questions.0.anchors',
        'questions.1.options',
        'questions.2.unit',
      ]);
      const named = await api.sql(
        `SELECT 1 FROM assessment_templates WHERE organisation_id = $1 AND name = 'Broken'`,
        [organisationId],
      );
      expect(named).toEqual([]);
    });
  });

  describe('respondents and response links', () => {
    it('shows who is asked and who has answered, and reminds those who have not by mail', async () => {
      const pulse = builtIn('leadership-pulse');
      const assessment = await start(pulse.id, cycleId, 'Pulse with reminders');
      const executive = await addMember(api, owner, organisationId, 'executive');
      const manager = await addMember(api, owner, organisationId, 'program_manager');
      await owner
        .post(`${base}/assessments/${assessment}/respondents`)
        .send({ userIds: [executive.id, manager.id] })
        .expect(200);
      const created = await link(assessment, {
        name: 'Siobhán Kearney',
        email: 'Siobhan.Kearney@example.org',
      }).expect(201);
      expect(created.body).toMatchObject({
        kind: 'link',
        linkStatus: 'active',
        responseStatus: 'not_started',
        email: 'siobhan.kearney@example.org',
      });
      expect(created.body.url).toContain(`/respond/${created.body.token}`);
      await link(assessment, { name: 'No Email Manager' }).expect(201);

      await executive
        .put(`${base}/assessments/${assessment}/my-response`)
        .send({
          answers: [{ questionId: pulse.questions[0]!.id, value: 4, evidence: { text: 'x' } }],
        })
        .expect(200);
      await executive.post(`${base}/assessments/${assessment}/my-response/submit`).expect(200);

      const respondents = (await owner.get(`${base}/assessments/${assessment}/respondents`)).body;
      const statusOf = Object.fromEntries(
        respondents.map((r: { userId: string | null; name: string; responseStatus: string }) => [
          r.userId ?? r.name,
          r.responseStatus,
        ]),
      );
      expect(statusOf).toEqual({
        [executive.id]: 'submitted',
        [manager.id]: 'not_started',
        'Siobhán Kearney': 'not_started',
        'No Email Manager': 'not_started',
      });

      const reminder = await owner.post(`${base}/assessments/${assessment}/reminders`).expect(200);
      expect(reminder.body.reminded).toHaveLength(2);
      expect(reminder.body.reminded).toContain('Siobhán Kearney');
      expect(reminder.body.withoutEmail).toEqual(['No Email Manager']);
      const mailed = await api.sql<{ recipient: string; body: string }>(
        `SELECT recipient, body FROM outbox_messages WHERE subject LIKE 'Reminder: Pulse with reminders%'`,
      );
      expect(mailed.map((message) => message.recipient).sort()).toEqual(
        [manager.email, 'siobhan.kearney@example.org'].sort(),
      );
      // The link holder's reminder carries a fresh link; the first one no longer opens anything.
      const fresh = /\/respond\/([A-Za-z0-9_-]+)/.exec(
        mailed.find((message) => message.recipient.startsWith('siobhan'))!.body,
      )![1]!;
      await anonymous().get(`/api/v1/response-links/${created.body.token}`).expect(404);
      const view = await anonymous().get(`/api/v1/response-links/${fresh}`).expect(200);
      expect(view.body).toMatchObject({
        respondentName: 'Siobhán Kearney',
        assessmentTitle: 'Pulse with reminders',
        deadline: '2027-01-15',
        response: null,
      });
    });

    it('lets someone without an account answer once through a link, and counts the answer', async () => {
      const pulse = builtIn('leadership-pulse');
      const rating = pulse.questions[0]!.id;
      const assessment = await start(pulse.id, cycleId, 'Pulse through a link');
      const token = (await link(assessment, { name: 'Head of Retail' }).expect(201)).body.token;
      const path = `/api/v1/response-links/${token}`;

      const draft = await anonymous()
        .put(`${path}/response`)
        .send({ answers: [{ questionId: rating, value: 3, evidence: { figure: 120 } }] })
        .expect(200);
      expect(draft.body.response).toMatchObject({ status: 'draft' });
      await anonymous().post(`${path}/submit`).expect(200);

      const results = (await owner.get(`${base}/assessments/${assessment}/results`)).body;
      expect(results).toMatchObject({ respondents: 1, overallScore: 3 });
      const answers = (await owner.get(`${base}/assessments/${assessment}/answers`)).body;
      expect(answers[0]).toMatchObject({ respondentName: 'Head of Retail', value: 3 });

      // Used up: another save or submit is 410 Gone and changes nothing.
      const before = await answerCount(assessment);
      const reused = await anonymous()
        .put(`${path}/response`)
        .send({ answers: [{ questionId: rating, value: 5, evidence: { text: 'again' } }] })
        .expect(410);
      expect(reused.body).toMatchObject({ title: 'Link already used' });
      await anonymous().post(`${path}/submit`).expect(410);
      expect(await answerCount(assessment)).toBe(before);
      const respondents = (await owner.get(`${base}/assessments/${assessment}/respondents`)).body;
      expect(respondents[0]).toMatchObject({ linkStatus: 'used', responseStatus: 'submitted' });
    });

    it('refuses an expired link, a rating of 6, a question of another template, and a closed assessment', async () => {
      const pulse = builtIn('leadership-pulse');
      const rating = pulse.questions[0]!.id;
      const assessment = await start(pulse.id, cycleId, 'Pulse refusing bad input');
      const token = (await link(assessment, { name: 'Late Manager' }).expect(201)).body.token;
      const path = `/api/v1/response-links/${token}`;

      const six = await anonymous()
        .put(`${path}/response`)
        .send({ answers: [{ questionId: rating, value: 6 }] })
        .expect(400);
      expect(six.body.errors).toEqual([
        { field: 'answers.0.value', reason: 'must be a whole number from 1 to 5' },
      ]);
      const foreign = await anonymous()
        .put(`${path}/response`)
        .send({ answers: [{ questionId: builtIn('maturity').questions[0]!.id, value: 3 }] })
        .expect(400);
      expect(foreign.body.errors[0].field).toBe('answers.0.questionId');
      await anonymous().put(`${path}/response`).send({ answers: 'nonsense' }).expect(400);
      expect(await answerCount(assessment)).toBe(0);

      await api.sql(
        `UPDATE assessment_respondents SET expires_at = now() - interval '1 minute' WHERE assessment_id = $1`,
        [assessment],
      );
      const expired = await anonymous()
        .put(`${path}/response`)
        .send({ answers: [{ questionId: rating, value: 3 }] })
        .expect(410);
      expect(expired.body).toMatchObject({ title: 'Link expired' });
      await anonymous().get(path).expect(410);

      const other = (await link(assessment, { name: 'Punctual Manager' }).expect(201)).body.token;
      await owner.post(`${base}/assessments/${assessment}/close`).expect(200);
      await anonymous()
        .put(`/api/v1/response-links/${other}/response`)
        .send({ answers: [{ questionId: rating, value: 3 }] })
        .expect(409);
      await link(assessment, { name: 'Too Late' }).expect(409);
      await anonymous().get('/api/v1/response-links/not-a-real-token').expect(404);
      expect(await answerCount(assessment)).toBe(0);
    });

    it('asks members only, and hides respondents of another organisation', async () => {
      const assessment = await start(builtIn('leadership-pulse').id, cycleId, 'Members only');
      const outsider = await signUp(api);
      const refused = await owner
        .post(`${base}/assessments/${assessment}/respondents`)
        .send({ userIds: [outsider.id] })
        .expect(400);
      expect(refused.body.errors).toEqual([
        { field: 'userIds.0', reason: 'is not a member of this organisation' },
      ]);
      const theirs = (await makeOrganisation(outsider)).id;
      await outsider
        .get(`/api/v1/organisations/${theirs}/assessments/${assessment}/respondents`)
        .expect(404);
      await outsider
        .post(`/api/v1/organisations/${theirs}/assessments/${assessment}/response-links`)
        .send({ name: 'Intruder' })
        .expect(404);
      const rows = await api.sql(`SELECT 1 FROM assessment_respondents WHERE assessment_id = $1`, [
        assessment,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('baseline figures and the previous cycle', () => {
    it('turns the channel audit’s quantities into dated baseline figures when it closes', async () => {
      const audit = builtIn('channel-audit');
      const assessment = await start(audit.id, cycleId, 'Channel audit');
      const number = (prompt: string) =>
        audit.questions.find((question) => question.prompt.startsWith(prompt))!.id;
      const answerWith = (followers: number, posts: number) => ({
        answers: [
          { questionId: number('Followers'), value: followers, evidence: { text: 'analytics' } },
          { questionId: number('Posts'), value: posts, evidence: { text: 'calendar' } },
        ],
      });
      const colleague = await addMember(api, owner, organisationId, 'executive');
      for (const [person, followers, posts] of [
        [owner, 1200, 10],
        [colleague, 1301, 11],
      ] as const) {
        await person
          .put(`${base}/assessments/${assessment}/my-response`)
          .send(answerWith(followers, posts))
          .expect(200);
        await person.post(`${base}/assessments/${assessment}/my-response/submit`).expect(200);
      }
      await owner.post(`${base}/assessments/${assessment}/close`).expect(200);
      const today = new Date().toISOString().slice(0, 10);
      const figures = (
        await owner.get(`${base}/baseline-figures?cycleId=${cycleId}`).expect(200)
      ).body.filter((figure: { assessmentId: string }) => figure.assessmentId === assessment);
      expect(figures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'Followers across all accounts',
            unit: 'followers',
            value: 1250.5,
            measuredOn: today,
            respondents: 2,
          }),
          expect.objectContaining({ name: 'Posts published a month', value: 10.5 }),
        ]),
      );
      expect(figures).toHaveLength(2);
    });

    it('shows the maturity results against the same assessment of the previous cycle', async () => {
      const maturity = builtIn('maturity');
      const earlierCycle = await makeCycle('FY2026', '2025-04-01', '2026-03-31');
      const answerAll = (value: number) => ({
        answers: maturity.questions
          .filter((question) => question.kind === 'scale')
          .map((question) => ({ questionId: question.id, value })),
      });
      const earlier = await start(maturity.id, earlierCycle, 'Maturity FY2026');
      await owner.put(`${base}/assessments/${earlier}/my-response`).send(answerAll(2)).expect(200);
      await owner.post(`${base}/assessments/${earlier}/my-response/submit`).expect(200);

      const current = await start(maturity.id, cycleId, 'Maturity FY2027');
      expect((await owner.get(`${base}/assessments/${current}/results`)).body.previous).toBeNull();
      await owner.post(`${base}/assessments/${earlier}/close`).expect(200);
      await owner.put(`${base}/assessments/${current}/my-response`).send(answerAll(4)).expect(200);
      await owner.post(`${base}/assessments/${current}/my-response/submit`).expect(200);

      const results = (await owner.get(`${base}/assessments/${current}/results`).expect(200)).body;
      expect(results.overallScore).toBe(4);
      expect(results.previous).toMatchObject({
        assessmentId: earlier,
        cycleName: 'FY2026',
        overallScore: 2,
      });
      expect(results.previous.dimensions).toHaveLength(7);
      expect(results.evidenceCoverage).toHaveLength(7);
      expect(results.evidenceCoverage[0]).toMatchObject({ withEvidence: 0, share: 0 });
    });
  });
});
