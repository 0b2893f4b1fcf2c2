import { graphql } from '../../gql';

export const AccountRowFragment = graphql(`
  fragment AccountRow on User {
    id
    username
    displayName
    role
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
