import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { AuthChecker } from './common/auth-checker';
import { UnitsResolver } from './modules/units/units.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { IndicatorsResolver } from './modules/indicators/indicators.resolver';
import { PlansResolver } from './modules/plans/plans.resolver';
import { TargetsResolver } from './modules/targets/targets.resolver';
import { ResultsResolver } from './modules/results/results.resolver';
import { ProgressResolver } from './modules/progress/progress.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { SubAssignmentResolver } from './modules/plans/sub-assignment.resolver';
import { ResponsibleResolver } from './modules/plans/responsible.resolver';
import { ChecklistResolver } from './modules/plans/checklist.resolver';
import { NotificationsResolver } from './modules/notifications/notifications.resolver';
import { AcknowledgementsResolver } from './modules/acknowledgements/acknowledgements.resolver';
import { AdjustmentsResolver } from './modules/adjustments/adjustments.resolver';
import { ReportingResolver } from './modules/results/reporting.resolver';

export const resolvers = [
  UnitsResolver,
  AuthResolver,
  IndicatorsResolver,
  PlansResolver,
  TargetsResolver,
  ResultsResolver,
  ProgressResolver,
  AuditResolver,
  SubAssignmentResolver,
  ResponsibleResolver,
  ChecklistResolver,
  NotificationsResolver,
  AcknowledgementsResolver,
  AdjustmentsResolver,
  ReportingResolver,
] as const;

let printable: Promise<GraphQLSchema> | undefined;

/**
 * The schema, resolving through `container` (services.ts resolverContainer: one set of resolver
 * instances per server, built with their services). TypeGraphQL asks the container only when a
 * field resolves, so without one the schema serves for printing and checks (built once per
 * process then); a server passes its own, since two servers in one process (the tests) must not
 * share resolver instances.
 */
export function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  if (!container) return (printable ??= build());
  return build(container);
}

function build(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    container,
    authChecker: AuthChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as server/schema.graphql (sorted, so review diffs show only real changes). */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
