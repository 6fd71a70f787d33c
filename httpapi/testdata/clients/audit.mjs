// Runs graphql-http's GraphQL-over-HTTP server audit against the URL given
// and prints one JSON line per audit: its id, name, and whether it passed.
//
//   node audit.mjs http://127.0.0.1:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? '' });
}
for (const r of results) {
  console.log(JSON.stringify(r));
}
