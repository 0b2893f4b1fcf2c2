import { graphql } from '../../gql';

export const UnitChildrenQuery = graphql(`
  query UnitChildren($parentId: ID) {
    units(parentId: $parentId, limit: 1000) {
      id
      code
      name
      kind
      level
    }
  }
`);

export const UnitSearchQuery = graphql(`
  query UnitSearch($search: String!) {
    units(search: $search, limit: 50) {
      id
      code
      name
      kind
      level
      parent {
        id
        name
      }
      ancestors {
        id
      }
    }
  }
`);
