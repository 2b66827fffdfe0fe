import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { Locale } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import type { EmailContent } from './email-content';

export interface OutgoingEmail extends EmailContent {
  organizationId: string;
  userId: string;
  to: string;
  locale: Locale;
  /** weekly: the weekly digest of the register (what changed, waits, falls due). */
  kind: 'immediate' | 'digest' | 'weekly';
}

/**
 * Sends e-mails over the SMTP server of the environment; without one (the embedded default), stores
 * them in stored_emails, in the current tenant transaction, for administrators to read.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: TransactionalConnection,
  ) {}

  get storesInstead(): boolean {
    return !this.config.smtp;
  }

  async send(email: OutgoingEmail): Promise<void> {
    const smtp = this.config.smtp;
    if (!smtp) {
      await this.connection.manager.query(
        `INSERT INTO stored_emails (organization_id, user_id, to_address, subject, body_text, body_html, locale, kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [email.organizationId, email.userId, email.to, email.subject, email.text, email.html, email.locale, email.kind],
      );
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
