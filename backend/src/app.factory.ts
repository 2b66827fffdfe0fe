import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
import { absoluteSessionLifetime } from './auth/session-lifetime';
import { throttleTouch } from './auth/session-touch';
import { buildErrorResponse } from './common/errors/error-response';
import { rejectHostileJsonValues, verifyJsonDepth } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import { PinoNestLogger } from './common/logging/logger';
import type { AppConfig } from './config/app.config';

export const SESSION_COOKIE = 'registre.sid';

export interface AppDependencies {
  config: AppConfig;
  dataSource: DataSource;
  /** Pool of the application role, for the session store. */
  sessionPool: Pool;
  logger: Logger;
}

/** Builds the API exactly as `main.ts` serves it; tests use the same function. */
export async function createApp({ config, dataSource, sessionPool, logger }: AppDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, dataSource, logger), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  app.set('trust proxy', config.trustProxy ? 1 : false);
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
      store: throttleTouch(new PgStore({ pool: sessionPool, tableName: 'sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 })),
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Registre API')
      .setDescription(
        'Record of processing activities (GDPR Art 30). Sign in with POST /api/v1/auth/login; every POST/PUT/PATCH/DELETE carries the X-CSRF-Token header from GET /api/v1/auth/csrf. Errors are { code, message, details }, translated per Accept-Language or ?lang=fr|en.',
      )
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
