import { startSmtpServer, type ReceivedEmail, type RunningSmtpServer } from './smtp-server';

export type { ReceivedEmail } from './smtp-server';

/**
 * A real SMTP server on a free loopback port, for tests that follow the links of e-mails. Messages
 * are parsed (MIME, encodings) as a mail client would (smtp-server.ts), and kept in arrival order.
 */
export class SmtpReceiver {
  readonly messages: ReceivedEmail[] = [];
  port = 0;
  private waiters: Array<() => void> = [];
  private server?: RunningSmtpServer;
  private constructor() {}

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    receiver.server = await startSmtpServer((mail) => {
      receiver.push(mail);
    });
    receiver.port = receiver.server.port;
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
    await this.server?.stop();
  }
}
