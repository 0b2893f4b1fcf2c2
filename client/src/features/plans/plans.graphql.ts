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

/**
 * A plan as its document writes it: the header, the document fields, headings, rows and tasks.
 * Every write of the plan answers with this, so the page shows what was saved without a reload.
 * PlanHeader's fields and the responsible's are written out: graphql-armor counts each nested
 * fragment as a level (server/src/spa-documents.spec.ts).
 */
export const PlanDocumentFragment = graphql(`
  fragment PlanDocument on Plan {
    id
    year
    title
    documentNumber
    documentDate
    status
    subAssignmentDeadline
    documentKind
    legalBasis
    signer
    recipients
    headings {
      position
      text
    }
    issuer {
      id
      name
      kind
    }
    indicators {
      id
      section
      position
      scope
      legalBasis
      note
      factLabels
      floors {
        kind
        value
      }
      lead {
        text
        kinds
        unit {
          id
          name
        }
      }
      coordinating {
        text
        kinds
        unit {
          id
          name
        }
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
      lead {
        text
        kinds
        unit {
          id
          name
        }
      }
      coordinating {
        text
        kinds
        unit {
          id
          name
        }
      }
    }
  }
`);

export const PlanQuery = graphql(`
  query Plan($id: ID!) {
    plan(id: $id) {
      ...PlanDocument
    }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: PlanInput!) {
    createPlan(input: $input) {
      ...PlanHeader
    }
  }
`);

export const CopyPlanMutation = graphql(`
  mutation CopyPlan($id: ID!, $year: Int!, $issuerId: ID) {
    copyPlan(id: $id, year: $year, issuerId: $issuerId) {
      ...PlanHeader
    }
  }
`);

export const UpdatePlanMutation = graphql(`
  mutation UpdatePlan($id: ID!, $input: PlanUpdateInput!) {
    updatePlan(id: $id, input: $input) {
      ...PlanDocument
    }
  }
`);

export const SetPlanHeadingsMutation = graphql(`
  mutation SetPlanHeadings($planId: ID!, $headings: [PlanHeadingInput!]!) {
    setPlanHeadings(planId: $planId, headings: $headings) {
      ...PlanDocument
    }
  }
`);

export const AddPlanIndicatorMutation = graphql(`
  mutation AddPlanIndicator($input: PlanIndicatorInput!) {
    addPlanIndicator(input: $input) {
      ...PlanDocument
    }
  }
`);

export const UpdatePlanIndicatorMutation = graphql(`
  mutation UpdatePlanIndicator($input: PlanIndicatorInput!) {
    updatePlanIndicator(input: $input) {
      ...PlanDocument
    }
  }
`);

export const RemovePlanIndicatorMutation = graphql(`
  mutation RemovePlanIndicator($planId: ID!, $indicatorId: ID!) {
    removePlanIndicator(planId: $planId, indicatorId: $indicatorId) {
      ...PlanDocument
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

/**
 * The facts of the same targets, asked only when the plan has fact columns: kept out of TargetCell
 * so the other screens (and their mocks) that read the matrix's targets are not changed.
 */
export const MatrixFactsQuery = graphql(`
  query MatrixFacts($planId: ID!, $unitId: ID!, $indicatorId: ID!) {
    targets(filter: { planId: $planId, unitId: $unitId, indicatorId: $indicatorId, subtree: true }) {
      id
      facts {
        label
        value
      }
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

/**
 * The sheet's writes (never dry runs): the written rows come back with their ids, so the cache
 * holds each cell's new version and value as soon as the write answers, before the refetch, and
 * an undo or the next edit typed at once reads them.
 */
export const SetSheetTargetsMutation = graphql(`
  mutation SetSheetTargets($input: SetTargetsInput!) {
    setTargets(input: $input) {
      ...TargetWriteResultFields
      targets {
        id
        value
        baseline
        version
        late
        origin
        facts {
          label
          value
        }
      }
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
