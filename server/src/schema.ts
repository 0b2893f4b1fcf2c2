import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
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

export const resolvers = [
  UnitsResolver, AuthResolver, IndicatorsResolver, PlansResolver, TargetsResolver, ResultsResolver, ProgressResolver,
  AuditResolver, SubAssignmentResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: TypeGraphQL's metadata is global, the schema is the same for every server. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    authChecker: AuthChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
  return built;
}

/** The SDL committed as server/schema.graphql (sorted, so review diffs show only real changes). */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
