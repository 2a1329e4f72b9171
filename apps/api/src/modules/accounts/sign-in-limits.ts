import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { Environment } from '../../config/environment';
import { RateLimitedProblem } from '../../common/problem-details/problem';

const WINDOW_SECONDS = 15 * 60;

/**
 * Attempts to sign in (and to sign up) per account and per address, counted in PostgreSQL so the
 * limits hold across every API process, not per process.
 */
@Injectable()
export class SignInLimits implements OnModuleInit {
  private perAccount!: RateLimiterPostgres;
  private perAddress!: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as PostgresDriver).master as Queryable;
    const common = {
      storeClient: withoutStatementNames(pool),
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      duration: WINDOW_SECONDS,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'sign-in:account',
      points: this.config.get('SIGN_IN_ATTEMPTS_PER_ACCOUNT', { infer: true }),
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'sign-in:address',
      points: this.config.get('SIGN_IN_ATTEMPTS_PER_ADDRESS', { infer: true }),
    });
  }

  /** Counts one attempt; refuses with 429 and Retry-After once either limit is spent. */
  async consume(email: string, address: string): Promise<void> {
    try {
      await Promise.all([this.perAccount.consume(email), this.perAddress.consume(address)]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitedProblem(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }
}

interface Queryable {
  query(config: { text: string; values?: unknown[]; name?: string }): Promise<unknown>;
}

/**
 * The limiter names its statements, which makes them prepared statements of the connection that
 * first ran them. Behind a pooler in transaction mode the next use may land on a server
 * connection that never prepared it ("prepared statement does not exist"), so they go unnamed.
 */
export function withoutStatementNames(pool: Queryable): Queryable {
  return {
    query: ({ text, values }) => pool.query({ text, values }),
  };
}
