import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app.config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'registre-config-'));

describe('loadConfig', () => {
  it('defaults to an embedded database, sign-up and demo data, and keeps a generated session secret', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3001, databaseUrl: undefined, signupEnabled: true, demoSeed: true, nodeEnv: 'development' });
    expect(config.sessionSecret).toHaveLength(64);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('reads TRUST_PROXY as true/false or as a list of trusted addresses', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'Loopback, 10.0.0.0/8, ::1, 192.0.2.4' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1', '192.0.2.4']);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgres:// or postgresql://.'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).'],
    [{ DATABASE_APP_URL: 'postgres://a@b/c' }, 'DATABASE_APP_URL needs DATABASE_URL (the owner connection that runs migrations).'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET is required in production (at least 32 characters).'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters long.'],
    [{ PORT: '70000' }, 'PORT must be a whole number between 1 and 65535, got "70000".'],
    [{ SIGNUP: 'maybe' }, 'SIGNUP must be true or false, got "maybe".'],
    [{ TRUST_PROXY: 'loopback, 10.0.0.0/33' }, 'TRUST_PROXY must be true, false or a list of addresses (loopback, 10.0.0.0/8, …), got "10.0.0.0/33".'],
    [{ TRUST_PROXY: 'proxy.example.com' }, 'TRUST_PROXY must be true, false or a list of addresses (loopback, 10.0.0.0/8, …), got "proxy.example.com".'],
    [{ SMTP_USER: 'mailer' }, 'SMTP_USER and SMTP_PASSWORD need SMTP_HOST.'],
    [{ SMTP_HOST: 'smtp.example.com', SMTP_USER: 'mailer' }, 'SMTP_USER needs SMTP_PASSWORD.'],
    [{ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '0' }, 'SMTP_PORT must be a whole number between 1 and 65535, got "0".'],
    [{ MAIL_FROM: 'Registre' }, 'MAIL_FROM must be an e-mail address (Name <address@example.com>), got "Registre".'],
    [{ PUBLIC_URL: 'registre.example.com' }, 'PUBLIC_URL must be an http(s) address, got "registre.example.com".'],
    [{ JOBS_ENABLED: 'sometimes' }, 'JOBS_ENABLED must be true or false, got "sometimes".'],
  ])('refuses %p with one sentence', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new ConfigError(message));
  });

  it('stores e-mails unless an SMTP server is set, and runs jobs except in tests', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ smtp: undefined, jobsEnabled: true, publicUrl: 'http://localhost:3000' });
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    expect(
      loadConfig({ DATA_DIR: dataDir(), SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_USER: 'u', SMTP_PASSWORD: 'p', PUBLIC_URL: 'https://registre.example.com/' }),
    ).toMatchObject({ smtp: { host: 'smtp.example.com', port: 465, secure: true, user: 'u', password: 'p' }, publicUrl: 'https://registre.example.com' });
  });
});
