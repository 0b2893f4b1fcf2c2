import { graphql } from '../../gql';

/** A plan as listed and as headed on its own page. */
export const PlanHeaderFragment = graphql(`
  fragment PlanHeader on Plan {
    id
    year
    title
    documentNumber
    documentDate
    status
    subAssignmentDeadline
    issuer {
      id
      name
    }
  }
`);

export const PlansQuery = graphql(`
  query Plans($year: Int) {
    plans(year: $year) {
      ...PlanHeader
    }
  }
`);

export const PlanQuery = graphql(`
  query Plan($id: ID!) {
    plan(id: $id) {
      ...PlanHeader
      legalBasis
      issuer {
        kind
      }
      indicators {
        section
        position
        floors {
          kind
          value
        }
        indicator {
          id
          code
          name
          measure
          comparator
          unitOfMeasure
          hardMinimum
          numeratorLabel
          denominatorLabel
        }
      }
      tasks {
        id
        position
        content
        leads
        coordinators
        timeFrame
        deliverable
      }
    }
  }
`);

/**
 * The viewer's unit and its children as the tree stood on `at`: a plan is always shown in its own
 * structure (its year's 1 January, `structureDate`), not today's tree after a reform.
 */
export const MatrixUnitsQuery = graphql(`
  query MatrixUnits($unitId: ID!, $at: Date) {
    unit(id: $unitId) {
      id
      name
      kind
      level
      children(at: $at) {
        ...UnitNode
      }
    }
  }
`);

export const TargetCellFragment = graphql(`
  fragment TargetCell on Target {
    id
    value
    comparator
    baseline
    baselineSource
    origin
    version
    late
    note
    updatedAt
    unit {
      id
    }
    indicator {
      id
    }
  }
`);

/** The viewer's own targets and its subtree's: the matrix keeps the direct children's. */
export const MatrixTargetsQuery = graphql(`
  query MatrixTargets($planId: ID!, $unitId: ID!) {
    targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {
      ...TargetCell
    }
  }
`);

export const SetTargetsMutation = graphql(`
  mutation SetTargets($input: SetTargetsInput!) {
    setTargets(input: $input) {
      ...TargetWriteResultFields
    }
  }
`);

export const IssuePlanMutation = graphql(`
  mutation IssuePlan($id: ID!) {
    issuePlan(id: $id) {
      id
      status
    }
  }
`);

export const SubAssignmentQuery = graphql(`
  query SubAssignment($planId: ID!, $unitId: ID!) {
    subAssignment(planId: $planId, unitId: $unitId) {
      unit {
        id
        name
        kind
      }
      indicator {
        id
      }
      hasTarget
      children
      assigned
      late
    }
  }
`);

export const TargetHistoryQuery = graphql(`
  query TargetHistory($entityId: ID!) {
    auditLog(entity: "target", entityId: $entityId, limit: 50) {
      id
      at
      action
      before
      after
      requestId
      user {
        id
        username
        displayName
      }
    }
  }
`);
