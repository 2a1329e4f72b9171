import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './support/harness';
import { type FuzzRequest, requestArbitrary } from './fuzz/openapi-arbitraries';
import { type Operation, operationsOf, readOpenApi } from './fuzz/openapi-document';
import { countChanges, RowCounter, type RowCounts } from './fuzz/row-counts';
import { RawBody } from './fuzz/hostile-values';
import { answerFault, send } from './fuzz/send';
import { buildWorld, type FuzzWorld, importSettled, targetsOf } from './fuzz/world';

// Issue 11: every operation of the OpenAPI description, fuzzed as an owner with requests drawn
// from its schemas (valid-ish values, wrong types, boundary numbers, control characters, lone
// surrogates, impossible dates, deep nesting, ids of nothing or of another organisation). Each
// answer must be below 500, each 4xx a problem+json, and a refused request must write nothing.
//
// CI runs a fixed seed and few runs per operation; `npm run fuzz` runs many with a random seed,
// printed so that a failure can be replayed: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run fuzz.

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20261202);

/** Operations not generated, and why; the last two get hand-made requests below. */
const NOT_GENERATED: Record<string, string> = {
  'POST /api/v1/auth/sign-out': 'ends the fuzzing session, and every later request would be a 401',
  'POST /api/v1/auth/sign-out-everywhere': 'ends every session of the fuzzing owner',
  'GET /api/v1/organisations/{orgId}/plan/events': 'an event stream that never ends',
  'POST /api/v1/organisations/{orgId}/imports': 'a multipart upload, not a JSON body',
};

/**
 * Sent without the session: a sign-up or sign-in that succeeds ends the session it was sent with
 * (so that a shared browser never keeps the previous person signed in).
 */
const ANONYMOUS = new Set(['POST /api/v1/auth/sign-up', 'POST /api/v1/auth/sign-in']);

const document = readOpenApi();
// Deletions last, so that the records the other operations aim at exist while they run.
const operations = operationsOf(document)
  .filter((operation) => !(operation.name in NOT_GENERATED))
  .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));

/** Answers by operation and status, printed at the end with FUZZ_STATS=1. */
const answered = new Map<string, Map<number, number>>();
function tally(operation: string, status: number): void {
  const statuses = answered.get(operation) ?? new Map<number, number>();
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  answered.set(operation, statuses);
}

let api: TestApp;
let world: FuzzWorld;
let rows: RowCounter;

beforeAll(async () => {
  api = await startTestApp();
  world = await buildWorld(api);
  rows = await RowCounter.open(api.databaseUrl, {
    organisationIds: [world.organisationId, world.foreignIds[0]],
    ownerId: world.owner.id,
  });
  process.stdout.write(
    `fuzz: seed ${SEED}, ${FUZZ_RUNS} runs for each of ${operations.length} operations\n`,
  );
}, 120_000);

