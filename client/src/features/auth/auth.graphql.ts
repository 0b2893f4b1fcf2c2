import { graphql } from '../../gql';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        ...SessionUser
      }
    }
  }
`);

export const SessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    username
    displayName
    role
    unit {
      id
      name
      kind
      level
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
