import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { PINO_LOGGER } from '../logging/logger';
import { buildErrorResponse } from './error-response';

/** Every error leaves the API as `{ code, message, details }`, translated, without a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(PINO_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = buildErrorResponse(exception, request, this.logger);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(body);
  }
}
