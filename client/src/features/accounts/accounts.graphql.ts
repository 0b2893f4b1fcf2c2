import { graphql } from '../../gql';

export const AccountRowFragment = graphql(`
  fragment AccountRow on User {
    id
    username
    displayName
    role
    lockedUntil
    unit {
      id
      name
      kind
    }
  }
`);

/** Accounts of a unit's subtree (the caller's own subtree when `unitId` is null). */
export const UsersQuery = graphql(`
  query Users($unitId: ID) {
    users(unitId: $unitId) {
      ...AccountRow
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AccountRow
    }
  }
`);

/** Lifts a sign-in lock-out (too many wrong passwords) of an account the administrator manages. */
export const UnlockAccountMutation = graphql(`
  mutation UnlockAccount($username: String!) {
    unlockAccount(username: $username)
  }
`);
