import { graphql } from '../../gql';

/** Children of a unit (the visible roots when `parentId` is null) as the tree stood on `at` (today when null). */
export const UnitChildrenQuery = graphql(`
  query UnitChildren($parentId: ID, $at: Date) {
    units(parentId: $parentId, at: $at, limit: 1000) {
      ...UnitNode
    }
  }
`);

export const UnitSearchQuery = graphql(`
  query UnitSearch($search: String!, $at: Date) {
    units(search: $search, at: $at, limit: 50) {
      ...UnitPlace
    }
  }
`);

export const UnitHistoryLinkFragment = graphql(`
  fragment UnitHistoryLink on Unit {
    ...UnitPlace
    validFrom
    validTo
  }
`);

/** One unit with its validity and history (what it was formed from, what it became), and its children on `at`. */
export const UnitDetailQuery = graphql(`
  query UnitDetail($id: ID!, $at: Date) {
    unit(id: $id) {
      ...UnitHistoryLink
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

/** The plan rows and tasks a unit leads or coordinates, by its name or by its kind (a group the document names). */
export const UnitResponsibilitiesQuery = graphql(`
  query UnitResponsibilities($id: ID!, $year: Int) {
    unit(id: $id) {
      id
      responsibilities(year: $year) {
        role
        position
        content
        text
        plan {
          id
          year
          title
        }
        indicator {
          id
        }
        task {
          id
        }
      }
    }
  }
`);
