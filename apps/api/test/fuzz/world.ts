import type { Response } from 'supertest';
import {
  invitationToken,
  makeOrganisation,
  signUp,
  TEST_PASSWORD,
  type TestUser,
} from '../support/factories';
import type { TestApp } from '../support/harness';
import type { FuzzTargets } from './openapi-arbitraries';

/**
 * A small organisation for the fuzz suite to aim at: one record of each kind, so that a generated
 * path or body id points at a real record often enough for a request to get past "not found" and
 * into the service. Built over HTTP as a person would; ids are listed by the name a path parameter
 * or body field gives them (`kpiId`, `ownerUserId`, `objectiveIds`).
 */
export interface FuzzWorld {
  owner: TestUser;
  organisationId: string;
  /** Another owner's organisation (and records in it): ids the fuzzing owner must not reach. */
  foreignIds: string[];
  /** Ids of this organisation's records by kind (`cycle`, `kpi`, `user`, `entry` ...). */
  ids: Record<string, string[]>;
  /** Path tokens by the route they open (`invitations`, `response-links`, `shared`). */
  tokens: Record<string, string[]>;
  /** Plan version numbers that exist. */
  versionNumbers: number[];
  /** The fuzzing session of the owner: cookies and CSRF token sent on every request. */
  session: { cookie: string; csrfToken: string };
}

function created<T = Record<string, unknown>>(response: Response, what: string): T {
  if (response.status >= 300) {
    throw new Error(`fuzz world, ${what}: ${response.status} ${response.text.slice(0, 500)}`);
  }
  return response.body as T;
}

/** Signs the owner in a second time: a session of its own, so that the cookie jar stays ours. */
async function fuzzSession(api: TestApp, email: string): Promise<FuzzWorld['session']> {
  const response = await api.http
    .post('/api/v1/auth/sign-in')
    .send({ email, password: TEST_PASSWORD });
  const body = created<{ csrfToken: string }>(response, 'sign-in');
  const setCookie = response.headers['set-cookie'] as unknown as string[];
  const cookie = setCookie.map((line) => line.split(';')[0]).join('; ');
  return { cookie, csrfToken: body.csrfToken };
}

