import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  /** Envelope recipients: who the SMTP server was asked to deliver to. */
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on a free loopback port, for tests that follow the links of e-mails. Messages
 * are parsed (MIME, encodings) as a mail client would, and kept in arrival order.
 */
export class SmtpReceiver {
  readonly messages: ReceivedEmail[] = [];
  port = 0;
  private waiters: Array<() => void> = [];
  private server?: SMTPServer;
  private constructor() {}

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            receiver.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.server = server;
    receiver.port = (server.server.address() as AddressInfo).port;
    return receiver;
  }

  private push(message: ReceivedEmail): void {
    this.messages.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** The messages delivered to this address so far. */
  to(address: string): ReceivedEmail[] {
    return this.messages.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()));
  }

  /** Waits (bounded) until `count` messages have reached `address`, then returns the latest. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedEmail> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no e-mail #${count} to ${address} within ${timeoutMs} ms (got ${this.to(address).length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const mine = this.to(address);
    return mine[mine.length - 1];
  }

  /**
   * Waits (bounded) until `count` messages to `address` satisfy `matches`, then returns the latest of
   * them: other mail to the same person (an invitation sent after a commit) may arrive in between.
   */
  async waitForMatching(address: string, matches: (mail: ReceivedEmail) => boolean, count = 1, timeoutMs = 10_000): Promise<ReceivedEmail> {
    const deadline = Date.now() + timeoutMs;
    const found = () => this.to(address).filter(matches);
    while (found().length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching e-mail #${count} to ${address} within ${timeoutMs} ms (got ${found().length} of ${this.to(address).length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const mine = found();
    return mine[mine.length - 1];
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
