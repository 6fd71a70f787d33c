// Compiles the Relay documents in relay/ against the schema file given, into
// a fresh artifact folder, and prints each operation's name and text as one
// JSON line, for the test to run against the facade.
//
//   node relay.mjs ../../../graph/schema.graphql /tmp/out
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [schema, out] = process.argv.slice(2).map((p) => resolve(p));
const artifacts = join(out, '__generated__');
mkdirSync(artifacts, { recursive: true });
const config = join(out, 'relay.config.json');
writeFileSync(config, JSON.stringify({ src: resolve('relay'), schema, language: 'javascript', artifactDirectory: artifacts }));
execFileSync(process.execPath, [resolve('node_modules/relay-compiler/cli.js'), config], { stdio: ['ignore', 'ignore', 'inherit'] });

const require = createRequire(import.meta.url);
// Operations (queries, mutations) stand alone; fragments, named Module_prop,
// import the refetch queries they declare.
for (const file of readdirSync(artifacts).filter((f) => !f.includes('_')).sort()) {
  const artifact = require(join(artifacts, file)).default;
  if (artifact.kind === 'Request') {
    console.log(JSON.stringify({ name: artifact.params.name, kind: artifact.params.operationKind, text: artifact.params.text }));
  }
}
