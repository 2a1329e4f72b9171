import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { applyRoutePrefix } from '../app.setup';
import { validateEnvironment } from '../config/environment';
import { createLogger } from '../config/logger';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI description to a file without a database: Nest's preview mode builds the
 * module graph and reads the controllers' metadata without creating any provider.
 * Usage: node dist/apps/api/openapi/write-openapi.js <output.json>
 */
async function main(output: string): Promise<void> {
  const app = await NestFactory.create(
    AppModule.register({
      environment: validateEnvironment({}),
      databaseUrl: 'postgres://unused@127.0.0.1/unused',
      logger: createLogger('silent'),
    }),
    { preview: true, logger: false },
  );
  applyRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

const output = process.argv[2];
if (!output) {
  process.stderr.write('usage: write-openapi <output.json>\n');
  process.exit(2);
}
main(output).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
