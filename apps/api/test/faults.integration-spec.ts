import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import supertest from 'supertest';
import { IDEMPOTENCY_PROBLEM_TYPES } from '../src/common/idempotency/idempotency-problems';
import { prepareDatabase } from '../src/database/prepare-database';
import {
  type ApiProcess,
  type Cluster,
  credentialsOf,
  PrivatePostgres,
  signUpAt,
  startCluster,
} from './support/cluster';
import { makeOrganisation, TEST_PASSWORD } from './support/factories';
import { makeInitiatives } from './support/plan-factories';
import { ownerQuery } from './support/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a write is retried (with its key) before the client gives up on it. */
const GIVE_UP_AFTER_MS = 45_000;

/**
 * A steady, bounded write load: a few clients each creating cost entries one after another
 * through nginx, each with its own Idempotency-Key, retrying a failed or unanswered write with
 * the same key and body until it is acknowledged (or it gives up).
 */
class WriteLoad {
  readonly tag = `load-${randomBytes(3).toString('hex')}`;
  /** note -> id, for every write answered with a 2xx. */
  readonly acknowledged = new Map<string, string>();
  readonly givenUp = new Set<string>();
  /**
   * Writes whose process died after the create committed but before it kept the answer: the
   * API refuses to carry them out again (409 answer lost). Never acknowledged, but present once.
   */
  readonly answerLost = new Set<string>();
  readonly acknowledgedAt: number[] = [];
  requests = 0;
  retries = 0;
  replays = 0;
  private stopped = false;
  private writers: Promise<void>[] = [];
  private next = 0;

  constructor(
    private readonly url: string,
    private readonly path: string,
    private readonly headers: Record<string, string>,
    private readonly initiativeId: string,
  ) {}

  start(writers = 3): void {
    this.writers = Array.from({ length: writers }, async () => {
      while (!this.stopped) {
        await this.write();
        await sleep(20);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.writers);
  }

  /** Waits until `count` more writes are acknowledged after now. */
  async acknowledgedMore(count: number, timeoutMs = 30_000): Promise<number> {
    const since = Date.now();
    const deadline = since + timeoutMs;
    while (Date.now() < deadline) {
      const after = this.acknowledgedAt.filter((at) => at >= since);
      if (after.length >= count) return after[0]! - since;
      await sleep(50);
    }
    throw new Error(`fewer than ${count} writes acknowledged in ${timeoutMs} ms`);
  }

  private async write(): Promise<void> {
    const note = `${this.tag} ${this.next++}`;
    const key = randomUUID();
    const body = JSON.stringify({
      date: '2027-03-14',
      initiativeId: this.initiativeId,
      channel: 'Instagram',
      activity: 'Content production',
      category: 'labour',
      amount: '10.00',
      note,
    });
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
      if (attempt > 0) {
        this.retries++;
        await sleep(150);
      }
      this.requests++;
      try {
        const response = await fetch(`${this.url}${this.path}`, {
          method: 'POST',
          headers: {
            ...this.headers,
            'Content-Type': 'application/json',
            'Idempotency-Key': key,
          },
          body,
          signal: AbortSignal.timeout(3000),
        });
        const text = await response.text();
        if (response.status === 201) {
          if (response.headers.get('idempotent-replayed') === 'true') this.replays++;
          this.acknowledged.set(note, (JSON.parse(text) as { id: string }).id);
          this.acknowledgedAt.push(Date.now());
          return;
        }
        if (
          response.status === 409 &&
          (JSON.parse(text) as { type?: string }).type === IDEMPOTENCY_PROBLEM_TYPES.answerLost
        ) {
          this.answerLost.add(note);
          return;
        }
        // A refusal of the request itself would be a bug of the test, not a fault to outlast.
        if (response.status === 400 || response.status === 422) {
          throw new Error(`refused: ${response.status} ${text}`);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('refused')) throw error;
        // No answer (the connection dropped, or the timeout): the same key again.
      }
    }
    this.givenUp.add(note);
  }
}

/** Samples /api/health/ready of each process every 100 ms. */
class ReadinessWatch {
  readonly samples: { at: number; process: string; ok: boolean }[] = [];
  private timer?: NodeJS.Timeout;

