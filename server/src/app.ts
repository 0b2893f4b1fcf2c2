import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { buildAppSchema } from './schema';
import { databaseProbe } from './db/health';
import { createServices, resolverContainer, type Services } from './services';
import { GraphQLError } from 'graphql';
import { issueMessage } from '@chitieu/domain';
import { errorShapingPlugin, isConnectionError, requestLocale, shapeError } from './common/errors';
import { isConflictError } from './common/retry';
import { introspectionForSignedIn } from './common/introspection';
import { costLimit } from './common/complexity';
import { heavyRequests } from './common/heavy-requests';
import type { RequestContext } from './common/context';
import type { Logger } from './common/logger';
import { mountImportRoutes } from './modules/spreadsheets/import.routes';
import { mountExportRoutes } from './modules/spreadsheets/export.routes';
import { restContext } from './modules/spreadsheets/rest';
import { securityHeaders } from './common/security-headers';
import { Mailer } from './modules/notifications/mailer';
import { ReminderJob } from './modules/notifications/reminders';

const BODY_LIMIT = '1mb';

/** How long a stopping server waits for the requests in flight before closing anyway. */
const DRAIN_TIMEOUT_MS = 15_000;

/**
 * Query limits (issue "Trust"; issue #11 class 8): costs count every list at its real maximum page
 * (complexity.ts), so the SPA's largest document (the plan matrix of a province: 70,000 targets
 * at worst) costs about 1.5M. An operation costing `heavy.threshold` or more is heavy: a session
 * has at most `heavy.perSession` of them running and `heavy.queuePerSession` waiting (up to
 * `heavy.waitMs`), the process `heavy.total` running; beyond that 429 (heavy-requests.ts).
 */
export const LIMITS = {
  depth: 8,
  aliases: 15,
  tokens: 3000,
  cost: 3_000_000,
  heavy: { threshold: 100_000, perSession: 2, queuePerSession: 4, waitMs: 15_000, total: 16 },
} as const;

/**
 * Limits checked before a query runs: deep, wide, long documents are refused (graphql-armor counts
 * a fragment spread as a level). One definition for the server and for the spec that checks the
 * SPA's own documents against it (spa-documents.spec.ts).
 */
export function queryArmor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.depth },
    maxAliases: { n: LIMITS.aliases },
    maxTokens: { n: LIMITS.tokens },
    maxDirectives: { n: 20 },
    costLimit: { enabled: false }, // replaced by costLimit(), which sees list sizes
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

export interface RunningServer {
  url: string;
  port: number;
  /** The Express app: rest-guards.spec.ts walks its routes so none is mounted without a guard. */
  app: express.Express;
  services: Services;
  /** The background jobs (issue #15): the mailer (null without SMTP_URL) and the deadline reminders. */
  jobs: { mailer: Mailer | null; reminders: ReminderJob };
  close(): Promise<void>;
}

