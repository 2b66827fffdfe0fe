import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received it, parsed as a mail client would (MIME, encodings). */
export interface ReceivedEmail {
  from: string;
  /** Envelope recipients: who the SMTP server was asked to deliver to. */
  to: string[];
  /** The To header, as the recipient's mail client shows it. */
  toHeader: string;
  subject: string;
  text: string;
  html: string;
}

export interface RunningSmtpServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on a free loopback port that hands each message, parsed, to `receive`. Shared by
 * the API tests (smtp-receiver.ts, messages kept in memory) and the browser tests
 * (frontend/e2e/mail-receiver.ts, messages written to files for other processes).
 */
export async function startSmtpServer(receive: (mail: ReceivedEmail) => void): Promise<RunningSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          receive({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            toHeader: parsed.to ? (Array.isArray(parsed.to) ? parsed.to.map((to) => to.text).join(', ') : parsed.to.text) : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
