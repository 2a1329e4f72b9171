import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import { localClock } from './calendar';
import { WeeklyDigestService } from './weekly-digest.service';

const HOUR_MS = 60 * 60 * 1000;
/** The first look, a little after start, so a restart on Monday morning still sends. */
const FIRST_LOOK_MS = 60 * 1000;
const MONDAY = 1;
/** Digests go out from this hour on Monday, local time: read at the start of the week. */
const SEND_FROM_HOUR = 6;

/**
 * Sends every organisation its weekly digest once on Monday morning, in its own time zone. An
 * hourly look is enough and survives restarts; with several API processes, each organisation's
 * week is claimed in `digest_runs` (primary key: organisation and week) in the transaction that
 * sends it, behind an advisory lock, so the mail goes out once. A failed send rolls the claim
 * back, and the next hourly look tries again.
 */
@Injectable()
export class WeeklyDigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeeklyDigestScheduler.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly config: ConfigService<Environment, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoped: ScopedDatabase,
    private readonly digest: WeeklyDigestService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('DIGEST_SCHEDULER', { infer: true }) === 'off') return;
    this.timers = [
      setTimeout(() => this.look(), FIRST_LOOK_MS).unref(),
      setInterval(() => this.look(), HOUR_MS).unref(),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    // The connection pool closes after this: let a send in progress finish first.
    await this.running;
  }

  /**
   * Sends the digest of every organisation where it is Monday morning and this week's has not
   * gone out; answers the organisations it sent to. `only` limits the look (for tests).
   */
  async sendDue(now: Date, only?: readonly string[]): Promise<string[]> {
    const organisations: { id: string; time_zone: string }[] = await this.dataSource.query(
      `SELECT id, time_zone FROM weekly_digest_organisations()`,
    );
    const sent: string[] = [];
    for (const organisation of organisations) {
      if (only && !only.includes(organisation.id)) continue;
      const clock = localClock(organisation.time_zone, now);
      if (clock.weekday !== MONDAY || clock.hour < SEND_FROM_HOUR) continue;
      try {
        if (await this.sendOnce(organisation.id, clock.date)) sent.push(organisation.id);
      } catch (error) {
        this.logger.error(
          { err: error, organisationId: organisation.id },
          'weekly digest not sent; retrying in an hour',
        );
      }
    }
    return sent;
  }

  private look(): void {
    if (this.running) return;
    this.running = this.sendDue(new Date())
      .catch((error: unknown) => this.logger.error({ err: error }, 'weekly digest look failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  private sendOnce(organisationId: string, weekStart: string): Promise<boolean> {
    return this.scoped.transaction({ organisationId }, undefined, async (manager) => {
      const [lock]: { locked: boolean }[] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('weekly-digest:' || $1)) AS locked`,
        [organisationId],
      );
      // Another process is sending it right now.
      if (!lock?.locked) return false;
      const claimed: unknown[] = await manager.query(
        `INSERT INTO digest_runs (organisation_id, week_start) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING week_start`,
        [organisationId, weekStart],
      );
      if (claimed.length === 0) return false;
      const summary = await this.digest.send(manager, organisationId, weekStart);
      this.logger.log({ organisationId, weekStart, ...summary }, 'weekly digest sent');
      return true;
    });
  }
}