afterAll(async () => {
  if (process.env.FUZZ_STATS) {
    const lines = [...answered].map(
      ([operation, statuses]) =>
        `${operation}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
    );
    process.stdout.write(`fuzz answers:\n${lines.join('\n')}\n`);
  }
  await rows?.close();
  await api?.close();
});

/**
 * Sends the request and checks the answer; after a refusal, the counts must be those before it
 * (the baseline moves on either way, so that a shrunk counterexample is judged on its own).
 */
async function check(
  request: FuzzRequest,
  baseline: { counts: RowCounts },
  anonymous = false,
  operation = 'hand-made',
): Promise<void> {
  const response = await send(api, world, request, anonymous);
  tally(operation, response.status);
  const fault = answerFault(response);
  if (fault) throw new Error(fault);
  if (response.status >= 200 && response.status < 300 && request.url.includes('/imports')) {
    await importSettled(api, world.organisationId);
  }
  const after = await rows.counts();
  const changes = countChanges(baseline.counts, after);
  baseline.counts = after;
  if (response.status >= 400 && changes) {
    throw new Error(`refused with ${response.status}, yet rows changed: ${changes}`);
  }
}

/** The fuzzing session must survive every operation, or the rest would test only 401s. */
async function expectOwnerStillSignedIn(): Promise<void> {
  const me = await send(api, world, { method: 'get', url: '/api/v1/auth/me' });
  expect(me.status).toBe(200);
  const [membership] = await api.sql<{ role: string }>(
    'SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2',
    [world.organisationId, world.owner.id],
  );
  expect(membership?.role).toBe('owner');
}

describe('every operation of the OpenAPI description, fuzzed as an owner', () => {
  it.each(operations.map((operation): [string, Operation] => [operation.name, operation]))(
    '%s: no 5xx, 4xx as problems, nothing written when refused',
    async (_name, operation) => {
      const baseline = { counts: await rows.counts() };
      const requests = requestArbitrary(operation, document, targetsOf(world));
      await fc.assert(
        fc.asyncProperty(requests, (request) =>
          check(request, baseline, ANONYMOUS.has(operation.name), operation.name),
        ),
        { seed: SEED, numRuns: FUZZ_RUNS },
      );
      await expectOwnerStillSignedIn();
    },
    Math.max(60_000, FUZZ_RUNS * 3_000),
  );
});

describe('the operations that are not generated', () => {
  it('lists only operations of the description', () => {
    const names = operationsOf(document).map((operation) => operation.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(NOT_GENERATED)));
  });

  it('refuses hostile paths to the plan event stream before it starts', async () => {
    const baseline = { counts: await rows.counts() };
    for (const orgId of ['not-a-uuid', world.foreignIds[0], randomUUID(), 'a%00b']) {
      const url = `/api/v1/organisations/${orgId}/plan/events`;
      await check({ method: 'get', url }, baseline);
    }
  });

  it('answers hand-made import uploads with a problem or a queued import', async () => {
    const url = `/api/v1/organisations/${world.organisationId}/imports`;
    const baseline = { counts: await rows.counts() };
    const csv = (text: string | Buffer) => (Buffer.isBuffer(text) ? text : Buffer.from(text));
    const uploads: { kind?: string; file?: Buffer; extra?: Record<string, string> }[] = [
      { kind: 'kpi-measurements' },
      { file: csv('kpi,date,value\nK-FUZZ,2026-06-01,1\n') },
      { kind: 'nothing', file: csv('a\n1\n') },
      { kind: 'costs\u0000', file: csv('a\n1\n') },
      { kind: 'kpi-measurements', file: csv('') },
      { kind: 'kpi-measurements', file: csv('kpi,date,value\nK-FUZZ,2026-06-01,1\u0000\n') },
      {
        kind: 'kpi-measurements',
        file: Buffer.from('kpi,date,value\nK\xff\xfe,2026-06-01,1\n', 'latin1'),
      },
      {
        kind: 'kpi-measurements',
        file: Buffer.from('kpi,date,value\nK\xed\xa0\x80,2026-06-01,1\n', 'latin1'),
      },
      { kind: 'kpi-measurements', file: csv('kpi,date,value\nK-FUZZ,2025-02-30,1e400\n') },
      {
        kind: 'kpi-measurements',
        file: csv('kpi,date,value\nK-FUZZ,0000-01-01,1208925819614629174706176\n'),
      },
      {
        kind: 'kpi-measurements',
        file: csv(`${Array.from({ length: 65 }, (_, i) => `c${i}`).join(',')}\n`),
      },
      {
        kind: 'costs',
        file: csv(
          'date,initiative,channel,activity,category,amount,hours,note\n2026-06-01,I-FUZZ,Inst\u0001agram,Ads,media,-5,abc,"unclosed\n',
        ),
      },
      { kind: 'values', file: csv('"a""b\n') },
      {
        kind: 'kpi-measurements',
        file: csv('kpi,date,value\nK-FUZZ,2026-06-02,3\n'),
        extra: { confirmDuplicate: 'maybe' },
      },
    ];
    for (const { kind, file, extra } of uploads) {
      let request = api.http
        .post(url)
        .set('Cookie', world.session.cookie)
        .set('X-CSRF-Token', world.session.csrfToken);
      if (kind !== undefined) request = request.field('kind', kind);
      for (const [name, value] of Object.entries(extra ?? {})) request = request.field(name, value);
      if (file) request = request.attach('file', file, 'upload.csv');
      const response = await request;
      expect(answerFault(response)).toBeUndefined();
      if (response.status < 300) await importSettled(api, world.organisationId);
      const after = await rows.counts();
      if (response.status >= 400) expect(countChanges(baseline.counts, after)).toBeUndefined();
      baseline.counts = after;
    }
    for (const body of [
      new RawBody('application/json', '{"kind":"costs"}'),
      new RawBody(
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data\r\n\r\n',
      ),
      new RawBody('multipart/form-data', 'no boundary'),
      new RawBody('text/csv', 'kpi,date,value\n'),
    ]) {
      await check({ method: 'post', url, body }, baseline);
    }
  });
});
