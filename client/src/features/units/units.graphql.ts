import { graphql } from '../../gql';

/** Children of a unit (the visible roots when `parentId` is null) as the tree stood on `at` (today when null). */
export const UnitChildrenQuery = graphql(`
  query UnitChildren($parentId: ID, $at: Date) {
    units(parentId: $parentId, at: $at, limit: 1000) {
      id
      code
      name
      kind
      level
    }
  }
`);

export const UnitSearchQuery = graphql(`
  query UnitSearch($search: String!, $at: Date) {
    units(search: $search, at: $at, limit: 50) {
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

export const UnitHistoryLinkFragment = graphql(`
  fragment UnitHistoryLink on Unit {
    id
    code
    name
    kind
    validFrom
    validTo
    parent {
      id
      name
    }
    ancestors {
      id
    }
  }
`);

/** One unit with its validity and history (what it was formed from, what it became), and its children on `at`. */
export const UnitDetailQuery = graphql(`
  query UnitDetail($id: ID!, $at: Date) {
    unit(id: $id) {
      id
      code
      name
      kind
      level
      validFrom
      validTo
      parent {
        id
        name
      }
      ancestors {
        id
      }
      children(at: $at) {
        id
        kind
      }
      predecessors {
        ...UnitHistoryLink
      }
      successors {
        ...UnitHistoryLink
      }
    }
  }
`);