  start(apis: ApiProcess[]): void {
    this.timer = setInterval(() => {
      for (const api of apis) {
        const at = Date.now();
        fetch(`${api.url}/api/health/ready`, { signal: AbortSignal.timeout(2500) })
          .then((response) => this.samples.push({ at, process: api.name, ok: response.ok }))
          .catch(() => this.samples.push({ at, process: api.name, ok: false }));
      }
    }, 100);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  failedBetween(process: string, from: number, to: number): boolean {
    return this.samples.some((s) => s.process === process && s.at >= from && s.at <= to && !s.ok);
  }

  /** When the process answered ready again after `from`, waiting for it if needed. */
  async readyAgain(process: string, from: number, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = this.samples
        .filter((s) => s.process === process && s.at >= from && s.ok)
        .sort((x, y) => x.at - y.at)[0];
      if (ok) return ok.at;
      await sleep(50);
    }
    throw new Error(`${process} not ready again within ${timeoutMs} ms`);
  }
}

describe('faults under a steady write load (private PostgreSQL, PgBouncer, 2 processes, nginx)', () => {
  let postgres: PrivatePostgres;
  let databaseUrl: string;
  let cluster: Cluster;
  let headers: Record<string, string>;
  let organisationId: string;
  let initiativeId: string;
  let initiativeCode: string;
  let watch: ReadinessWatch;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    const admin = new Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE roi');
    await admin.end();
    databaseUrl = postgres.url('roi');
    await prepareDatabase(databaseUrl, { seedDemo: false });
    cluster = await startCluster({
      databaseUrl,
      // Dead import jobs are found within seconds rather than the half hour of production.
      environment: { IMPORT_JOB_TIMEOUT_SECONDS: '5', LOG_LEVEL: 'warn' },
    });
    const owner = await signUpAt(cluster.nginx.url);
    organisationId = (await makeOrganisation(owner)).id;
    const [initiative] = (await makeInitiatives(owner, organisationId, ['100000.00'])).initiatives;
    initiativeId = initiative!.id;
    initiativeCode = initiative!.code;
    headers = credentialsOf(
      await supertest(cluster.nginx.url)
        .post('/api/v1/auth/sign-in')
        .send({ email: owner.email, password: TEST_PASSWORD })
        .expect(200),
    );
    watch = new ReadinessWatch();
    watch.start(cluster.apis);
  }, 120_000);

  afterAll(async () => {
    watch?.stop();
    await cluster?.stop();
    await postgres?.remove();
  }, 60_000);

  const startLoad = () => {
    const load = new WriteLoad(
      cluster.nginx.url,
      `/api/v1/organisations/${organisationId}/cost-entries`,
      headers,
      initiativeId,
    );
    load.start();
    return load;
  };

  /** Every acknowledged write is there exactly once; nothing is there twice. */
  async function expectEveryAcknowledgedWriteOnce(load: WriteLoad) {
    const rows = await ownerQuery<{ note: string; ids: string[] }>(
      databaseUrl,
      `SELECT note, array_agg(id::text) AS ids FROM cost_entries
        WHERE organisation_id = $1 AND note LIKE $2 GROUP BY note`,
      [organisationId, `${load.tag} %`],
    );
    const stored = new Map(rows.map((row) => [row.note, row.ids]));
    const lost = [...load.acknowledged].filter(([note, id]) => stored.get(note)?.[0] !== id);
    const duplicated = rows.filter((row) => row.ids.length > 1);
    const answerLostMissing = [...load.answerLost].filter((note) => stored.get(note)?.length !== 1);
    const summary = {
      acknowledged: load.acknowledged.size,
      found: [...load.acknowledged.keys()].filter((note) => stored.has(note)).length,
      lost: lost.length,
      duplicates: duplicated.length,
      givenUp: load.givenUp.size,
      answerLost: load.answerLost.size,
      requests: load.requests,
      retries: load.retries,
      replayed: load.replays,
    };
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(load.givenUp.size).toBe(0);
    expect(answerLostMissing).toEqual([]);
    return summary;
  }

  const pids = () => cluster.apis.map((api) => api.pid);

