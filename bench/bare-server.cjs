// B0's baseline: a bare Apollo Server 5 on Express 5 (the server's own dependencies, same
// versions), one schema field, no plugins, no context, no database. Answers { __typename }.
const path = require('node:path');
const { createRequire } = require('node:module');
const req = createRequire(path.join(__dirname, '../server/package.json'));
const http = req('node:http');
const express = req('express');
const { ApolloServer } = req('@apollo/server');
const { expressMiddleware } = req('@as-integrations/express5');

(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  await apollo.start();
  const app = express();
  app.get('/ready', (_req, res) => res.json({ ok: true }));
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  server.listen(Number(process.env.PORT ?? 4400));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
})();
