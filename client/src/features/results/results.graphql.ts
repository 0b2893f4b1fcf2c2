import { graphql } from '../../gql';

export const RecordResultsMutation = graphql(`
  mutation RecordResults($input: RecordResultsInput!) {
    recordResults(input: $input)
  }
`);

/** A unit's own recorded figure (not rolled up). */
export const RecordedFigureRowFragment = graphql(`
  fragment RecordedFigureRow on Progress {
    unit {
      id
      name
      kind
    }
    own {
      ...FigureValues
    }
  }
`);

/** What is already recorded for the unit and its children in that period (their own figures). */
export const RecordedFiguresQuery = graphql(`
  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      ...RecordedFigureRow
      children {
        ...RecordedFigureRow
      }
    }
  }
`);

/** One unit's reporting for one period: its figure's state, the due date, late or missing. */
export const ReportingRowFieldsFragment = graphql(`
  fragment ReportingRowFields on ReportingRow {
    unit {
      id
      name
      kind
    }
    period
    dueDate
    state
    submittedAt
    late
    missing
    returnReason
  }
`);

/** The children's reporting in the plan's tree (a unit without children: its own row). */
export const ReportingQuery = graphql(`
  query Reporting($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {
    reporting(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      ...ReportingRowFields
    }
  }
`);

export const SubmitResultsMutation = graphql(`
  mutation SubmitResults($indicatorId: ID!, $period: String!, $unitId: ID!) {
    submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {
      ...ReportingRowFields
    }
  }
`);

export const ApproveResultsMutation = graphql(`
  mutation ApproveResults($indicatorId: ID!, $period: String!, $unitId: ID!) {
    approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {
      ...ReportingRowFields
    }
  }
`);

export const ReturnResultsMutation = graphql(`
  mutation ReturnResults($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) {
    returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) {
      ...ReportingRowFields
    }
  }
`);

/** The unit's notifications: a returned figure's reason is in its message (RESULTS_RETURNED). */
export const ReportingNotificationsQuery = graphql(`
  query ReportingNotifications {
    notifications(limit: 50) {
      id
      kind
      message
      link
      createdAt
    }
  }
`);

/** A plan's rows as reported: how often and how many days after a period its figures are due. */
export const ReportingPlanQuery = graphql(`
  query ReportingPlan($id: ID!) {
    plan(id: $id) {
      id
      year
      title
      status
      indicators {
        id
        frequency
        dueDay
        position
        indicator {
          id
          name
        }
      }
    }
  }
`);

/** Which indicators a unit has its own target for in a plan (what it reports on). */
export const UnitTargetsQuery = graphql(`
  query UnitTargets($planId: ID!, $unitId: ID!) {
    targets(filter: { planId: $planId, unitId: $unitId }) {
      id
      indicator {
        id
      }
    }
  }
`);

/** The reporter's unit as it stood through time: the plans it reports on are those of the years it existed in. */
export const ReporterUnitQuery = graphql(`
  query ReporterUnit($unitId: ID!) {
    unit(id: $unitId) {
      id
      validFrom
      validTo
    }
  }
`);

/** The units a reporter enters figures for in a plan (itself, and its children for a district), with when each existed. */
export const ReportingUnitsQuery = graphql(`
  query ReportingUnits($unitId: ID!, $at: Date) {
    unit(id: $unitId) {
      id
      name
      kind
      validFrom
      validTo
      children(at: $at) {
        id
        name
        kind
        validFrom
        validTo
      }
    }
  }
`);
