// Composes the facade, served as a Federation v2 subgraph, with a second
// subgraph that owns User (federation/users-subgraph.mjs), serves the
// supergraph with Hive Gateway, and runs a query that starts at User and
// ends in the user's contact's open conversations. Prints one JSON line:
// the query's result through the gateway.
//
//   node supergraph.mjs http://127.0.0.1:8080/graphql '[{"id":"u1","email":"ada@example.com"}]'
import { createServer } from 'node:http';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { startUsersSubgraph, usersSDL } from './federation/users-subgraph.mjs';

const [facadeURL, usersJSON] = process.argv.slice(2);
const users = await startUsersSubgraph(JSON.parse(usersJSON));

async function post(url, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

let exitCode = 0;
let gatewayServer;
try {
  // What a schema registry does: read each subgraph's SDL and compose.
  const service = await post(facadeURL, '{ _service { sdl } }');
  if (!service.data) throw new Error(`_service: ${JSON.stringify(service)}`);
  const composed = composeServices([
    { name: 'intercom', typeDefs: parse(service.data._service.sdl), url: facadeURL },
    { name: 'users', typeDefs: parse(usersSDL), url: users.url },
  ]);
  if (composed.errors?.length) {
    throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
  }

  const gateway = createGatewayRuntime({ supergraph: composed.supergraphSdl, logging: process.env.SUPERGRAPH_DEBUG ? "debug" : false });
  gatewayServer = createServer(gateway);
  await new Promise((resolve) => gatewayServer.listen(0, '127.0.0.1', resolve));
  const gatewayURL = `http://127.0.0.1:${gatewayServer.address().port}/graphql`;

  const result = await post(gatewayURL, `{
    users {
      id
      email
      intercomContact {
        email
        name
        conversations(filter: { state: { eq: OPEN } }, first: 10) { nodes { id state } }
      }
    }
  }`);
  console.log(JSON.stringify(result));
  await gateway.dispose?.();
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  gatewayServer?.close();
  users.close();
}
process.exit(exitCode);
