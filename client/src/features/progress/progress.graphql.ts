import { graphql } from '../../gql';

export const ProgressRowFragment = graphql(`
  fragment ProgressRow on Progress {
    period
    status
    gap
    rank
    belowHardMinimum
    unit {
      id
      name
      kind
    }
    target {
      value
      comparator
    }
    rolledUp {
      ...FigureValues
      fromPredecessors
    }
  }
`);

export const ProgressQuery = graphql(`
  query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      ...ProgressRow
      indicator {
        id
        name
        measure
        comparator
        unitOfMeasure
      }
      children {
        ...ProgressRow
      }
    }
  }
`);