export async function buildWorld(api: TestApp): Promise<FuzzWorld> {
  const owner = await signUp(api, { name: 'Fuzz Owner' });
  // A fiscal year starting in April, so that the year around a date crosses a calendar year.
  const organisation = await makeOrganisation(owner, { currency: 'EUR', fiscalYearStartMonth: 4 });
  const base = `/api/v1/organisations/${organisation.id}`;
  const post = async (path: string, body: object, what = path) =>
    created(await owner.post(`${base}${path}`).send(body), what);
  const get = async <T>(path: string) => created<T>(await owner.get(`${base}${path}`), path);
  const id = (record: Record<string, unknown>) => String(record.id);

  const cycle = await post('/cycles', {
    name: 'FY2027',
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
  });
  const steps = cycle.steps as { id: string }[];
  const withCriterion = await post(`/cycles/${id(cycle)}/steps/${steps[0].id}/criteria`, {
    text: 'Leaders agree the ambition',
  });
  const criteria = (withCriterion.steps as { criteria: { id: string }[] }[])[0].criteria;

  const templates = await get<{ id: string; builtIn: boolean }[]>('/assessment-templates');
  const template = await post('/assessment-templates', {
    name: 'Fuzz pulse',
    questions: [{ dimension: 'listening', kind: 'text', prompt: 'What do members ask?' }],
  });
  const assessment = await post('/assessments', {
    cycleId: id(cycle),
    templateId: templates[0].id,
    title: 'Maturity, spring',
  });
  const questions = assessment.questions as { id: string }[];
  const finding = await post(`/assessments/${id(assessment)}/findings`, {
    title: 'We listen too little',
    severity: 'medium',
  });
  const link = await post(`/assessments/${id(assessment)}/response-links`, { name: 'Guest' });

  const outcome = await post('/outcomes', {
    title: 'Grow renewals',
    kind: 'retention',
    ownerUserId: owner.id,
  });
  const objective = await post('/objectives', {
    outcomeId: id(outcome),
    title: 'Answer every question within a day',
    findingIds: [id(finding)],
  });
  const kpi = await post('/kpis', {
    objectiveId: id(objective),
    code: 'K-FUZZ',
    name: 'Renewal rate',
    unit: '%',
    direction: 'increase',
    baselineValue: 61.5,
    baselineDate: '2026-04-01',
    targetValue: 70,
    targetDate: '2027-03-31',
  });
  const measurement = await post(`/kpis/${id(kpi)}/measurements`, {
    date: '2026-05-01',
    value: 62,
  });
  const initiative = await post('/initiatives', {
    code: 'I-FUZZ',
    name: 'Ask a bookseller',
    objectiveIds: [id(objective)],
    budget: '12500.00',
    accountableUserId: owner.id,
    responsibleUserId: owner.id,
    channels: ['Instagram'],
  });
  const milestone = await post('/milestones', {
    initiativeId: id(initiative),
    title: 'Guidelines published',
    ownerUserId: owner.id,
    dueDate: '2026-06-30',
  });
  await post(`/milestones/${id(milestone)}/check-ins`, {
    date: '2026-05-04',
    progress: 40,
    confidence: 'medium',
  });
  const money = { date: '2026-05-14', initiativeId: id(initiative), channel: 'Instagram' };
  const cost = await post('/cost-entries', {
    ...money,
    activity: 'Content production',
    amount: '1250.00',
    category: 'labour',
  });
  const value = await post('/value-entries', {
    ...money,
    activity: 'Content production',
    amount: '4000.00',
    valueType: 'revenue',
  });
  const comment = await post('/plan-comments', {
    subjectType: 'outcome',
    subjectId: id(outcome),
    kind: 'question',
    body: 'Which members?',
  });
  const version = await post('/plan-versions', { note: 'First plan' });
  const pack = await post('/board-packs', {
    cycleId: id(cycle),
    title: 'Board review, June',
    asOf: '2026-06-30',
  });
  // One pack published (only those are shared), one still a draft (only those are edited).
  await post(`/board-packs/${id(pack)}/publish`, {});
  const draft = await post('/board-packs', {
    cycleId: id(cycle),
    title: 'Board review, July',
    asOf: '2026-07-31',
  });
  const share = await post(`/board-packs/${id(pack)}/share-links`, { expiresInDays: 30 });
  const invitation = await post('/invitations', {
    email: 'invited-by-fuzz@example.org',
    role: 'contributor',
  });
  const apiKey = await post('/api-keys', { name: 'Fuzz key', role: 'executive' });
  const importCsv = 'kpi,date,value\nK-FUZZ,2026-06-01,63\n';
  const imported = created(
    await owner
      .post(`${base}/imports`)
      .field('kind', 'kpi-measurements')
      .attach('file', Buffer.from(importCsv), 'measurements.csv'),
    'import',
  );
  await importSettled(api, organisation.id);

  const channels = await get<{ id: string }[]>('/channels');
  const activities = await get<{ id: string }[]>('/activities');
  const members = await get<{ id: string }[]>('/members');

  const stranger = await signUp(api, { name: 'Other Owner' });
  const theirs = await makeOrganisation(stranger);
  const theirOutcome = created(
    await stranger
      .post(`/api/v1/organisations/${theirs.id}/outcomes`)
      .send({ title: 'Theirs', kind: 'other', ownerUserId: stranger.id }),
    'their outcome',
  );

  const ids: Record<string, string[]> = {
    organisation: [organisation.id],
    user: [owner.id],
    membership: members.map((member) => member.id),
    cycle: [id(cycle)],
    step: steps.map((step) => step.id),
    criterion: criteria.map((criterion) => criterion.id),
    template: [id(template), ...templates.slice(0, 1).map((t) => t.id)],
    assessment: [id(assessment)],
    question: questions.map((question) => question.id),
    finding: [id(finding)],
    respondent: [id(link)],
    outcome: [id(outcome)],
    objective: [id(objective)],
    kpi: [id(kpi)],
    measurement: [id(measurement)],
    initiative: [id(initiative)],
    milestone: [id(milestone)],
    entry: [id(cost), id(value)],
    comment: [id(comment)],
    subject: [id(outcome), id(objective), id(kpi)],
    channel: channels.map((channel) => channel.id),
    activity: activities.map((activity) => activity.id),
    pack: [id(pack), id(draft)],
    link: [id(share)],
    invitation: [id(invitation)],
    apiKey: [String((apiKey.apiKey as { id: string }).id)],
    import: [id(imported)],
  };
  ids.into = [...ids.channel, ...ids.activity];
  return {
    owner,
    organisationId: organisation.id,
    foreignIds: [theirs.id, stranger.id, id(theirOutcome)],
    ids,
    tokens: {
      invitations: [await invitationToken(api, organisation.id, 'invited-by-fuzz@example.org')],
      'response-links': [String(link.token)],
      shared: [String(share.token)],
    },
    versionNumbers: [Number(version.number)],
    session: await fuzzSession(api, owner.email),
  };
}

/** Imports run as jobs after their 202: wait until none is queued or running. */
export async function importSettled(api: TestApp, organisationId: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await api.sql<{ n: string }>(
      `SELECT count(*) AS n FROM imports
        WHERE organisation_id = $1 AND status IN ('queued', 'running')`,
      [organisationId],
    );
    if (Number(row.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('an import is still running after 10 s');
}

/** The world as the arbitraries see it: ids by the name a parameter or field gives them. */
export function targetsOf(world: FuzzWorld): FuzzTargets {
  const kinds = Object.keys(world.ids).sort((a, b) => b.length - a.length);
  return {
    idsFor(name: string): string[] {
      const stem = name.replace(/Ids?$/, '').toLowerCase();
      if (stem === 'org') return world.ids.organisation;
      const kind = kinds.find((candidate) => stem.endsWith(candidate.toLowerCase()));
      return kind ? world.ids[kind] : [];
    },
    anyIds: Object.values(world.ids).flat(),
    foreignIds: world.foreignIds,
    tokensFor(path: string): string[] {
      const route = Object.keys(world.tokens).find((prefix) => path.includes(`/${prefix}/`));
      return route ? world.tokens[route] : ['no-such-token'];
    },
    versionNumbers: world.versionNumbers,
  };
}
