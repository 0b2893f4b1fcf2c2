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

/** The units in the subtree whose projection misses the target, worst first. */
export const AtRiskQuery = graphql(`
  query AtRisk($planId: ID!, $unitId: ID!, $period: String) {
    atRisk(planId: $planId, unitId: $unitId, period: $period) {
      period
      gap
      projected
      atRisk
      unit {
        id
        name
        kind
      }
      indicator {
        id
        name
        unitOfMeasure
      }
      target {
        value
      }
      rolledUp {
        value
      }
    }
  }
`);

/**
 * Six months of one unit's figures (the trend chart asks twice: January–June, July–December):
 * aliases stay under half the server's limit (spa-documents.spec.ts).
 */
export const TrendHalfQuery = graphql(`
  query TrendHalf($planId: ID!, $indicatorId: ID!, $unitId: ID!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!) {
    m1: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p1) {
      ...TrendPoint
    }
    m2: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p2) {
      ...TrendPoint
    }
    m3: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p3) {
      ...TrendPoint
    }
    m4: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p4) {
      ...TrendPoint
    }
    m5: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p5) {
      ...TrendPoint
    }
    m6: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p6) {
      ...TrendPoint
    }
  }
`);

export const TrendPointFragment = graphql(`
  fragment TrendPoint on Progress {
    period
    rolledUp {
      value
    }
  }
`);

/** The year so far: target and projection for the trend chart's lines. */
export const YearOutlookQuery = graphql(`
  query YearOutlook($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      period
      projected
      atRisk
      target {
        value
      }
      rolledUp {
        value
      }
      unit {
        id
        name
      }
    }
  }
`);