  it('survives a PostgreSQL restart: readiness fails, then recovers without restarting the API', async () => {
    const before = pids();
    const load = startLoad();
    await load.acknowledgedMore(10);
    const down = Date.now();
    await postgres.stop();
    await sleep(2000);
    await postgres.start();
    const up = Date.now();
    const ready = await Promise.all(cluster.apis.map((api) => watch.readyAgain(api.name, up)));
    const firstWrite = await load.acknowledgedMore(5);
    await load.stop();

    for (const api of cluster.apis) expect(watch.failedBetween(api.name, down, up)).toBe(true);
    expect(pids()).toEqual(before);
    const summary = await expectEveryAcknowledgedWriteOnce(load);
    console.log(
      `PostgreSQL restart: outage ${up - down} ms, ready again after ${Math.max(...ready) - up} ms, writes flowing again ${firstWrite} ms after`,
      summary,
    );
  }, 120_000);

  it('survives kill -9 of one API process: nginx sends everything to the other meanwhile', async () => {
    const load = startLoad();
    await load.acknowledgedMore(10);
    const [victim, survivor] = cluster.apis as [ApiProcess, ApiProcess];
    const survivorPid = survivor.pid;
    // An import queued just before: whichever process took it, it finishes.
    const file = [
      'date,initiative,channel,activity,category,amount,hours,note',
      `2026-03-01,${initiativeCode},Instagram,Content production,labour,12.50,1,imported under fault`,
    ].join('\r\n');
    const accepted = await supertest(cluster.nginx.url)
      .post(`/api/v1/organisations/${organisationId}/imports`)
      .set(headers)
      .field('kind', 'costs')
      .attach('file', Buffer.from(file), { filename: 'costs.csv', contentType: 'text/csv' })
      .expect(202);
    const killed = Date.now();
    await victim.kill();
    const servedByOne = await load.acknowledgedMore(10);
    await victim.start();
    const restarted = Date.now();
    await load.acknowledgedMore(5);
    await load.stop();

    expect(survivor.pid).toBe(survivorPid);
    expect(watch.failedBetween(survivor.name, killed, restarted)).toBe(false);
    const summary = await expectEveryAcknowledgedWriteOnce(load);

    // No job is left running forever: the import ends, and pg-boss holds no active job.
    const deadline = Date.now() + 30_000;
    let status = '';
    while (Date.now() < deadline) {
      [{ status } = { status: '' }] = await ownerQuery<{ status: string }>(
        databaseUrl,
        `SELECT status FROM imports WHERE id = $1`,
        [accepted.body.id],
      );
      if (status === 'succeeded' || status === 'failed') break;
      await sleep(250);
    }
    expect(status).toBe('succeeded');
    console.log(
      `kill -9 of API ${victim.name}: 10 writes through ${survivor.name} alone within ${servedByOne} ms, restarted in ${restarted - killed} ms`,
      summary,
    );
  }, 120_000);

  it('survives PAUSE and RESUME of the pooler: readiness fails meanwhile, writes wait or retry', async () => {
    const before = pids();
    const load = startLoad();
    await load.acknowledgedMore(10);
    const paused = Date.now();
    await cluster.bouncer.admin('PAUSE');
    await sleep(3000);
    await cluster.bouncer.admin('RESUME');
    const resumed = Date.now();
    const ready = await Promise.all(cluster.apis.map((api) => watch.readyAgain(api.name, resumed)));
    const flowing = await load.acknowledgedMore(5);
    await load.stop();

    for (const api of cluster.apis) {
      expect(watch.failedBetween(api.name, paused, resumed)).toBe(true);
    }
    expect(pids()).toEqual(before);
    const summary = await expectEveryAcknowledgedWriteOnce(load);
    console.log(
      `PgBouncer PAUSE: ${resumed - paused} ms, ready again after ${Math.max(...ready) - resumed} ms, writes flowing ${flowing} ms after`,
      summary,
    );
  }, 120_000);

  it('leaves no job running: every pg-boss job is finished or waiting, none active', async () => {
    const deadline = Date.now() + 20_000;
    let active = -1;
    while (Date.now() < deadline) {
      [{ active } = { active: -1 }] = await ownerQuery<{ active: number }>(
        databaseUrl,
        `SELECT count(*)::int AS active FROM pgboss.job WHERE state = 'active'`,
      );
      if (active === 0) break;
      await sleep(250);
    }
    expect(active).toBe(0);
    const [{ unfinished } = { unfinished: -1 }] = await ownerQuery<{ unfinished: number }>(
      databaseUrl,
      `SELECT count(*)::int AS unfinished FROM imports WHERE status IN ('queued', 'running')`,
    );
    expect(unfinished).toBe(0);
  });
});
