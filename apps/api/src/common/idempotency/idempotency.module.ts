import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommitMarker } from './commit-marker';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';

/**
 * Idempotency-Key on create routes: `@Idempotent()` marks a route, the interceptor (global,
 * acting only on marked routes) does the rest, with the keys in PostgreSQL.
 */
@Module({
  providers: [
    IdempotencyStore,
    CommitMarker,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
