import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, type Notification } from 'pg';
import { filter, Observable, Subject } from 'rxjs';
import type { Environment } from '../../config/environment';

/** What the `plan_changes` channel carries (see the plan-and-execution migration's trigger). */
export interface PlanChange {
  organisationId: string;
  entity: string;
  id: string | null;
  operation: 'insert' | 'update' | 'delete';
  version: number | null;
  /** Who made the change: a member's id, or null for an API key or a script. */
  actorUserId: string | null;
}

const CHANNEL = 'plan_changes';
const RECONNECT_DELAY_MS = 1000;

/**
 * Listens on PostgreSQL for changes to the plan, whichever API process (or script) made them, and
 * hands them to the open pages of the organisation they belong to. NOTIFY is delivered at commit,
 * so a page never hears of a change that was rolled back.
 */
@Injectable()
export class PlanEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PlanEventsService.name);
  private readonly changes = new Subject<PlanChange>();
  private client: Client | null = null;
  private stopping = false;
  private listening: Promise<void> = Promise.resolve();

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** Resolves once LISTEN is in place, so a caller knows later commits will reach it. */
  ready(): Promise<void> {
    return this.listening;
  }

  forOrganisation(organisationId: string): Observable<PlanChange> {
    return this.changes.pipe(filter((change) => change.organisationId === organisationId));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    // LISTEN belongs to a session: a pooler in transaction mode would drop it between
    // statements, so it takes the direct connection (DATABASE_DIRECT_URL, else DATABASE_URL).
    const client = new Client({
      connectionString: this.config.get('DATABASE_DIRECT_URL', { infer: true }),
      application_name: 'roi-api-plan-events',
    });
    client.on('notification', (message: Notification) => this.receive(message));
    client.on('error', (error) => {
      this.logger.warn(`plan events connection lost: ${error.message}`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    this.client = client;
    this.listening = client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        return undefined;
      });
    return this.listening;
  }

  private reconnect(client: Client): void {
    if (this.stopping || this.client !== client) return;
    this.client = null;
    setTimeout(() => {
      if (this.stopping) return;
      this.listen().catch((error: Error) => {
        this.logger.warn(`plan events: could not listen again: ${error.message}`);
        this.reconnect(this.client ?? client);
      });
    }, RECONNECT_DELAY_MS).unref();
  }

  private receive(message: Notification): void {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      this.changes.next(JSON.parse(message.payload) as PlanChange);
    } catch {
      this.logger.warn(`plan events: unreadable payload ${message.payload}`);
    }
  }
}
