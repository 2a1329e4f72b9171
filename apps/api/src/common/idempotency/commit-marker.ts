import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { IdempotencyKeyInProgressProblem } from './idempotency-problems';
import { type HeldKey, IdempotencyStore } from './idempotency-store';

interface HandlerRun {
  held: HeldKey;
  /** Off once the handler has answered: the key's own bookkeeping is not the create. */
  open: boolean;
}

/**
 * Ties a held key to the transactions its handler runs, without the services knowing: the
 * handler runs inside `run()`, and every transaction that commits within it (through TypeORM,
 * as all of ScopedDatabase's do) first marks the key committed in that same transaction, or is
 * rolled back when another request has taken the key over. So "created" and "the key says it
 * was created" commit together, or not at all.
 */
@Injectable()
export class CommitMarker implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly runs = new AsyncLocalStorage<HandlerRun>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: IdempotencyStore,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Runs the handler with the key held; `end()` closes the run once the handler answered. */
  run<T>(held: HeldKey, handler: () => T): { result: T; end: () => void } {
    const run: HandlerRun = { held, open: true };
    const result = this.runs.run(run, handler);
    return { result, end: () => (run.open = false) };
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const run = this.runs.getStore();
    if (!run?.open) return;
    const marked = await this.store.markCommitted(event.manager, run.held);
    if (marked === 'lost') throw new IdempotencyKeyInProgressProblem();
  }
}