/** One process, one port: the SPA at /, GraphQL at /graphql, health at /healthz. */
export async function startServer(config: AppConfig, ds: DataSource, log: Logger): Promise<RunningServer> {
  const services = createServices(ds, config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  const armor = queryArmor();
  const schema = await buildAppSchema(resolverContainer(services));
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // A safety net for errors raised before a request context exists; the plugin translates the rest.
    formatError: (formatted, error) => shapeError(formatted, error, 'vi', log),
    plugins: [
      ...armor.plugins,
      costLimit(schema, LIMITS.cost),
      heavyRequests(schema, LIMITS.heavy).plugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of answers here, and the default plugin wraps every field resolver of every row.
      ApolloServerPluginCacheControlDisabled(),
      introspectionForSignedIn(),
      errorShapingPlugin(log),
    ],
  });
  await apollo.start();

  // Requests being served, so a stop can wait for them (graceful shutdown); one request id per
  // request (the client's X-Request-Id when it sends one), in the logs, the audit rows and the
  // response. One middleware for both: every layer costs on every request.
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const logRequests = log.isLevelEnabled('info');
  app.use((req, res, next) => {
    inFlight += 1;
    // While draining, keep-alive clients are told to reconnect (elsewhere, once /readyz fails).
    if (draining) res.setHeader('connection', 'close');
    const header = req.headers['x-request-id'];
    const id = (typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : undefined) ?? crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    const started = logRequests ? process.hrtime.bigint() : 0n;
    res.once('close', () => {
      inFlight -= 1;
      if (logRequests) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.info({ requestId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      }
      if (inFlight === 0) idle?.();
    });
    next();
  });

  // Browser hardening on every answer (CSP, frame, sniffing, referrer): common/security-headers.
  app.use(securityHeaders());

  const probe = databaseProbe(ds, config.database);
  await probe.check(); // opened now, not during the first busy minute

  // For the load balancer: 503 while draining, or when no database node can serve (on Galera: the
  // node is not synced in the primary component), so requests go to another server meanwhile.
  app.get('/readyz', async (_req, res) => {
    if (draining) return void res.status(503).json({ status: 'draining' });
    const { ready, ...database } = await probe.ready();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable', database });
  });
  app.get('/healthz', async (_req, res) => {
    if (await probe.check()) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  });

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        restContext(req, res, { ds, services, log }).catch((err: unknown) => {
          // The session lookup lost its database (a node going away): 503 and retryable, never a 500.
          if (!isConnectionError(err) && !isConflictError(err)) throw err;
          log.warn({ err }, 'database unavailable while authenticating');
          const locale = requestLocale({ get: (name: string) => req.get(name) });
          throw new GraphQLError(issueMessage('SERVICE_UNAVAILABLE', {}, locale), { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, http: { status: 503 } } });
        }),
    }),
  );

  // Spreadsheets in and out: plain HTTP (multipart uploads, file downloads), same auth and services.
  mountImportRoutes(app, { ds, services, log });
  mountExportRoutes(app, { ds, services, log });

  const index = path.join(config.clientDist, 'index.html');
  if (fs.existsSync(index)) {
    // Hashed assets: the gzip copy the build writes, when the browser takes gzip (a phone on a slow
    // link gets a third of the bytes); kept a year, their names change with their content.
    app.get(/^\/assets\/[\w.-]+\.(js|css)$/, (req, res, next) => {
      const gz = path.join(config.clientDist, `${req.path}.gz`);
      if (!/\bgzip\b/.test(req.get('accept-encoding') ?? '') || !fs.existsSync(gz)) return next();
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.type(path.extname(req.path));
      res.sendFile(gz, { maxAge: '1y', immutable: true });
    });
    app.use(
      express.static(config.clientDist, {
        index: false,
        maxAge: '1h',
        // The service worker and the manifest are checked at every start: a new build reaches installed apps.
        setHeaders(res, file) {
          if (['sw.js', 'manifest.webmanifest'].includes(path.basename(file))) res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    // Client-side routes: every other GET gets the SPA shell.
    app.get(/^\/(?!graphql|healthz|readyz|import\/|export\/).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) => res.type('text/plain; charset=utf-8').send('Chỉ tiêu: the client is not built. Run `npm start` from the repository root.'));
  }

  // Malformed JSON and oversized bodies: a clear 4xx, never a stack trace.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    res.status(status).json({
      errors: [
        {
          message: status === 413 ? 'Request body too large' : status === 500 ? 'Internal error' : 'Bad request',
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
        },
      ],
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${config.port} is already in use: stop the other program or set PORT`) : err),
    );
    httpServer.listen(config.port, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  // The mailer first: it mails what is written from now on, the first reminders included.
  const mailer = config.smtpUrl ? new Mailer(ds, config, log) : null;
  await mailer?.start();
  const reminders = new ReminderJob(ds, services.notifications, config, log);
  reminders.start();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    services,
    jobs: { mailer, reminders },
    /**
     * Graceful stop: /readyz answers 503 at once while the server keeps listening, so a load
     * balancer notices and stops sending; the requests in flight finish (at most
     * DRAIN_TIMEOUT_MS); then Apollo's drain closes the listener and the idle connections.
     */
    async close() {
      draining = true;
      await Promise.all([reminders.stop(), mailer?.stop()]);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
          idle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      await apollo.stop();
      await probe.close();
    },
  };
}
