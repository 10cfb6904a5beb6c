import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCentralOpenApi } from '../shared/protocol/openapi';

// Writes the central protocol's OpenAPI document (built from the zod schemas) to
// docs/central-openapi.json, or to the path given as the first argument.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, process.argv[2] ?? 'docs/central-openapi.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(buildCentralOpenApi(), null, 2)}\n`, 'utf8');
console.log(`OpenAPI written: ${target}`);
