import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { PINO_LOGGER } from '../common/logging/logger';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/** An authentication e-mail (proof of address, password reset, invitation) for one recipient. */
export interface AccountEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends authentication e-mails to their recipient only. Unlike workflow e-mails (MailerService),
 * these are never stored where administrators can read them: a reset or invitation link read by
 * someone else would hand them the account. Without SMTP they go to the server log, outside
 * production only, so a developer running `npm start` can follow the link.
 */
@Injectable()
export class AccountMailService implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  async send(email: AccountEmail): Promise<void> {
    const smtp = this.config.smtp;
    if (!smtp) {
      if (this.config.nodeEnv === 'production') {
        this.logger.error({ to: email.to, subject: email.subject }, 'account e-mail not sent: SMTP_HOST is not set');
        return;
      }
      // Development only: the link is in the log for whoever runs the server.
      this.logger.warn({ to: email.to, subject: email.subject, text: email.text }, 'account e-mail (no SMTP configured)');
      return;
    }
    this.transport ??= createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    });
    await this.transport.sendMail({ from: this.config.mailFrom, to: email.to, subject: email.subject, text: email.text, html: email.html });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
