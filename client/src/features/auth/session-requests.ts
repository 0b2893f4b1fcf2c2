import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { LoginMutation, LoginMutationVariables, MeQuery } from '../../gql/graphql';
import { requestHeaders } from '../../app/request-headers';

/*
 * The two requests the login route makes, without Apollo: Apollo Client (its cache, links and
 * React bindings, ~35 kB gzip) loads with the signed-in frame, not with the first page anyone
 * opens on a slow link. The texts are auth.graphql.ts's documents (checked by session-requests.spec.ts);
 * errors come back as Apollo's error classes, so errors.ts reads them as it reads any other.
 */
const SESSION_USER = 'fragment SessionUser on User { id username displayName role unit { id name kind level } }';
export const ME_TEXT = `query Me { me { ...SessionUser } }\n${SESSION_USER}`;
export const LOGIN_TEXT = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token expiresAt user { ...SessionUser } } }\n${SESSION_USER}`;

async function post<T>(operationName: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...requestHeaders(), 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9' },
    body: JSON.stringify({ operationName, query, variables }),
  });
  const bodyText = await response.text();
  let result: { data?: T | null; errors?: CombinedGraphQLErrors['errors'] } | undefined;
  try {
    result = JSON.parse(bodyText) as typeof result;
  } catch {
    result = undefined;
  }
  if (result?.errors?.length) throw new CombinedGraphQLErrors(result);
  if (!response.ok || !result?.data) throw new ServerError(`Response not successful: Received status code ${response.status}`, { response, bodyText });
  return result.data;
}

/** Who is signed in (null: nobody; the server answers UNAUTHENTICATED then, read as "nobody" by the session). */
export async function fetchMe(): Promise<MeQuery['me']> {
  return (await post<MeQuery>('Me', ME_TEXT)).me;
}

export async function login(variables: LoginMutationVariables): Promise<LoginMutation['login']> {
  return (await post<LoginMutation>('Login', LOGIN_TEXT, variables)).login;
}
