import { type DynamicModule, Module } from '@nestjs/common';
import { DemoSeeder, SEED_DEMO } from './demo.seeder';

@Module({})
export class DemoModule {
  static register(options: { seedOnStart: boolean }): DynamicModule {
    return {
      module: DemoModule,
      providers: [DemoSeeder, { provide: SEED_DEMO, useValue: options.seedOnStart }],
      exports: [DemoSeeder],
    };
  }
}
