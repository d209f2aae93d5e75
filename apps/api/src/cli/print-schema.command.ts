import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printApiSchema } from './api-schema.js';

const target = process.argv[2] ?? 'schema.graphql';
writeFileSync(target, await printApiSchema());
process.stdout.write(`wrote ${target}\n`);
