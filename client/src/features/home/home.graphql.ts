import { graphql } from '../../gql';

export const MyTargetsQuery = graphql(`
  query MyTargets($planId: ID!, $unitId: ID!) {
    targets(filter: { planId: $planId, unitId: $unitId }) {
      id
      value
      comparator
      baseline
      origin
      indicator {
        id
        code
        name
        measure
        unitOfMeasure
      }
    }
  }
`);

export const MyTargetProgressQuery = graphql(`
  query MyTargetProgress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      status
      gap
      belowHardMinimum
      rolledUp {
        ...FigureValues
      }
    }
  }
`);
