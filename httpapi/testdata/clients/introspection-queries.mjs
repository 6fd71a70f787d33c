// Prints the introspection queries that tools send, as graphql@16 generates
// them, to compare with the copies in ../introspection/ (introspection_test.go):
// graphql-js's getIntrospectionQuery() with its default options, which
// graphql-codegen, Apollo's tooling and most IDEs send, and GraphiQL 4's,
// which also asks for deprecated arguments and input fields.
//
//   node introspection-queries.mjs graphql-js-16 > ../introspection/graphql-js-16.graphql
//   node introspection-queries.mjs graphiql-4    > ../introspection/graphiql-4.graphql
import { getIntrospectionQuery } from 'graphql';

const queries = {
  'graphql-js-16': () => getIntrospectionQuery(),
  // @graphiql/react's schema store, with the page's inputValueDeprecation: true.
  'graphiql-4': () => getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: false }),
};

const name = process.argv[2];
if (!queries[name]) {
  console.error(`usage: node introspection-queries.mjs ${Object.keys(queries).join('|')}`);
  process.exit(2);
}
process.stdout.write(queries[name]());
