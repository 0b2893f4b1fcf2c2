import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

/**
 * Issue #11, class 10: variables that do not fit the schema answer 400 BAD_USER_INPUT with the
 * field named (GraphQL-over-HTTP), in the caller's language — not 500. They used to reach the
 * cost plugin's variable coercion first, whose throw became INTERNAL_SERVER_ERROR.
 */
describe.each(await testDatabases())('malformed variables on %s', (kind) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    token = await s.login('tinh.daklak');
  });
  afterAll(async () => s?.close());

  const CREATE = 'mutation($i: IndicatorInput!) { createIndicator(input: $i) { id } }';
  const RECORD = 'mutation($i: RecordResultsInput!) { recordResults(input: $i) }';
  const indicator = { code: 'T-VAR', name: 'Thử biến', measure: 'RATE', comparator: 'AT_LEAST' };
  const post = async (body: string, lang?: string) => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  };

  it.each([
    ['an enum value the schema does not have', CREATE, JSON.stringify({ i: { ...indicator, measure: 'RATIO' } }), 'i.measure', /trường i\.measure không nhận giá trị RATIO/],
    ['an unknown input field', RECORD, JSON.stringify({ i: { indicatorId: '1', period: '2024', results: [], bogus: 1 } }), 'i.bogus', /trường i\.bogus không có/],
    [
      'a wrong type',
      RECORD,
      JSON.stringify({ i: { indicatorId: '1', period: '2024', results: [{ unitId: '1', value: 'nhiều' }] } }),
      'i.results[0].value',
      /i\.results\[0\]\.value không đúng kiểu/,
    ],
    [
      'a non-finite number (1e400 in JSON)',
      RECORD,
      '{"i":{"indicatorId":"1","period":"2024","results":[{"unitId":"1","value":1e400}]}}',
      'i.results[0].value',
      /i\.results\[0\]\.value phải là một số hữu hạn/,
    ],
    ['a missing required field', CREATE, JSON.stringify({ i: { code: 'X', name: 'x', comparator: 'AT_LEAST' } }), 'i.measure', /thiếu trường bắt buộc i\.measure/],
  ])('answers %s with 400 BAD_USER_INPUT naming the field', async (_label, query, variables, field, message) => {
    const res = await post(`{"query":${JSON.stringify(query)},"variables":${variables}}`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [e] = res.body.errors!;
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.extensions.field).toBe(field);
    expect(e.message).toMatch(/^Dữ liệu nhập không hợp lệ: /);
    expect(e.message).toMatch(message);
    // No schema map for a stranger.
    expect(e.message).not.toMatch(/Did you mean/);
  });

  it('says it in English with accept-language: en', async () => {
    const res = await post(JSON.stringify({ query: CREATE, variables: { i: { ...indicator, measure: 'RATIO' } } }), 'en');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toBe('Invalid input: i.measure does not take the value RATIO');
  });

  it('still answers a well-formed variable', async () => {
    const res = await post(JSON.stringify({ query: CREATE, variables: { i: indicator } }));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});
