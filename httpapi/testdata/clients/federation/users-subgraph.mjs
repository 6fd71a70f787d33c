// A second subgraph, as a company's own graph would be: it owns User and
// knows each user's email, which is the key of the facade's Contact. Served
// over HTTP with graphql-js alone, as the router meets any subgraph.
import { createServer } from 'node:http';
import { buildSchema, graphql } from 'graphql';

export const usersSDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Query {
  "The company's users."
  users: [User!]!
}

"A user of the company's own product."
type User @key(fields: "id") {
  id: ID!
  email: String!
  "The user's contact in Intercom, by the email both graphs know."
  intercomContact: Contact
}

"Intercom's contact, which the facade resolves by email."
type Contact @key(fields: "email", resolvable: false) {
  email: String!
}
`;

// startUsersSubgraph serves users ({ id, email }) on an ephemeral port of
// 127.0.0.1 and resolves to { url, close }.
export function startUsersSubgraph(users) {
  // The federation directives are the router's business: graphql-js need
  // not know them to execute the plain fields.
  const schema = buildSchema(usersSDL, { assumeValidSDL: true });
  const rootValue = {
    users: () => users.map((u) => ({ ...u, intercomContact: { email: u.email } })),
  };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables, operationName } = JSON.parse(body || '{}');
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables, operationName });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/graphql`, close: () => server.close() });
    });
  });
}
