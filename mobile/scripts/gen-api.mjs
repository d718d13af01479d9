// Generates src/api/schema.d.ts from the server's OpenAPI document.
// Source: $SUNDISPATCH_OPENAPI (a file path or URL), default http://127.0.0.1:8080/v3/api-docs
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.env.SUNDISPATCH_OPENAPI || 'http://127.0.0.1:8080/v3/api-docs';
const out = path.join(here, '..', 'src', 'api', 'schema.d.ts');
const bin = path.join(here, '..', 'node_modules', '.bin', 'openapi-typescript');
execFileSync(bin, [source, '-o', out], { stdio: 'inherit' });
