/** A GraphQL client over fetch (keep-alive), as the SPA or an analyst's script talks to the server. */
let logins = 0;

export function client(baseUrl) {
  /** HTTP statuses of every answer, by status: what a balancer and its clients saw (B8, the cluster test). */
  const statuses = {};
  async function gql(query, variables, token, headers = {}) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP_${res.status}` } }] };
    }
    return { status: res.status, ...body };
  }
  return {
    gql,
    statuses,
    /** Data or a thrown error carrying the GraphQL errors. */
    async data(query, variables, token) {
      const r = await gql(query, variables, token);
      if (r.status !== 200 || r.errors?.length) throw new Error(`GraphQL ${r.status}: ${JSON.stringify(r.errors ?? r).slice(0, 400)}`);
      return r.data;
    },
    /**
     * Signs in. Each sign-in comes "from" its own address (X-Forwarded-For, which the server
     * trusts from loopback): the per-address throttle (30 attempts in 15 minutes) is for
     * strangers, not for a bench that opens fifty sessions. No traffic goes to those addresses.
     */
    async login(username, password) {
      const ip = `10.250.${Math.floor(++logins / 250) % 250}.${(logins % 250) + 1}`;
      const r = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, undefined, { 'x-forwarded-for': ip });
      if (!r.data?.login) throw new Error(`login ${username}: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
  };
}
