import { graphql } from '../../gql';

/** What issuing a plan would leave open: per row, units without a target, issues of the stored ones, late ones. */
export const PlanChecklistQuery = graphql(`
  query PlanChecklist($planId: ID!) {
    planChecklist(planId: $planId) {
      planId
      units
      warnings
      children {
        id
        name
      }
      rows {
        id
        position
        late
        indicator {
          id
          code
          name
        }
        missing {
          id
          name
        }
        issues {
          unitId
          code
          severity
          message
        }
      }
    }
  }
`);

/** Issuing answers with the plan's header: every list and page showing the plan sees ISSUED from the cache. */
export const IssuePlanWithHeaderMutation = graphql(`
  mutation IssuePlanWithHeader($id: ID!) {
    issuePlan(id: $id) {
      ...PlanHeader
    }
  }
`);

/** A task added to a DRAFT plan's task table (the plan page refetches its plan to list it). */
export const AddPlanTaskMutation = graphql(`
  mutation AddPlanTask($input: PlanTaskInput!) {
    addPlanTask(input: $input) {
      id
      position
      content
    }
  }
`);
