import { InitialSchema1732300000000 } from './1732300000000-initial-schema';
import { RollupIndexes1764000000000 } from './1764000000000-rollup-indexes';
import { FiniteNumbers1765000000000 } from './1765000000000-finite-numbers';
import { AuditPlan1765050000000 } from './1765050000000-audit-plan';
import { LoginThrottle1765100000000 } from './1765100000000-login-throttle';
import { PlanDocuments1765200000000 } from './1765200000000-plan-documents';
import { BetweenOffices1766000000000 } from './1766000000000-between-offices';

/** Every migration, in order. Listed explicitly (no globs) so tests and the built server load the same set. */
export const migrations = [
  InitialSchema1732300000000,
  RollupIndexes1764000000000,
  FiniteNumbers1765000000000,
  AuditPlan1765050000000,
  LoginThrottle1765100000000,
  PlanDocuments1765200000000,
  BetweenOffices1766000000000,
];
