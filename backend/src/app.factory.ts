import { randomUUID } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import connectPgSimple from 'connect-pg-simple';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import passport from 'passport';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import { absoluteSessionLifetime } from './auth/session-lifetime';
import { readAccountWithSession } from './auth/session-account';
import { throttleTouch } from './auth/session-touch';
import { AppException } from './common/errors/app-exception';
import { buildErrorResponse } from './common/errors/error-response';
import { rejectHostileJsonValues, verifyJsonDepth } from './common/http/json-body';
import type { AccountDatabase } from './database/account-database';
import { createValidationPipe } from './common/http/validation';
import { PinoNestLogger } from './common/logging/logger';
import type { AppConfig } from './config/app.config';
import { createOpenApiDocument } from './openapi/openapi-document';

export { SESSION_COOKIE };

export interface AppDependencies {
  config: AppConfig;
  dataSource: DataSource;
  accounts: AccountDatabase;
  /** Pool of the account role, for the session store. */
  sessionPool: Pool;
  logger: Logger;
}

/** Builds the API exactly as `main.ts` serves it; tests use the same function. */
export async function createApp({ config, dataSource, accounts, sessionPool, logger }: AppDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, dataSource, accounts, logger), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  // true keeps its meaning of one hop; a list believes X-Forwarded-For only from those peers.
  app.set('trust proxy', config.trustProxy === true ? 1 : config.trustProxy);
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger,
      genReqId: (request, response) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  // Swagger UI needs inline scripts; every other route gets helmet's strict defaults.
  const strictHeaders = helmet();
  const docsHeaders = helmet({ contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith('/api/docs') ? docsHeaders : strictHeaders)(request, response, next),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: config.bodyLimit, strict: true, verify: verifyJsonDepth, reviver: rejectHostileJsonValues }));

  const PgStore = connectPgSimple(session);
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store: readAccountWithSession(
        throttleTouch(new PgStore({ pool: sessionPool, tableName: 'sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 })),
        sessionPool,
      ),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.nodeEnv === 'production',
        maxAge: config.sessionMaxAgeHours * 3600 * 1000,
        path: '/',
      },
    }),
  );
  app.use(passport.initialize());
  app.use(passport.session());
  // The OpenAPI UI and document map every route and field: in production only signed-in users read
  // them (API_DOCS=session), and API_DOCS=off hides them. Registered before SwaggerModule.setup's routes.
  app.use('/api/docs', (request: Request, _response: Response, next: NextFunction) => {
    if (config.apiDocs === 'off') return next(new AppException(HttpStatus.NOT_FOUND, 'route_not_found'));
    if (config.apiDocs === 'session' && !request.user) return next(new AppException(HttpStatus.UNAUTHORIZED, 'unauthenticated'));
    next();
  });
  app.use(absoluteSessionLifetime(config.sessionAbsoluteMaxAgeHours));
  // Errors raised by the middleware above (bad JSON, oversized body, session store down) get the
  // same structured answer as the API's own errors.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const { status, body } = buildErrorResponse(error, request, logger);
    response.status(status).json(body);
  });

  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app);
  // Every form of the document under /api/docs, so the gate above covers them all (the YAML's default is /api/docs-yaml).
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json', yamlDocumentUrl: 'api/docs/openapi.yaml' });
  return app;
}
