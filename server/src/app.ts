import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { agencyRoutes } from './modules/agencies/agency.routes.js';
import { alertRoutes } from './modules/audit/alert.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { mfaRoutes } from './modules/auth/mfa.routes.js';
import { sessionRoutes } from './modules/auth/session.routes.js';
import { breakGlassRoutes } from './modules/cases/break-glass.routes.js';
import { caseRoutes } from './modules/cases/case.routes.js';
import { documentRoutes } from './modules/documents/document.routes.js';
import { exportRoutes } from './modules/exports/exports.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { legalRoutes } from './modules/legal/legal.routes.js';
import { meetingRoutes } from './modules/meetings/meeting.routes.js';
import { notificationRoutes } from './modules/notifications/notification.routes.js';
import { personRoutes } from './modules/persons/person.routes.js';
import { planRoutes } from './modules/plans/plan.routes.js';
import { progressEvidenceRoutes } from './modules/plans/progress-evidence.routes.js';
import { preventionRoutes } from './modules/prevention/prevention.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { referralRoutes } from './modules/referrals/referral.routes.js';
import { reintegrationRoutes } from './modules/reintegration/reintegration.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { screeningRoutes } from './modules/screenings/screening.routes.js';
import { serviceRoutes } from './modules/services/service.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { letterheadRoutes } from './modules/taskforces/letterhead.routes.js';
import { membershipRoutes } from './modules/taskforces/membership.routes.js';
import { taskForceRoutes } from './modules/taskforces/taskforce.routes.js';
import { userRoutes } from './modules/users/user.routes.js';
import type { AppDeps } from './platform/context.js';
import { registerSessionLoading } from './platform/http/auth-hooks.js';
import { registerErrorHandling, sendMalformedUrl } from './platform/http/error-handler.js';
import { requestLanguage } from './platform/http/request-context.js';
import { loggerOptions } from './platform/http/request-log.js';
import { zodValidatorCompiler } from './platform/http/validation.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The built web app, if there is one: `WEB_DIST`, or `web/dist` next to the server package. */
function webDist(deps: AppDeps): string | null {
  const dir = deps.config.WEB_DIST ?? path.resolve(here, '../../web/dist');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

export interface BuildOptions {
  logger?: boolean;
  /** Where the log goes instead of standard output (tests read it). */
  logStream?: { write(line: string): void };
}

/** Builds the whole HTTP application; `main` serves it and tests inject into it. */
/**
 * The API docs page's policy. Swagger UI sets style attributes from its script, which a style
 * policy of hashes refuses (a console violation on every load); like the app's own policy it gets
 * 'unsafe-inline' for styles only, its scripts stay pinned to the hashes of its own files, and
 * nothing is loaded from elsewhere. The app's policy is not touched.
 */
export function docsPageCsp(header: string): string {
  return header
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && d !== 'upgrade-insecure-requests')
    .map((d) => {
      const name = d.split(/\s+/)[0];
      if (name === 'style-src') return "style-src 'self' 'unsafe-inline'";
      if (name === 'img-src') return "img-src 'self' data:";
      if (name === 'font-src') return "font-src 'self' data:";
      if (name === 'frame-ancestors') return "frame-ancestors 'none'";
      return d;
    })
    .join('; ');
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(deps.config.LOG_LEVEL, opts.logStream),
    genReqId: () => randomUUID(),
    // A badly encoded or over-long path answers in the API's own error shape, with its request id.
    frameworkErrors: (_error, req, reply) => sendMalformedUrl(req, reply),
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // Security headers on every answer. The middleware is made once: the Fastify plugin made it
  // again, its policy parsed, for each request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style elements and attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // HSTS only means something over TLS; behind a TLS proxy it is sent by the app too.
    hsts: deps.config.COOKIE_SECURE === true ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined));
  });
  await app.register(cookie);
  await app.register(multipart, {
    // Fields are counted by the upload reader (at most UPLOAD_FIELDS_MAX); the parser's own
    // limits only stop a flood.
    limits: { fileSize: deps.config.DOCUMENT_MAX_BYTES, files: 1, fields: 50, parts: 60 },
  });
  await app.register(rateLimit, {
    max: deps.config.API_RATE_LIMIT,
    timeWindow: 60_000,
    allowList: (req) => !req.url.startsWith('/api/'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sinergi API',
        description:
          'API of Sinergi, the information system of the anti-trafficking task forces (Gugus Tugas PP TPPO). Sign in with POST /api/v1/auth/login; send the returned csrfToken as X-CSRF-Token on every state-changing request.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sinergi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // No call-out to the online validator: the page needs nothing outside this server.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: docsPageCsp,
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('content-language', requestLanguage(req));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerSessionLoading(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(systemRoutes(deps), { prefix: '/api' });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes(deps));
      await v1.register(mfaRoutes(deps));
      await v1.register(sessionRoutes(deps));
      await v1.register(referenceRoutes(deps));
      await v1.register(taskForceRoutes(deps));
      await v1.register(membershipRoutes(deps));
      await v1.register(letterheadRoutes(deps));
      await v1.register(planRoutes(deps));
      await v1.register(progressEvidenceRoutes(deps));
      await v1.register(meetingRoutes(deps));
      await v1.register(preventionRoutes(deps));
      await v1.register(reportRoutes(deps));
      await v1.register(agencyRoutes(deps));
      await v1.register(userRoutes(deps));
      await v1.register(auditRoutes(deps));
      await v1.register(alertRoutes(deps));
      await v1.register(retentionRoutes(deps));
      await v1.register(caseRoutes(deps));
      await v1.register(breakGlassRoutes(deps));
      await v1.register(personRoutes(deps));
      await v1.register(screeningRoutes(deps));
      await v1.register(documentRoutes(deps));
      await v1.register(serviceRoutes(deps));
      await v1.register(referralRoutes(deps));
      await v1.register(notificationRoutes(deps));
      await v1.register(reintegrationRoutes(deps));
      await v1.register(legalRoutes(deps));
      await v1.register(statsRoutes(deps));
      await v1.register(exportRoutes(deps));
      await v1.register(importRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  const dist = webDist(deps);
  if (dist) {
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (dist && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const lang = requestLanguage(req);
    return reply.status(404).send({
      error: { code: 'not_found', message: lang === 'en' ? 'Not found.' : 'Data tidak ditemukan.' },
      requestId: req.id,
    });
  });
  return app;
}
