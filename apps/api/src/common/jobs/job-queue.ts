import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';

/** The schema pg-boss keeps its queues in, beside (never inside) the product's tables. */
export const JOBS_SCHEMA = 'pgboss';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

export interface QueueDefinition {
  name: string;
  /** A job still active after this long is taken for dead and retried (pg-boss's expiry). */
  expireInSeconds: number;
  /** Attempts after the first. */
  retryLimit: number;
  retryDelaySeconds: number;
}

/**
 * Durable jobs on PostgreSQL (pg-boss), on the product's own database. pg-boss connects as the
 * database owner (the DATABASE_URL without the API's `roi_app` role) because it creates and
 * maintains its own schema; the jobs themselves do their work through ScopedDatabase, as roi_app
 * under row-level security. Any API process may run any job: a job lives in the database, not in
 * the process that enqueued it.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private starting?: Promise<void>;
  private readonly workers = new Map<string, string>();
  private readonly definitions = new Map<string, QueueDefinition>();

  constructor(databaseUrl: string, maintenanceIntervalSeconds: number) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'roi-jobs',
      max: 3,
      // Maintenance expires jobs whose process died (active past expireIn) into a retry.
      maintenanceIntervalSeconds,
      // Queue sizes are not watched here.
      monitorStateIntervalSeconds: 3600,
      schedule: false,
    });
    // pg-boss reports its own failures (a lost connection, a failed maintenance) as events.
    this.boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Starts pg-boss once (creating or migrating its schema) and creates the queue. */
  async ready(queue: QueueDefinition): Promise<void> {
    this.starting ??= this.boss.start().then(() => undefined);
    await this.starting;
    // Created once; each job carries its own expiry and retries (see send).
    await this.createQueueOnce(queue.name);
    this.definitions.set(queue.name, queue);
  }

  /**
   * Processes started together on a new database race to create the queue: the loser's create
   * fails (a duplicate, or a deadlock between the two creates) while the winner's may not have
   * committed yet, so it looks again a few times before giving up.
   */
  private async createQueueOnce(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return;
      try {
        await this.boss.createQueue(name, { name, policy: 'standard' });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
      }
    }
  }

  async send(queue: string, data: object): Promise<string | null> {
    const definition = this.definitions.get(queue);
    const id = await this.boss.send(queue, data, {
      ...(definition && {
        expireInSeconds: definition.expireInSeconds,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
      }),
    });
    // A worker of this process takes it at once rather than at its next poll.
    const worker = this.workers.get(queue);
    if (worker) this.boss.notifyWorker(worker);
    return id;
  }

  /** Runs `handler` for each job of the queue, one at a time in this process. */
  async work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void> {
    const id = await this.boss.work<T>(
      queue,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
    this.workers.set(queue, id);
  }

  /** SQL on pg-boss's own connection (the owner's), e.g. to look at its job table. */
  async query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    await this.starting.catch(() => undefined);
    // Lets a running job finish for a while; one cut short is retried by another process.
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
