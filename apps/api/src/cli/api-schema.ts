import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import pino from 'pino';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';

const HEADER = `# Generated from the resolvers by \`npm run schema\`; do not edit by hand.
# A test fails when this file is stale or breaks the public contract.
`;

/** The API's schema as SDL, sorted, exactly as the committed `schema.graphql` must read. */
export async function printApiSchema(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coop-schema-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      AUTH_JWT_SECRET: 'schema-printing-needs-no-real-secret',
    });
    const app = await NestFactory.create(AppModule.forRoot(config, pino({ level: 'silent' })), new FastifyAdapter(), {
      logger: false,
    });
    try {
      await app.init();
      return HEADER + '\n' + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
