import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSmtpServer, type ReceivedEmail, type RunningSmtpServer } from '../../backend/test/smtp-server';

/** One e-mail as the SMTP server received it (parsed by the API tests' own SMTP server), and when. */
export interface ReceivedMail extends ReceivedEmail {
  receivedAt: string;
}

export type MailReceiver = RunningSmtpServer;

/**
 * A real SMTP server on a free loopback port for the browser tests' product: the API tests' server and
 * parsing (backend/test/smtp-server.ts). The API runs in another process and the test files in Jest
 * workers, so each message is written as one JSON file in `folder`, where any test reads it
 * (`waitForMail`).
 */
export function startMailReceiver(folder: string): Promise<MailReceiver> {
  mkdirSync(folder, { recursive: true });
  let sequence = 0;
  return startSmtpServer((received) => {
    const mail: ReceivedMail = { ...received, receivedAt: new Date().toISOString() };
    const name = `${String(++sequence).padStart(6, '0')}.json`;
    // Written then renamed: a reader never sees half a message.
    writeFileSync(join(folder, `.${name}.tmp`), JSON.stringify(mail));
    renameSync(join(folder, `.${name}.tmp`), join(folder, name));
  });
}

function mailFolder(): string {
  const folder = process.env.REGISTRE_E2E_MAIL_DIR;
  if (!folder) throw new Error('REGISTRE_E2E_MAIL_DIR is not set: run through `npm run test:e2e`');
  return folder;
}

/** Every message received so far, in arrival order. */
export function receivedMail(): ReceivedMail[] {
  const folder = mailFolder();
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as ReceivedMail);
}

/** The messages delivered to this address (envelope recipient). */
export function mailTo(address: string): ReceivedMail[] {
  return receivedMail().filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/**
 * Waits (bounded) until `count` messages to `address` satisfy `matches`, and returns the latest:
 * the API sends some e-mails after answering, so the page may be ahead of the mailbox.
 */
export async function waitForMail(address: string, matches: (mail: ReceivedMail) => boolean = () => true, count = 1, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(address).filter(matches);
    const latest = found.at(-1);
    if (latest && found.length >= count) return latest;
    if (Date.now() > deadline) throw new Error(`no e-mail #${count} to ${address} matching within ${timeoutMs} ms (${mailTo(address).length} to that address)`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The first web link of a message's text that starts with `prefix` (the web app's address and a path). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.startsWith(prefix));
  if (!link) throw new Error(`no link to ${prefix} in « ${mail.subject} »:\n${mail.text}`);
  return link;
}
