import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlanEventsService } from '../src/modules/live/plan-events.service';
import { makeOrganisation, signUp, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/harness';

interface Received {
  events: { type: string; data: Record<string, unknown> }[];
  response: IncomingMessage;
  close(): void;
}

/** Opens the event stream as a browser's EventSource would and collects what arrives. */
function subscribe(url: string, key: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const events: Received['events'] = [];
    const outgoing = request(
      url,
      { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${key}` } },
      (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (data) events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
          }
        });
        resolve({ events, response, close: () => outgoing.destroy() });
      },
    );
    outgoing.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    outgoing.end();
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 25) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('live plan events', () => {
  let first: TestApp;
  let second: TestApp;
  let secondUrl: string;
  let owner: TestUser;
  let organisationId: string;
  let key: string;

  beforeAll(async () => {
    first = await startTestApp();
    // A second API process on the same database, as behind a load balancer.
    second = await startTestApp({ databaseUrl: first.databaseUrl });
    await second.app.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.app.getHttpServer().address() as AddressInfo).port}`;
    await second.app.get(PlanEventsService).ready();
    owner = await signUp(first);
    organisationId = (await makeOrganisation(owner)).id;
    key = (
      await owner
        .post(`/api/v1/organisations/${organisationId}/api-keys`)
        .send({ name: 'Wallboard', role: 'board_member' })
        .expect(201)
    ).body.key;
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('brings a change made through one API process to a page listening on another', async () => {
    const stream = await subscribe(
      `${secondUrl}/api/v1/organisations/${organisationId}/plan/events`,
      key,
    );
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toContain('text/event-stream');

    const outcome = (
      await owner
        .post(`/api/v1/organisations/${organisationId}/outcomes`)
        .send({ title: 'Grow renewals', kind: 'revenue', ownerUserId: owner.id })
        .expect(201)
    ).body;
    await until(() => stream.events.length > 0, 'the insert event');
    expect(stream.events[0]).toEqual({
      type: 'plan-change',
      data: {
        organisationId,
        entity: 'outcomes',
        id: outcome.id,
        operation: 'insert',
        version: 1,
        actorUserId: owner.id,
      },
    });

    await owner
      .patch(`/api/v1/organisations/${organisationId}/outcomes/${outcome.id}`)
      .send({ version: 1, title: 'Grow renewals by a fifth' })
      .expect(200);
    await until(() => stream.events.length > 1, 'the update event');
    expect(stream.events[1]?.data).toMatchObject({ operation: 'update', version: 2 });
    stream.close();
  });

  it("tells nobody about another organisation's changes, nor about a change that was refused", async () => {
    const stream = await subscribe(
      `${secondUrl}/api/v1/organisations/${organisationId}/plan/events`,
      key,
    );
    const other = await signUp(first);
    const theirs = (await makeOrganisation(other)).id;
    await other
      .post(`/api/v1/organisations/${theirs}/outcomes`)
      .send({ title: 'Theirs', kind: 'other', ownerUserId: other.id })
      .expect(201);
    await owner
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .send({ title: 'Refused', kind: 'other', ownerUserId: other.id })
      .expect(400);
    // A marker change of our own: once it arrives, anything sent before it has arrived too.
    await owner
      .post(`/api/v1/organisations/${organisationId}/outcomes`)
      .send({ title: 'Marker', kind: 'other', ownerUserId: owner.id })
      .expect(201);
    await until(() => stream.events.length > 0, 'the marker');
    expect(stream.events).toHaveLength(1);
    expect(stream.events[0]?.data.organisationId).toBe(organisationId);
    stream.close();
  });

  it('refuses the stream to someone outside the organisation', async () => {
    const stranger = await signUp(first);
    await stranger.get(`/api/v1/organisations/${organisationId}/plan/events`).expect(404);
  });
});
