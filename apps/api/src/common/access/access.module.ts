import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ScopedDatabase } from '../tenancy/scoped-database';
import { AccessGuard } from './access.guard';
import { Authenticator } from './authenticator';
import { RouteTable } from './route-table';

/** Authentication, the access guard on every route, and scoped transactions, for every module. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    Authenticator,
    RouteTable,
    ScopedDatabase,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ScopedDatabase, RouteTable],
})
export class AccessModule {}
