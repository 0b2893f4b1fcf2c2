import { graphql } from '../../gql';

export const AdjustmentFieldsFragment = graphql(`
  fragment AdjustmentFields on Adjustment {
    id
    proposedValue
    reason
    state
    requestedAt
    decidedAt
    decisionNote
    requestedBy {
      id
      username
      displayName
    }
    decidedBy {
      id
      username
      displayName
    }
    target {
      id
      value
      comparator
      unit {
        id
        name
      }
      assignedBy {
        id
      }
      indicator {
        id
        code
        name
        unitOfMeasure
      }
    }
  }
`);

/** The plan page's "Tiếp nhận" and "Điều chỉnh": who acknowledged, and every adjustment the viewer may read. */
export const PlanOfficesQuery = graphql(`
  query PlanOffices($planId: ID!) {
    acknowledgements(planId: $planId) {
      at
      unit {
        id
        name
      }
      by {
        id
        username
        displayName
      }
    }
    adjustments(planId: $planId) {
      ...AdjustmentFields
    }
  }
`);

/** One issued plan on the home page: whether the viewer's unit holds targets, has acknowledged them, and what waits for its decision. */
export const HomeOfficesQuery = graphql(`
  query HomeOffices($planId: ID!, $unitId: ID!) {
    targets(filter: { planId: $planId, unitId: $unitId }) {
      id
    }
    acknowledgements(planId: $planId) {
      at
      unit {
        id
      }
    }
    adjustments(planId: $planId, state: PENDING) {
      ...AdjustmentFields
    }
  }
`);

export const AcknowledgeTargetsMutation = graphql(`
  mutation AcknowledgeTargets($planId: ID!, $unitId: ID!) {
    acknowledgeTargets(planId: $planId, unitId: $unitId) {
      at
      unit {
        id
      }
    }
  }
`);

export const RequestAdjustmentMutation = graphql(`
  mutation RequestAdjustment($targetId: ID!, $proposedValue: Float!, $reason: String!) {
    requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) {
      ...AdjustmentFields
    }
  }
`);

export const DecideAdjustmentMutation = graphql(`
  mutation DecideAdjustment($id: ID!, $accept: Boolean!, $note: String) {
    decideAdjustment(id: $id, accept: $accept, note: $note) {
      ...AdjustmentFields
    }
  }
`);
