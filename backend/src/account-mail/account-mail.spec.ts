import pino from 'pino';
import { SmtpReceiver } from '../../test/smtp-receiver';
import type { AppConfig } from '../config/app.config';
import { AccountMailService } from './account-mail.service';

describe('AccountMailService', () => {
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it('delivers over SMTP to the recipient alone, accents intact', async () => {
    const config = { nodeEnv: 'test', smtp: { host: '127.0.0.1', port: receiver.port, secure: false }, mailFrom: 'Registre <no-reply@registre.invalid>' } as AppConfig;
    const service = new AccountMailService(config, pino({ level: 'silent' }));
    await service.send({ to: 'denis.delegue@example.com', subject: 'Confirmez votre adresse « Registre »', text: 'Bonjour Denis Délégué, l’équipe…', html: '<p>Bonjour</p>' });
    service.onApplicationShutdown();
    const mail = await receiver.waitFor('denis.delegue@example.com');
    expect(mail.to).toEqual(['denis.delegue@example.com']);
    expect(mail.subject).toBe('Confirmez votre adresse « Registre »');
    expect(mail.text).toContain('Denis Délégué, l’équipe');
  });

  it('without SMTP, logs outside production and stores nothing', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const service = new AccountMailService({ nodeEnv: 'development', mailFrom: 'x' } as AppConfig, logger);
    await service.send({ to: 'a@example.com', subject: 'Lien', text: 'https://app/verify?token=abc', html: '' });
    expect(lines.join('')).toContain('token=abc');
    const prod: string[] = [];
    const prodService = new AccountMailService({ nodeEnv: 'production', mailFrom: 'x' } as AppConfig, pino({ level: 'info' }, { write: (line: string) => prod.push(line) }));
    await prodService.send({ to: 'a@example.com', subject: 'Lien', text: 'https://app/verify?token=abc', html: '' });
    expect(prod.join('')).not.toContain('token=abc');
  });
});
