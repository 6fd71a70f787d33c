// Reads a query with @defer through Apollo Client, as a browser app would:
// HttpLink over fetch, multipart/mixed parsed by Apollo Client itself, the
// parts merged in its cache. Prints one JSON line per result the query
// emits: {dataState, data, errors}.
//
// Usage: node defer.mjs <graphql endpoint> <query file> <variables JSON>
import { readFileSync } from "node:fs";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { Defer20220824Handler } from "@apollo/client/incremental";

const [endpoint, queryFile, variables] = process.argv.slice(2);
const client = new ApolloClient({
  link: new HttpLink({ uri: endpoint }),
  cache: new InMemoryCache(),
  incrementalHandler: new Defer20220824Handler(),
});

const done = new Promise((resolve, reject) => {
  client
    .watchQuery({ query: gql(readFileSync(queryFile, "utf8")), variables: JSON.parse(variables), fetchPolicy: "network-only" })
    .subscribe({
      next(result) {
        if (result.loading && result.data === undefined) return;
        console.log(JSON.stringify({ dataState: result.dataState, data: result.data, errors: result.error ? String(result.error) : undefined }));
        if (result.dataState === "complete") resolve();
      },
      error: reject,
    });
});
await done;
process.exit(0);
