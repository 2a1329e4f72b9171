import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { serveWebApp } from './serve-web-app';

const WEB_DIST_DIRECTORY = Symbol('WEB_DIST_DIRECTORY');

/**
 * The built web app, served beside the API on the same port. Registered when the module
 * initialises, which Nest does after the API's routes and before its not-found handler: the API
 * answers first, the web app's files and its deep links next, and anything else is a problem+json 404.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  static register(directory: string): DynamicModule {
    return {
      module: WebAppModule,
      providers: [{ provide: WEB_DIST_DIRECTORY, useValue: directory }],
    };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_DIST_DIRECTORY) private readonly directory: string,
  ) {}

  onModuleInit(): void {
    serveWebApp(this.adapterHost.httpAdapter.getInstance<Express>(), this.directory);
  }
}
