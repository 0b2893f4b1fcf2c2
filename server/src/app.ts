import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { buildAppSchema } from './schema';
import { createServices, type Services } from './services';
import { createLoaders } from './common/loaders';
import { errorShapingPlugin, requestLocale, shapeError } from './common/errors';
import type { RequestContext } from './common/context';
import type { Logger } from './common/logger';

const BODY_LIMIT = '1mb';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/** One process, one port: the SPA at /, GraphQL at /graphql, health at /healthz. */
export async function startServer(config: AppConfig, ds: DataSource, log: Logger): Promise<RunningServer> {
  const services = createServices(ds, config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // A safety net for errors raised before a request context exists; the plugin translates the rest.
    formatError: (formatted, error) => shapeError(formatted, error, 'vi', log),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), errorShapingPlugin(log)],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || crypto.randomUUID();
        return {
          requestId,
          locale: requestLocale({ get: (n) => req.headers[n] as string | undefined }),
          actor: await services.auth.authenticate(bearer(req.headers.authorization)),
          ip: req.ip ?? 'unknown',
          loaders: createLoaders(ds),
          services,
        };
      },
    }),
  );

  const index = path.join(config.clientDist, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(config.clientDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the SPA shell.
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) => res.type('text/plain; charset=utf-8').send('Chỉ tiêu: the client is not built. Run `npm start` from the repository root.'));
  }

  // Malformed JSON and oversized bodies: a clear 4xx, never a stack trace.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    res.status(status).json({ errors: [{ message: status === 413 ? 'Request body too large' : status === 500 ? 'Internal error' : 'Bad request', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    async close() {
      await apollo.stop();
    },
  };
}
