/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UnitNode on Unit {\n    id\n    code\n    name\n    kind\n    level\n  }\n": typeof types.UnitNodeFragmentDoc,
    "\n  fragment UnitPlace on Unit {\n    id\n    code\n    name\n    kind\n    level\n    parent {\n      id\n      name\n    }\n    ancestors {\n      id\n    }\n  }\n": typeof types.UnitPlaceFragmentDoc,
    "\n  fragment FigureValues on Figure {\n    numerator\n    denominator\n    value\n  }\n": typeof types.FigureValuesFragmentDoc,
    "\n  fragment TargetWriteResultFields on TargetWriteResult {\n    applied\n    created\n    updated\n    issues {\n      code\n      message\n      severity\n      unitId\n    }\n    targets {\n      value\n      origin\n      baseline\n      baselineSource\n      version\n      unit {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.TargetWriteResultFieldsFragmentDoc,
    "\n  fragment AccountRow on User {\n    id\n    username\n    displayName\n    role\n    lockedUntil\n    unit {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.AccountRowFragmentDoc,
    "\n  query Users($unitId: ID) {\n    users(unitId: $unitId) {\n      ...AccountRow\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AccountRow\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UnlockAccount($username: String!) {\n    unlockAccount(username: $username)\n  }\n": typeof types.UnlockAccountDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    unit {\n      id\n      name\n      kind\n      level\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation CascadeTargets($input: CascadeInput!) {\n    cascadeTargets(input: $input) {\n      ...TargetWriteResultFields\n      uplift\n      impliedAggregate\n      parentTarget\n    }\n  }\n": typeof types.CascadeTargetsDocument,
    "\n  query MyTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      value\n      comparator\n      baseline\n      origin\n      indicator {\n        id\n        code\n        name\n        measure\n        unitOfMeasure\n      }\n    }\n  }\n": typeof types.MyTargetsDocument,
    "\n  query MyTargetProgress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      status\n      gap\n      belowHardMinimum\n      rolledUp {\n        ...FigureValues\n      }\n    }\n  }\n": typeof types.MyTargetProgressDocument,
    "\n  fragment IndicatorFields on Indicator {\n    id\n    code\n    name\n    measure\n    comparator\n    unitOfMeasure\n    numeratorLabel\n    denominatorLabel\n    hardMinimum\n    legalBasis\n    notes\n    accumulation\n    scoring {\n      when\n      score\n    }\n    owner {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.IndicatorFieldsFragmentDoc,
    "\n  query Indicators {\n    indicators {\n      ...IndicatorFields\n    }\n  }\n": typeof types.IndicatorsDocument,
    "\n  mutation CreateIndicator($input: IndicatorInput!) {\n    createIndicator(input: $input) {\n      ...IndicatorFields\n    }\n  }\n": typeof types.CreateIndicatorDocument,
    "\n  mutation UpdateIndicator($id: ID!, $input: IndicatorInput!) {\n    updateIndicator(id: $id, input: $input) {\n      ...IndicatorFields\n    }\n  }\n": typeof types.UpdateIndicatorDocument,
    "\n  query Notifications($limit: Int) {\n    notifications(limit: $limit) {\n      id\n      kind\n      message\n      link\n      createdAt\n      readAt\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, limit: 100) {\n      id\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment AdjustmentFields on Adjustment {\n    id\n    proposedValue\n    reason\n    state\n    requestedAt\n    decidedAt\n    decisionNote\n    requestedBy {\n      id\n      username\n      displayName\n    }\n    decidedBy {\n      id\n      username\n      displayName\n    }\n    target {\n      id\n      value\n      comparator\n      unit {\n        id\n        name\n      }\n      assignedBy {\n        id\n      }\n      indicator {\n        id\n        code\n        name\n        unitOfMeasure\n      }\n    }\n  }\n": typeof types.AdjustmentFieldsFragmentDoc,
    "\n  query PlanOffices($planId: ID!) {\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n        name\n      }\n      by {\n        id\n        username\n        displayName\n      }\n    }\n    adjustments(planId: $planId) {\n      ...AdjustmentFields\n    }\n  }\n": typeof types.PlanOfficesDocument,
    "\n  query HomeOffices($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n    }\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n      }\n    }\n    adjustments(planId: $planId, state: PENDING) {\n      ...AdjustmentFields\n    }\n  }\n": typeof types.HomeOfficesDocument,
    "\n  mutation AcknowledgeTargets($planId: ID!, $unitId: ID!) {\n    acknowledgeTargets(planId: $planId, unitId: $unitId) {\n      at\n      unit {\n        id\n      }\n    }\n  }\n": typeof types.AcknowledgeTargetsDocument,
    "\n  mutation RequestAdjustment($targetId: ID!, $proposedValue: Float!, $reason: String!) {\n    requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) {\n      ...AdjustmentFields\n    }\n  }\n": typeof types.RequestAdjustmentDocument,
    "\n  mutation DecideAdjustment($id: ID!, $accept: Boolean!, $note: String) {\n    decideAdjustment(id: $id, accept: $accept, note: $note) {\n      ...AdjustmentFields\n    }\n  }\n": typeof types.DecideAdjustmentDocument,
    "\n  query PlanChecklist($planId: ID!) {\n    planChecklist(planId: $planId) {\n      planId\n      units\n      warnings\n      children {\n        id\n        name\n      }\n      rows {\n        id\n        position\n        late\n        indicator {\n          id\n          code\n          name\n        }\n        missing {\n          id\n          name\n        }\n        issues {\n          unitId\n          code\n          severity\n          message\n        }\n      }\n    }\n  }\n": typeof types.PlanChecklistDocument,
    "\n  mutation IssuePlanWithHeader($id: ID!) {\n    issuePlan(id: $id) {\n      ...PlanHeader\n    }\n  }\n": typeof types.IssuePlanWithHeaderDocument,
    "\n  mutation AddPlanTask($input: PlanTaskInput!) {\n    addPlanTask(input: $input) {\n      id\n      position\n      content\n    }\n  }\n": typeof types.AddPlanTaskDocument,
    "\n  fragment PlanHeader on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    issuer {\n      id\n      name\n    }\n  }\n": typeof types.PlanHeaderFragmentDoc,
    "\n  query Plans($year: Int) {\n    plans(year: $year) {\n      ...PlanHeader\n    }\n  }\n": typeof types.PlansDocument,
    "\n  fragment PlanDocument on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    documentKind\n    legalBasis\n    signer\n    recipients\n    headings {\n      position\n      text\n    }\n    issuer {\n      id\n      name\n      kind\n    }\n    indicators {\n      id\n      section\n      position\n      scope\n      legalBasis\n      note\n      factLabels\n      floors {\n        kind\n        value\n      }\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      indicator {\n        id\n        code\n        name\n        measure\n        comparator\n        unitOfMeasure\n        hardMinimum\n        numeratorLabel\n        denominatorLabel\n      }\n    }\n    tasks {\n      id\n      position\n      content\n      leads\n      coordinators\n      timeFrame\n      deliverable\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PlanDocumentFragmentDoc,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      ...PlanDocument\n    }\n  }\n": typeof types.PlanDocument,
    "\n  mutation CreatePlan($input: PlanInput!) {\n    createPlan(input: $input) {\n      ...PlanHeader\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation CopyPlan($id: ID!, $year: Int!, $issuerId: ID) {\n    copyPlan(id: $id, year: $year, issuerId: $issuerId) {\n      ...PlanHeader\n    }\n  }\n": typeof types.CopyPlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: PlanUpdateInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...PlanDocument\n    }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  mutation SetPlanHeadings($planId: ID!, $headings: [PlanHeadingInput!]!) {\n    setPlanHeadings(planId: $planId, headings: $headings) {\n      ...PlanDocument\n    }\n  }\n": typeof types.SetPlanHeadingsDocument,
    "\n  mutation AddPlanIndicator($input: PlanIndicatorInput!) {\n    addPlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n": typeof types.AddPlanIndicatorDocument,
    "\n  mutation UpdatePlanIndicator($input: PlanIndicatorInput!) {\n    updatePlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n": typeof types.UpdatePlanIndicatorDocument,
    "\n  mutation RemovePlanIndicator($planId: ID!, $indicatorId: ID!) {\n    removePlanIndicator(planId: $planId, indicatorId: $indicatorId) {\n      ...PlanDocument\n    }\n  }\n": typeof types.RemovePlanIndicatorDocument,
    "\n  query MatrixUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      level\n      children(at: $at) {\n        ...UnitNode\n      }\n    }\n  }\n": typeof types.MatrixUnitsDocument,
    "\n  fragment TargetCell on Target {\n    id\n    value\n    comparator\n    baseline\n    baselineSource\n    origin\n    version\n    late\n    note\n    updatedAt\n    unit {\n      id\n    }\n    indicator {\n      id\n    }\n  }\n": typeof types.TargetCellFragmentDoc,
    "\n  query MatrixTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {\n      ...TargetCell\n    }\n  }\n": typeof types.MatrixTargetsDocument,
    "\n  query MatrixFacts($planId: ID!, $unitId: ID!, $indicatorId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, indicatorId: $indicatorId, subtree: true }) {\n      id\n      facts {\n        label\n        value\n      }\n    }\n  }\n": typeof types.MatrixFactsDocument,
    "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n    }\n  }\n": typeof types.SetTargetsDocument,
    "\n  mutation SetSheetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n      targets {\n        id\n        value\n        baseline\n        version\n        late\n        origin\n        facts {\n          label\n          value\n        }\n      }\n    }\n  }\n": typeof types.SetSheetTargetsDocument,
    "\n  query SubAssignment($planId: ID!, $unitId: ID!) {\n    subAssignment(planId: $planId, unitId: $unitId) {\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n      }\n      hasTarget\n      children\n      assigned\n      late\n    }\n  }\n": typeof types.SubAssignmentDocument,
    "\n  query TargetHistory($entityId: ID!) {\n    auditLog(entity: \"target\", entityId: $entityId, limit: 50) {\n      id\n      at\n      action\n      before\n      after\n      requestId\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": typeof types.TargetHistoryDocument,
    "\n  fragment ProgressRow on Progress {\n    period\n    status\n    gap\n    rank\n    belowHardMinimum\n    unit {\n      id\n      name\n      kind\n    }\n    target {\n      value\n      comparator\n    }\n    rolledUp {\n      ...FigureValues\n      fromPredecessors\n    }\n  }\n": typeof types.ProgressRowFragmentDoc,
    "\n  query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ProgressRow\n      indicator {\n        id\n        name\n        measure\n        comparator\n        unitOfMeasure\n      }\n      children {\n        ...ProgressRow\n      }\n    }\n  }\n": typeof types.ProgressDocument,
    "\n  query AtRisk($planId: ID!, $unitId: ID!, $period: String) {\n    atRisk(planId: $planId, unitId: $unitId, period: $period) {\n      period\n      gap\n      projected\n      atRisk\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n        name\n        unitOfMeasure\n      }\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n    }\n  }\n": typeof types.AtRiskDocument,
    "\n  query TrendHalf($planId: ID!, $indicatorId: ID!, $unitId: ID!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!) {\n    m1: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p1) {\n      ...TrendPoint\n    }\n    m2: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p2) {\n      ...TrendPoint\n    }\n    m3: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p3) {\n      ...TrendPoint\n    }\n    m4: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p4) {\n      ...TrendPoint\n    }\n    m5: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p5) {\n      ...TrendPoint\n    }\n    m6: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p6) {\n      ...TrendPoint\n    }\n  }\n": typeof types.TrendHalfDocument,
    "\n  fragment TrendPoint on Progress {\n    period\n    rolledUp {\n      value\n    }\n  }\n": typeof types.TrendPointFragmentDoc,
    "\n  query YearOutlook($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      period\n      projected\n      atRisk\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.YearOutlookDocument,
    "\n  mutation RecordResults($input: RecordResultsInput!) {\n    recordResults(input: $input)\n  }\n": typeof types.RecordResultsDocument,
    "\n  fragment RecordedFigureRow on Progress {\n    unit {\n      id\n      name\n      kind\n    }\n    own {\n      ...FigureValues\n    }\n  }\n": typeof types.RecordedFigureRowFragmentDoc,
    "\n  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...RecordedFigureRow\n      children {\n        ...RecordedFigureRow\n      }\n    }\n  }\n": typeof types.RecordedFiguresDocument,
    "\n  fragment ReportingRowFields on ReportingRow {\n    unit {\n      id\n      name\n      kind\n    }\n    period\n    dueDate\n    state\n    submittedAt\n    late\n    missing\n    returnReason\n  }\n": typeof types.ReportingRowFieldsFragmentDoc,
    "\n  query Reporting($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    reporting(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ReportingRowFields\n    }\n  }\n": typeof types.ReportingDocument,
    "\n  mutation SubmitResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n": typeof types.SubmitResultsDocument,
    "\n  mutation ApproveResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n": typeof types.ApproveResultsDocument,
    "\n  mutation ReturnResults($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) {\n    returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) {\n      ...ReportingRowFields\n    }\n  }\n": typeof types.ReturnResultsDocument,
    "\n  query ReportingNotifications {\n    notifications(limit: 50) {\n      id\n      kind\n      message\n      link\n      createdAt\n    }\n  }\n": typeof types.ReportingNotificationsDocument,
    "\n  query ReportingPlan($id: ID!) {\n    plan(id: $id) {\n      id\n      year\n      title\n      status\n      indicators {\n        id\n        frequency\n        dueDay\n        position\n        indicator {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ReportingPlanDocument,
    "\n  query UnitTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      indicator {\n        id\n      }\n    }\n  }\n": typeof types.UnitTargetsDocument,
    "\n  query ReporterUnit($unitId: ID!) {\n    unit(id: $unitId) {\n      id\n      validFrom\n      validTo\n    }\n  }\n": typeof types.ReporterUnitDocument,
    "\n  query ReportingUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      validFrom\n      validTo\n      children(at: $at) {\n        id\n        name\n        kind\n        validFrom\n        validTo\n      }\n    }\n  }\n": typeof types.ReportingUnitsDocument,
    "\n  query UnitChildren($parentId: ID, $at: Date) {\n    units(parentId: $parentId, at: $at, limit: 1000) {\n      ...UnitNode\n    }\n  }\n": typeof types.UnitChildrenDocument,
    "\n  query UnitSearch($search: String!, $at: Date) {\n    units(search: $search, at: $at, limit: 50) {\n      ...UnitPlace\n    }\n  }\n": typeof types.UnitSearchDocument,
    "\n  fragment UnitHistoryLink on Unit {\n    ...UnitPlace\n    validFrom\n    validTo\n  }\n": typeof types.UnitHistoryLinkFragmentDoc,
    "\n  query UnitDetail($id: ID!, $at: Date) {\n    unit(id: $id) {\n      ...UnitHistoryLink\n      children(at: $at) {\n        id\n        kind\n      }\n      predecessors {\n        ...UnitHistoryLink\n      }\n      successors {\n        ...UnitHistoryLink\n      }\n    }\n  }\n": typeof types.UnitDetailDocument,
    "\n  query UnitResponsibilities($id: ID!, $year: Int) {\n    unit(id: $id) {\n      id\n      responsibilities(year: $year) {\n        role\n        position\n        content\n        text\n        plan {\n          id\n          year\n          title\n        }\n        indicator {\n          id\n        }\n        task {\n          id\n        }\n      }\n    }\n  }\n": typeof types.UnitResponsibilitiesDocument,
};
const documents: Documents = {
    "\n  fragment UnitNode on Unit {\n    id\n    code\n    name\n    kind\n    level\n  }\n": types.UnitNodeFragmentDoc,
    "\n  fragment UnitPlace on Unit {\n    id\n    code\n    name\n    kind\n    level\n    parent {\n      id\n      name\n    }\n    ancestors {\n      id\n    }\n  }\n": types.UnitPlaceFragmentDoc,
    "\n  fragment FigureValues on Figure {\n    numerator\n    denominator\n    value\n  }\n": types.FigureValuesFragmentDoc,
    "\n  fragment TargetWriteResultFields on TargetWriteResult {\n    applied\n    created\n    updated\n    issues {\n      code\n      message\n      severity\n      unitId\n    }\n    targets {\n      value\n      origin\n      baseline\n      baselineSource\n      version\n      unit {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.TargetWriteResultFieldsFragmentDoc,
    "\n  fragment AccountRow on User {\n    id\n    username\n    displayName\n    role\n    lockedUntil\n    unit {\n      id\n      name\n      kind\n    }\n  }\n": types.AccountRowFragmentDoc,
    "\n  query Users($unitId: ID) {\n    users(unitId: $unitId) {\n      ...AccountRow\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AccountRow\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UnlockAccount($username: String!) {\n    unlockAccount(username: $username)\n  }\n": types.UnlockAccountDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    unit {\n      id\n      name\n      kind\n      level\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation CascadeTargets($input: CascadeInput!) {\n    cascadeTargets(input: $input) {\n      ...TargetWriteResultFields\n      uplift\n      impliedAggregate\n      parentTarget\n    }\n  }\n": types.CascadeTargetsDocument,
    "\n  query MyTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      value\n      comparator\n      baseline\n      origin\n      indicator {\n        id\n        code\n        name\n        measure\n        unitOfMeasure\n      }\n    }\n  }\n": types.MyTargetsDocument,
    "\n  query MyTargetProgress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      status\n      gap\n      belowHardMinimum\n      rolledUp {\n        ...FigureValues\n      }\n    }\n  }\n": types.MyTargetProgressDocument,
    "\n  fragment IndicatorFields on Indicator {\n    id\n    code\n    name\n    measure\n    comparator\n    unitOfMeasure\n    numeratorLabel\n    denominatorLabel\n    hardMinimum\n    legalBasis\n    notes\n    accumulation\n    scoring {\n      when\n      score\n    }\n    owner {\n      id\n      name\n      kind\n    }\n  }\n": types.IndicatorFieldsFragmentDoc,
    "\n  query Indicators {\n    indicators {\n      ...IndicatorFields\n    }\n  }\n": types.IndicatorsDocument,
    "\n  mutation CreateIndicator($input: IndicatorInput!) {\n    createIndicator(input: $input) {\n      ...IndicatorFields\n    }\n  }\n": types.CreateIndicatorDocument,
    "\n  mutation UpdateIndicator($id: ID!, $input: IndicatorInput!) {\n    updateIndicator(id: $id, input: $input) {\n      ...IndicatorFields\n    }\n  }\n": types.UpdateIndicatorDocument,
    "\n  query Notifications($limit: Int) {\n    notifications(limit: $limit) {\n      id\n      kind\n      message\n      link\n      createdAt\n      readAt\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, limit: 100) {\n      id\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment AdjustmentFields on Adjustment {\n    id\n    proposedValue\n    reason\n    state\n    requestedAt\n    decidedAt\n    decisionNote\n    requestedBy {\n      id\n      username\n      displayName\n    }\n    decidedBy {\n      id\n      username\n      displayName\n    }\n    target {\n      id\n      value\n      comparator\n      unit {\n        id\n        name\n      }\n      assignedBy {\n        id\n      }\n      indicator {\n        id\n        code\n        name\n        unitOfMeasure\n      }\n    }\n  }\n": types.AdjustmentFieldsFragmentDoc,
    "\n  query PlanOffices($planId: ID!) {\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n        name\n      }\n      by {\n        id\n        username\n        displayName\n      }\n    }\n    adjustments(planId: $planId) {\n      ...AdjustmentFields\n    }\n  }\n": types.PlanOfficesDocument,
    "\n  query HomeOffices($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n    }\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n      }\n    }\n    adjustments(planId: $planId, state: PENDING) {\n      ...AdjustmentFields\n    }\n  }\n": types.HomeOfficesDocument,
    "\n  mutation AcknowledgeTargets($planId: ID!, $unitId: ID!) {\n    acknowledgeTargets(planId: $planId, unitId: $unitId) {\n      at\n      unit {\n        id\n      }\n    }\n  }\n": types.AcknowledgeTargetsDocument,
    "\n  mutation RequestAdjustment($targetId: ID!, $proposedValue: Float!, $reason: String!) {\n    requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) {\n      ...AdjustmentFields\n    }\n  }\n": types.RequestAdjustmentDocument,
    "\n  mutation DecideAdjustment($id: ID!, $accept: Boolean!, $note: String) {\n    decideAdjustment(id: $id, accept: $accept, note: $note) {\n      ...AdjustmentFields\n    }\n  }\n": types.DecideAdjustmentDocument,
    "\n  query PlanChecklist($planId: ID!) {\n    planChecklist(planId: $planId) {\n      planId\n      units\n      warnings\n      children {\n        id\n        name\n      }\n      rows {\n        id\n        position\n        late\n        indicator {\n          id\n          code\n          name\n        }\n        missing {\n          id\n          name\n        }\n        issues {\n          unitId\n          code\n          severity\n          message\n        }\n      }\n    }\n  }\n": types.PlanChecklistDocument,
    "\n  mutation IssuePlanWithHeader($id: ID!) {\n    issuePlan(id: $id) {\n      ...PlanHeader\n    }\n  }\n": types.IssuePlanWithHeaderDocument,
    "\n  mutation AddPlanTask($input: PlanTaskInput!) {\n    addPlanTask(input: $input) {\n      id\n      position\n      content\n    }\n  }\n": types.AddPlanTaskDocument,
    "\n  fragment PlanHeader on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    issuer {\n      id\n      name\n    }\n  }\n": types.PlanHeaderFragmentDoc,
    "\n  query Plans($year: Int) {\n    plans(year: $year) {\n      ...PlanHeader\n    }\n  }\n": types.PlansDocument,
    "\n  fragment PlanDocument on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    documentKind\n    legalBasis\n    signer\n    recipients\n    headings {\n      position\n      text\n    }\n    issuer {\n      id\n      name\n      kind\n    }\n    indicators {\n      id\n      section\n      position\n      scope\n      legalBasis\n      note\n      factLabels\n      floors {\n        kind\n        value\n      }\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      indicator {\n        id\n        code\n        name\n        measure\n        comparator\n        unitOfMeasure\n        hardMinimum\n        numeratorLabel\n        denominatorLabel\n      }\n    }\n    tasks {\n      id\n      position\n      content\n      leads\n      coordinators\n      timeFrame\n      deliverable\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PlanDocumentFragmentDoc,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      ...PlanDocument\n    }\n  }\n": types.PlanDocument,
    "\n  mutation CreatePlan($input: PlanInput!) {\n    createPlan(input: $input) {\n      ...PlanHeader\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation CopyPlan($id: ID!, $year: Int!, $issuerId: ID) {\n    copyPlan(id: $id, year: $year, issuerId: $issuerId) {\n      ...PlanHeader\n    }\n  }\n": types.CopyPlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: PlanUpdateInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...PlanDocument\n    }\n  }\n": types.UpdatePlanDocument,
    "\n  mutation SetPlanHeadings($planId: ID!, $headings: [PlanHeadingInput!]!) {\n    setPlanHeadings(planId: $planId, headings: $headings) {\n      ...PlanDocument\n    }\n  }\n": types.SetPlanHeadingsDocument,
    "\n  mutation AddPlanIndicator($input: PlanIndicatorInput!) {\n    addPlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n": types.AddPlanIndicatorDocument,
    "\n  mutation UpdatePlanIndicator($input: PlanIndicatorInput!) {\n    updatePlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n": types.UpdatePlanIndicatorDocument,
    "\n  mutation RemovePlanIndicator($planId: ID!, $indicatorId: ID!) {\n    removePlanIndicator(planId: $planId, indicatorId: $indicatorId) {\n      ...PlanDocument\n    }\n  }\n": types.RemovePlanIndicatorDocument,
    "\n  query MatrixUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      level\n      children(at: $at) {\n        ...UnitNode\n      }\n    }\n  }\n": types.MatrixUnitsDocument,
    "\n  fragment TargetCell on Target {\n    id\n    value\n    comparator\n    baseline\n    baselineSource\n    origin\n    version\n    late\n    note\n    updatedAt\n    unit {\n      id\n    }\n    indicator {\n      id\n    }\n  }\n": types.TargetCellFragmentDoc,
    "\n  query MatrixTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {\n      ...TargetCell\n    }\n  }\n": types.MatrixTargetsDocument,
    "\n  query MatrixFacts($planId: ID!, $unitId: ID!, $indicatorId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, indicatorId: $indicatorId, subtree: true }) {\n      id\n      facts {\n        label\n        value\n      }\n    }\n  }\n": types.MatrixFactsDocument,
    "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n    }\n  }\n": types.SetTargetsDocument,
    "\n  mutation SetSheetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n      targets {\n        id\n        value\n        baseline\n        version\n        late\n        origin\n        facts {\n          label\n          value\n        }\n      }\n    }\n  }\n": types.SetSheetTargetsDocument,
    "\n  query SubAssignment($planId: ID!, $unitId: ID!) {\n    subAssignment(planId: $planId, unitId: $unitId) {\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n      }\n      hasTarget\n      children\n      assigned\n      late\n    }\n  }\n": types.SubAssignmentDocument,
    "\n  query TargetHistory($entityId: ID!) {\n    auditLog(entity: \"target\", entityId: $entityId, limit: 50) {\n      id\n      at\n      action\n      before\n      after\n      requestId\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": types.TargetHistoryDocument,
    "\n  fragment ProgressRow on Progress {\n    period\n    status\n    gap\n    rank\n    belowHardMinimum\n    unit {\n      id\n      name\n      kind\n    }\n    target {\n      value\n      comparator\n    }\n    rolledUp {\n      ...FigureValues\n      fromPredecessors\n    }\n  }\n": types.ProgressRowFragmentDoc,
    "\n  query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ProgressRow\n      indicator {\n        id\n        name\n        measure\n        comparator\n        unitOfMeasure\n      }\n      children {\n        ...ProgressRow\n      }\n    }\n  }\n": types.ProgressDocument,
    "\n  query AtRisk($planId: ID!, $unitId: ID!, $period: String) {\n    atRisk(planId: $planId, unitId: $unitId, period: $period) {\n      period\n      gap\n      projected\n      atRisk\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n        name\n        unitOfMeasure\n      }\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n    }\n  }\n": types.AtRiskDocument,
    "\n  query TrendHalf($planId: ID!, $indicatorId: ID!, $unitId: ID!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!) {\n    m1: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p1) {\n      ...TrendPoint\n    }\n    m2: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p2) {\n      ...TrendPoint\n    }\n    m3: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p3) {\n      ...TrendPoint\n    }\n    m4: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p4) {\n      ...TrendPoint\n    }\n    m5: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p5) {\n      ...TrendPoint\n    }\n    m6: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p6) {\n      ...TrendPoint\n    }\n  }\n": types.TrendHalfDocument,
    "\n  fragment TrendPoint on Progress {\n    period\n    rolledUp {\n      value\n    }\n  }\n": types.TrendPointFragmentDoc,
    "\n  query YearOutlook($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      period\n      projected\n      atRisk\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.YearOutlookDocument,
    "\n  mutation RecordResults($input: RecordResultsInput!) {\n    recordResults(input: $input)\n  }\n": types.RecordResultsDocument,
    "\n  fragment RecordedFigureRow on Progress {\n    unit {\n      id\n      name\n      kind\n    }\n    own {\n      ...FigureValues\n    }\n  }\n": types.RecordedFigureRowFragmentDoc,
    "\n  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...RecordedFigureRow\n      children {\n        ...RecordedFigureRow\n      }\n    }\n  }\n": types.RecordedFiguresDocument,
    "\n  fragment ReportingRowFields on ReportingRow {\n    unit {\n      id\n      name\n      kind\n    }\n    period\n    dueDate\n    state\n    submittedAt\n    late\n    missing\n    returnReason\n  }\n": types.ReportingRowFieldsFragmentDoc,
    "\n  query Reporting($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    reporting(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ReportingRowFields\n    }\n  }\n": types.ReportingDocument,
    "\n  mutation SubmitResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n": types.SubmitResultsDocument,
    "\n  mutation ApproveResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n": types.ApproveResultsDocument,
    "\n  mutation ReturnResults($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) {\n    returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) {\n      ...ReportingRowFields\n    }\n  }\n": types.ReturnResultsDocument,
    "\n  query ReportingNotifications {\n    notifications(limit: 50) {\n      id\n      kind\n      message\n      link\n      createdAt\n    }\n  }\n": types.ReportingNotificationsDocument,
    "\n  query ReportingPlan($id: ID!) {\n    plan(id: $id) {\n      id\n      year\n      title\n      status\n      indicators {\n        id\n        frequency\n        dueDay\n        position\n        indicator {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ReportingPlanDocument,
    "\n  query UnitTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      indicator {\n        id\n      }\n    }\n  }\n": types.UnitTargetsDocument,
    "\n  query ReporterUnit($unitId: ID!) {\n    unit(id: $unitId) {\n      id\n      validFrom\n      validTo\n    }\n  }\n": types.ReporterUnitDocument,
    "\n  query ReportingUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      validFrom\n      validTo\n      children(at: $at) {\n        id\n        name\n        kind\n        validFrom\n        validTo\n      }\n    }\n  }\n": types.ReportingUnitsDocument,
    "\n  query UnitChildren($parentId: ID, $at: Date) {\n    units(parentId: $parentId, at: $at, limit: 1000) {\n      ...UnitNode\n    }\n  }\n": types.UnitChildrenDocument,
    "\n  query UnitSearch($search: String!, $at: Date) {\n    units(search: $search, at: $at, limit: 50) {\n      ...UnitPlace\n    }\n  }\n": types.UnitSearchDocument,
    "\n  fragment UnitHistoryLink on Unit {\n    ...UnitPlace\n    validFrom\n    validTo\n  }\n": types.UnitHistoryLinkFragmentDoc,
    "\n  query UnitDetail($id: ID!, $at: Date) {\n    unit(id: $id) {\n      ...UnitHistoryLink\n      children(at: $at) {\n        id\n        kind\n      }\n      predecessors {\n        ...UnitHistoryLink\n      }\n      successors {\n        ...UnitHistoryLink\n      }\n    }\n  }\n": types.UnitDetailDocument,
    "\n  query UnitResponsibilities($id: ID!, $year: Int) {\n    unit(id: $id) {\n      id\n      responsibilities(year: $year) {\n        role\n        position\n        content\n        text\n        plan {\n          id\n          year\n          title\n        }\n        indicator {\n          id\n        }\n        task {\n          id\n        }\n      }\n    }\n  }\n": types.UnitResponsibilitiesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitNode on Unit {\n    id\n    code\n    name\n    kind\n    level\n  }\n"): (typeof documents)["\n  fragment UnitNode on Unit {\n    id\n    code\n    name\n    kind\n    level\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitPlace on Unit {\n    id\n    code\n    name\n    kind\n    level\n    parent {\n      id\n      name\n    }\n    ancestors {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment UnitPlace on Unit {\n    id\n    code\n    name\n    kind\n    level\n    parent {\n      id\n      name\n    }\n    ancestors {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FigureValues on Figure {\n    numerator\n    denominator\n    value\n  }\n"): (typeof documents)["\n  fragment FigureValues on Figure {\n    numerator\n    denominator\n    value\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetWriteResultFields on TargetWriteResult {\n    applied\n    created\n    updated\n    issues {\n      code\n      message\n      severity\n      unitId\n    }\n    targets {\n      value\n      origin\n      baseline\n      baselineSource\n      version\n      unit {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TargetWriteResultFields on TargetWriteResult {\n    applied\n    created\n    updated\n    issues {\n      code\n      message\n      severity\n      unitId\n    }\n    targets {\n      value\n      origin\n      baseline\n      baselineSource\n      version\n      unit {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountRow on User {\n    id\n    username\n    displayName\n    role\n    lockedUntil\n    unit {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment AccountRow on User {\n    id\n    username\n    displayName\n    role\n    lockedUntil\n    unit {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($unitId: ID) {\n    users(unitId: $unitId) {\n      ...AccountRow\n    }\n  }\n"): (typeof documents)["\n  query Users($unitId: ID) {\n    users(unitId: $unitId) {\n      ...AccountRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AccountRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AccountRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockAccount($username: String!) {\n    unlockAccount(username: $username)\n  }\n"): (typeof documents)["\n  mutation UnlockAccount($username: String!) {\n    unlockAccount(username: $username)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    unit {\n      id\n      name\n      kind\n      level\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    unit {\n      id\n      name\n      kind\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CascadeTargets($input: CascadeInput!) {\n    cascadeTargets(input: $input) {\n      ...TargetWriteResultFields\n      uplift\n      impliedAggregate\n      parentTarget\n    }\n  }\n"): (typeof documents)["\n  mutation CascadeTargets($input: CascadeInput!) {\n    cascadeTargets(input: $input) {\n      ...TargetWriteResultFields\n      uplift\n      impliedAggregate\n      parentTarget\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      value\n      comparator\n      baseline\n      origin\n      indicator {\n        id\n        code\n        name\n        measure\n        unitOfMeasure\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      value\n      comparator\n      baseline\n      origin\n      indicator {\n        id\n        code\n        name\n        measure\n        unitOfMeasure\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTargetProgress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      status\n      gap\n      belowHardMinimum\n      rolledUp {\n        ...FigureValues\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTargetProgress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      status\n      gap\n      belowHardMinimum\n      rolledUp {\n        ...FigureValues\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorFields on Indicator {\n    id\n    code\n    name\n    measure\n    comparator\n    unitOfMeasure\n    numeratorLabel\n    denominatorLabel\n    hardMinimum\n    legalBasis\n    notes\n    accumulation\n    scoring {\n      when\n      score\n    }\n    owner {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment IndicatorFields on Indicator {\n    id\n    code\n    name\n    measure\n    comparator\n    unitOfMeasure\n    numeratorLabel\n    denominatorLabel\n    hardMinimum\n    legalBasis\n    notes\n    accumulation\n    scoring {\n      when\n      score\n    }\n    owner {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Indicators {\n    indicators {\n      ...IndicatorFields\n    }\n  }\n"): (typeof documents)["\n  query Indicators {\n    indicators {\n      ...IndicatorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIndicator($input: IndicatorInput!) {\n    createIndicator(input: $input) {\n      ...IndicatorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIndicator($input: IndicatorInput!) {\n    createIndicator(input: $input) {\n      ...IndicatorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIndicator($id: ID!, $input: IndicatorInput!) {\n    updateIndicator(id: $id, input: $input) {\n      ...IndicatorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIndicator($id: ID!, $input: IndicatorInput!) {\n    updateIndicator(id: $id, input: $input) {\n      ...IndicatorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($limit: Int) {\n    notifications(limit: $limit) {\n      id\n      kind\n      message\n      link\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  query Notifications($limit: Int) {\n    notifications(limit: $limit) {\n      id\n      kind\n      message\n      link\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, limit: 100) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    notifications(unreadOnly: true, limit: 100) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdjustmentFields on Adjustment {\n    id\n    proposedValue\n    reason\n    state\n    requestedAt\n    decidedAt\n    decisionNote\n    requestedBy {\n      id\n      username\n      displayName\n    }\n    decidedBy {\n      id\n      username\n      displayName\n    }\n    target {\n      id\n      value\n      comparator\n      unit {\n        id\n        name\n      }\n      assignedBy {\n        id\n      }\n      indicator {\n        id\n        code\n        name\n        unitOfMeasure\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdjustmentFields on Adjustment {\n    id\n    proposedValue\n    reason\n    state\n    requestedAt\n    decidedAt\n    decisionNote\n    requestedBy {\n      id\n      username\n      displayName\n    }\n    decidedBy {\n      id\n      username\n      displayName\n    }\n    target {\n      id\n      value\n      comparator\n      unit {\n        id\n        name\n      }\n      assignedBy {\n        id\n      }\n      indicator {\n        id\n        code\n        name\n        unitOfMeasure\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanOffices($planId: ID!) {\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n        name\n      }\n      by {\n        id\n        username\n        displayName\n      }\n    }\n    adjustments(planId: $planId) {\n      ...AdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  query PlanOffices($planId: ID!) {\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n        name\n      }\n      by {\n        id\n        username\n        displayName\n      }\n    }\n    adjustments(planId: $planId) {\n      ...AdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeOffices($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n    }\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n      }\n    }\n    adjustments(planId: $planId, state: PENDING) {\n      ...AdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  query HomeOffices($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n    }\n    acknowledgements(planId: $planId) {\n      at\n      unit {\n        id\n      }\n    }\n    adjustments(planId: $planId, state: PENDING) {\n      ...AdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeTargets($planId: ID!, $unitId: ID!) {\n    acknowledgeTargets(planId: $planId, unitId: $unitId) {\n      at\n      unit {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeTargets($planId: ID!, $unitId: ID!) {\n    acknowledgeTargets(planId: $planId, unitId: $unitId) {\n      at\n      unit {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAdjustment($targetId: ID!, $proposedValue: Float!, $reason: String!) {\n    requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) {\n      ...AdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestAdjustment($targetId: ID!, $proposedValue: Float!, $reason: String!) {\n    requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) {\n      ...AdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAdjustment($id: ID!, $accept: Boolean!, $note: String) {\n    decideAdjustment(id: $id, accept: $accept, note: $note) {\n      ...AdjustmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DecideAdjustment($id: ID!, $accept: Boolean!, $note: String) {\n    decideAdjustment(id: $id, accept: $accept, note: $note) {\n      ...AdjustmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanChecklist($planId: ID!) {\n    planChecklist(planId: $planId) {\n      planId\n      units\n      warnings\n      children {\n        id\n        name\n      }\n      rows {\n        id\n        position\n        late\n        indicator {\n          id\n          code\n          name\n        }\n        missing {\n          id\n          name\n        }\n        issues {\n          unitId\n          code\n          severity\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanChecklist($planId: ID!) {\n    planChecklist(planId: $planId) {\n      planId\n      units\n      warnings\n      children {\n        id\n        name\n      }\n      rows {\n        id\n        position\n        late\n        indicator {\n          id\n          code\n          name\n        }\n        missing {\n          id\n          name\n        }\n        issues {\n          unitId\n          code\n          severity\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssuePlanWithHeader($id: ID!) {\n    issuePlan(id: $id) {\n      ...PlanHeader\n    }\n  }\n"): (typeof documents)["\n  mutation IssuePlanWithHeader($id: ID!) {\n    issuePlan(id: $id) {\n      ...PlanHeader\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPlanTask($input: PlanTaskInput!) {\n    addPlanTask(input: $input) {\n      id\n      position\n      content\n    }\n  }\n"): (typeof documents)["\n  mutation AddPlanTask($input: PlanTaskInput!) {\n    addPlanTask(input: $input) {\n      id\n      position\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanHeader on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    issuer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PlanHeader on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    issuer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans($year: Int) {\n    plans(year: $year) {\n      ...PlanHeader\n    }\n  }\n"): (typeof documents)["\n  query Plans($year: Int) {\n    plans(year: $year) {\n      ...PlanHeader\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanDocument on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    documentKind\n    legalBasis\n    signer\n    recipients\n    headings {\n      position\n      text\n    }\n    issuer {\n      id\n      name\n      kind\n    }\n    indicators {\n      id\n      section\n      position\n      scope\n      legalBasis\n      note\n      factLabels\n      floors {\n        kind\n        value\n      }\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      indicator {\n        id\n        code\n        name\n        measure\n        comparator\n        unitOfMeasure\n        hardMinimum\n        numeratorLabel\n        denominatorLabel\n      }\n    }\n    tasks {\n      id\n      position\n      content\n      leads\n      coordinators\n      timeFrame\n      deliverable\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PlanDocument on Plan {\n    id\n    year\n    title\n    documentNumber\n    documentDate\n    status\n    subAssignmentDeadline\n    documentKind\n    legalBasis\n    signer\n    recipients\n    headings {\n      position\n      text\n    }\n    issuer {\n      id\n      name\n      kind\n    }\n    indicators {\n      id\n      section\n      position\n      scope\n      legalBasis\n      note\n      factLabels\n      floors {\n        kind\n        value\n      }\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      indicator {\n        id\n        code\n        name\n        measure\n        comparator\n        unitOfMeasure\n        hardMinimum\n        numeratorLabel\n        denominatorLabel\n      }\n    }\n    tasks {\n      id\n      position\n      content\n      leads\n      coordinators\n      timeFrame\n      deliverable\n      lead {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n      coordinating {\n        text\n        kinds\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: PlanInput!) {\n    createPlan(input: $input) {\n      ...PlanHeader\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlan($input: PlanInput!) {\n    createPlan(input: $input) {\n      ...PlanHeader\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyPlan($id: ID!, $year: Int!, $issuerId: ID) {\n    copyPlan(id: $id, year: $year, issuerId: $issuerId) {\n      ...PlanHeader\n    }\n  }\n"): (typeof documents)["\n  mutation CopyPlan($id: ID!, $year: Int!, $issuerId: ID) {\n    copyPlan(id: $id, year: $year, issuerId: $issuerId) {\n      ...PlanHeader\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $input: PlanUpdateInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlan($id: ID!, $input: PlanUpdateInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPlanHeadings($planId: ID!, $headings: [PlanHeadingInput!]!) {\n    setPlanHeadings(planId: $planId, headings: $headings) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  mutation SetPlanHeadings($planId: ID!, $headings: [PlanHeadingInput!]!) {\n    setPlanHeadings(planId: $planId, headings: $headings) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPlanIndicator($input: PlanIndicatorInput!) {\n    addPlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  mutation AddPlanIndicator($input: PlanIndicatorInput!) {\n    addPlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlanIndicator($input: PlanIndicatorInput!) {\n    updatePlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlanIndicator($input: PlanIndicatorInput!) {\n    updatePlanIndicator(input: $input) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePlanIndicator($planId: ID!, $indicatorId: ID!) {\n    removePlanIndicator(planId: $planId, indicatorId: $indicatorId) {\n      ...PlanDocument\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePlanIndicator($planId: ID!, $indicatorId: ID!) {\n    removePlanIndicator(planId: $planId, indicatorId: $indicatorId) {\n      ...PlanDocument\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatrixUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      level\n      children(at: $at) {\n        ...UnitNode\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatrixUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      level\n      children(at: $at) {\n        ...UnitNode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetCell on Target {\n    id\n    value\n    comparator\n    baseline\n    baselineSource\n    origin\n    version\n    late\n    note\n    updatedAt\n    unit {\n      id\n    }\n    indicator {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment TargetCell on Target {\n    id\n    value\n    comparator\n    baseline\n    baselineSource\n    origin\n    version\n    late\n    note\n    updatedAt\n    unit {\n      id\n    }\n    indicator {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatrixTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {\n      ...TargetCell\n    }\n  }\n"): (typeof documents)["\n  query MatrixTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {\n      ...TargetCell\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatrixFacts($planId: ID!, $unitId: ID!, $indicatorId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, indicatorId: $indicatorId, subtree: true }) {\n      id\n      facts {\n        label\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatrixFacts($planId: ID!, $unitId: ID!, $indicatorId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId, indicatorId: $indicatorId, subtree: true }) {\n      id\n      facts {\n        label\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSheetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n      targets {\n        id\n        value\n        baseline\n        version\n        late\n        origin\n        facts {\n          label\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSheetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) {\n      ...TargetWriteResultFields\n      targets {\n        id\n        value\n        baseline\n        version\n        late\n        origin\n        facts {\n          label\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubAssignment($planId: ID!, $unitId: ID!) {\n    subAssignment(planId: $planId, unitId: $unitId) {\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n      }\n      hasTarget\n      children\n      assigned\n      late\n    }\n  }\n"): (typeof documents)["\n  query SubAssignment($planId: ID!, $unitId: ID!) {\n    subAssignment(planId: $planId, unitId: $unitId) {\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n      }\n      hasTarget\n      children\n      assigned\n      late\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetHistory($entityId: ID!) {\n    auditLog(entity: \"target\", entityId: $entityId, limit: 50) {\n      id\n      at\n      action\n      before\n      after\n      requestId\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query TargetHistory($entityId: ID!) {\n    auditLog(entity: \"target\", entityId: $entityId, limit: 50) {\n      id\n      at\n      action\n      before\n      after\n      requestId\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgressRow on Progress {\n    period\n    status\n    gap\n    rank\n    belowHardMinimum\n    unit {\n      id\n      name\n      kind\n    }\n    target {\n      value\n      comparator\n    }\n    rolledUp {\n      ...FigureValues\n      fromPredecessors\n    }\n  }\n"): (typeof documents)["\n  fragment ProgressRow on Progress {\n    period\n    status\n    gap\n    rank\n    belowHardMinimum\n    unit {\n      id\n      name\n      kind\n    }\n    target {\n      value\n      comparator\n    }\n    rolledUp {\n      ...FigureValues\n      fromPredecessors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ProgressRow\n      indicator {\n        id\n        name\n        measure\n        comparator\n        unitOfMeasure\n      }\n      children {\n        ...ProgressRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ProgressRow\n      indicator {\n        id\n        name\n        measure\n        comparator\n        unitOfMeasure\n      }\n      children {\n        ...ProgressRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AtRisk($planId: ID!, $unitId: ID!, $period: String) {\n    atRisk(planId: $planId, unitId: $unitId, period: $period) {\n      period\n      gap\n      projected\n      atRisk\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n        name\n        unitOfMeasure\n      }\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query AtRisk($planId: ID!, $unitId: ID!, $period: String) {\n    atRisk(planId: $planId, unitId: $unitId, period: $period) {\n      period\n      gap\n      projected\n      atRisk\n      unit {\n        id\n        name\n        kind\n      }\n      indicator {\n        id\n        name\n        unitOfMeasure\n      }\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrendHalf($planId: ID!, $indicatorId: ID!, $unitId: ID!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!) {\n    m1: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p1) {\n      ...TrendPoint\n    }\n    m2: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p2) {\n      ...TrendPoint\n    }\n    m3: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p3) {\n      ...TrendPoint\n    }\n    m4: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p4) {\n      ...TrendPoint\n    }\n    m5: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p5) {\n      ...TrendPoint\n    }\n    m6: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p6) {\n      ...TrendPoint\n    }\n  }\n"): (typeof documents)["\n  query TrendHalf($planId: ID!, $indicatorId: ID!, $unitId: ID!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!) {\n    m1: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p1) {\n      ...TrendPoint\n    }\n    m2: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p2) {\n      ...TrendPoint\n    }\n    m3: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p3) {\n      ...TrendPoint\n    }\n    m4: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p4) {\n      ...TrendPoint\n    }\n    m5: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p5) {\n      ...TrendPoint\n    }\n    m6: progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $p6) {\n      ...TrendPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrendPoint on Progress {\n    period\n    rolledUp {\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment TrendPoint on Progress {\n    period\n    rolledUp {\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query YearOutlook($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      period\n      projected\n      atRisk\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query YearOutlook($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      period\n      projected\n      atRisk\n      target {\n        value\n      }\n      rolledUp {\n        value\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordResults($input: RecordResultsInput!) {\n    recordResults(input: $input)\n  }\n"): (typeof documents)["\n  mutation RecordResults($input: RecordResultsInput!) {\n    recordResults(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecordedFigureRow on Progress {\n    unit {\n      id\n      name\n      kind\n    }\n    own {\n      ...FigureValues\n    }\n  }\n"): (typeof documents)["\n  fragment RecordedFigureRow on Progress {\n    unit {\n      id\n      name\n      kind\n    }\n    own {\n      ...FigureValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...RecordedFigureRow\n      children {\n        ...RecordedFigureRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...RecordedFigureRow\n      children {\n        ...RecordedFigureRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportingRowFields on ReportingRow {\n    unit {\n      id\n      name\n      kind\n    }\n    period\n    dueDate\n    state\n    submittedAt\n    late\n    missing\n    returnReason\n  }\n"): (typeof documents)["\n  fragment ReportingRowFields on ReportingRow {\n    unit {\n      id\n      name\n      kind\n    }\n    period\n    dueDate\n    state\n    submittedAt\n    late\n    missing\n    returnReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reporting($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    reporting(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ReportingRowFields\n    }\n  }\n"): (typeof documents)["\n  query Reporting($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {\n    reporting(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {\n      ...ReportingRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveResults($indicatorId: ID!, $period: String!, $unitId: ID!) {\n    approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) {\n      ...ReportingRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnResults($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) {\n    returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) {\n      ...ReportingRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnResults($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) {\n    returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) {\n      ...ReportingRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportingNotifications {\n    notifications(limit: 50) {\n      id\n      kind\n      message\n      link\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ReportingNotifications {\n    notifications(limit: 50) {\n      id\n      kind\n      message\n      link\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportingPlan($id: ID!) {\n    plan(id: $id) {\n      id\n      year\n      title\n      status\n      indicators {\n        id\n        frequency\n        dueDay\n        position\n        indicator {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportingPlan($id: ID!) {\n    plan(id: $id) {\n      id\n      year\n      title\n      status\n      indicators {\n        id\n        frequency\n        dueDay\n        position\n        indicator {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      indicator {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitTargets($planId: ID!, $unitId: ID!) {\n    targets(filter: { planId: $planId, unitId: $unitId }) {\n      id\n      indicator {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReporterUnit($unitId: ID!) {\n    unit(id: $unitId) {\n      id\n      validFrom\n      validTo\n    }\n  }\n"): (typeof documents)["\n  query ReporterUnit($unitId: ID!) {\n    unit(id: $unitId) {\n      id\n      validFrom\n      validTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportingUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      validFrom\n      validTo\n      children(at: $at) {\n        id\n        name\n        kind\n        validFrom\n        validTo\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportingUnits($unitId: ID!, $at: Date) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      validFrom\n      validTo\n      children(at: $at) {\n        id\n        name\n        kind\n        validFrom\n        validTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitChildren($parentId: ID, $at: Date) {\n    units(parentId: $parentId, at: $at, limit: 1000) {\n      ...UnitNode\n    }\n  }\n"): (typeof documents)["\n  query UnitChildren($parentId: ID, $at: Date) {\n    units(parentId: $parentId, at: $at, limit: 1000) {\n      ...UnitNode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitSearch($search: String!, $at: Date) {\n    units(search: $search, at: $at, limit: 50) {\n      ...UnitPlace\n    }\n  }\n"): (typeof documents)["\n  query UnitSearch($search: String!, $at: Date) {\n    units(search: $search, at: $at, limit: 50) {\n      ...UnitPlace\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitHistoryLink on Unit {\n    ...UnitPlace\n    validFrom\n    validTo\n  }\n"): (typeof documents)["\n  fragment UnitHistoryLink on Unit {\n    ...UnitPlace\n    validFrom\n    validTo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitDetail($id: ID!, $at: Date) {\n    unit(id: $id) {\n      ...UnitHistoryLink\n      children(at: $at) {\n        id\n        kind\n      }\n      predecessors {\n        ...UnitHistoryLink\n      }\n      successors {\n        ...UnitHistoryLink\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitDetail($id: ID!, $at: Date) {\n    unit(id: $id) {\n      ...UnitHistoryLink\n      children(at: $at) {\n        id\n        kind\n      }\n      predecessors {\n        ...UnitHistoryLink\n      }\n      successors {\n        ...UnitHistoryLink\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitResponsibilities($id: ID!, $year: Int) {\n    unit(id: $id) {\n      id\n      responsibilities(year: $year) {\n        role\n        position\n        content\n        text\n        plan {\n          id\n          year\n          title\n        }\n        indicator {\n          id\n        }\n        task {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitResponsibilities($id: ID!, $year: Int) {\n    unit(id: $id) {\n      id\n      responsibilities(year: $year) {\n        role\n        position\n        content\n        text\n        plan {\n          id\n          year\n          title\n        }\n        indicator {\n          id\n        }\n        task {\n          id\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;