import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl, parseTrustProxy } from './config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', 1],
    ['2', 2],
    ['loopback', 'loopback'],
    ['loopback, linklocal, uniquelocal', 'loopback, linklocal, uniquelocal'],
    ['10.0.0.1', '10.0.0.1'],
    ['10.0.0.0/8, 192.168.1.0/255.255.255.0, ::1, fc00::/7', '10.0.0.0/8, 192.168.1.0/255.255.255.0, ::1, fc00::/7'],
  ] as const)('takes %j as Express does', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['nonsense', '10.0.0.1/99', '10.0.0.256', 'loopback,', '-1', '1.5'])('refuses %j at start', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe('DATABASE_URL', () => {
  it('keeps a single-host URL as it is', () => {
    const db = parseDatabaseUrl('mysql://root@127.0.0.1:3306/chitieu');
    expect(db).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1:3306/chitieu', urls: ['mysql://root@127.0.0.1:3306/chitieu'], database: 'chitieu' });
  });

  it('reads several hosts into one URL each, in order, with the credentials and options of the whole', () => {
    const db = parseDatabaseUrl('mariadb://app:s%40cret@h1:3311,h2:3312,h3/chitieu?connectTimeout=2000');
    if (db.type !== 'mysql') throw new Error('not mysql');
    expect(db.urls).toEqual([
      'mysql://app:s%40cret@h1:3311/chitieu?connectTimeout=2000',
      'mysql://app:s%40cret@h2:3312/chitieu?connectTimeout=2000',
      'mysql://app:s%40cret@h3/chitieu?connectTimeout=2000',
    ]);
    expect(db.url).toBe(db.urls[0]);
    expect(db.database).toBe('chitieu');
  });

  it('refuses an empty host in the list', () => {
    expect(() => parseDatabaseUrl('mysql://root@h1:3311,,h3:3313/chitieu')).toThrow(ConfigError);
  });
});

describe('mail and reminders', () => {
  it('mails nothing and reminds hourly, three days ahead, by default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Chỉ tiêu <chitieu@localhost>',
      mailIntervalMs: 5000,
      publicUrl: undefined,
      reminderIntervalMs: 3_600_000,
      reminderDays: 3,
    });
  });

  it('reads the settings as given (PUBLIC_URL without its trailing slash)', () => {
    const c = loadConfig({
      SMTP_URL: 'smtp://mail.example.vn:25',
      MAIL_FROM: 'UBND <noreply@example.vn>',
      MAIL_INTERVAL_MS: '200',
      PUBLIC_URL: 'https://chitieu.example.vn/',
      REMINDER_INTERVAL_MS: '0',
      REMINDER_DAYS: '7',
    });
    expect(c).toMatchObject({
      smtpUrl: 'smtp://mail.example.vn:25',
      mailFrom: 'UBND <noreply@example.vn>',
      mailIntervalMs: 200,
      publicUrl: 'https://chitieu.example.vn',
      reminderIntervalMs: 0,
      reminderDays: 7,
    });
  });

  it.each([
    ['SMTP_URL', 'mail.example.vn'],
    ['MAIL_INTERVAL_MS', '0'],
    ['MAIL_INTERVAL_MS', 'soon'],
    ['REMINDER_INTERVAL_MS', '-1'],
    ['REMINDER_DAYS', '1.5'],
    ['PUBLIC_URL', 'chitieu.example.vn'],
  ])('refuses %s=%j at start', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
