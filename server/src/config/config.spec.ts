import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from './config';

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
