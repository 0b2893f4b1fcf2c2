import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { UnitsService } from './modules/units/units.service';
import { AuthService } from './modules/auth/auth.service';
import { IndicatorsService } from './modules/indicators/indicators.service';
import { PlansService } from './modules/plans/plans.service';
import { TargetsService } from './modules/targets/targets.service';
import { ResultsService } from './modules/results/results.service';
import { ProgressService } from './modules/progress/progress.service';
import { AuditService } from './modules/audit/audit.service';
import { SubAssignmentService } from './modules/plans/sub-assignment.service';

/** The services of one server instance; every method takes the request context first. */
export function createServices(ds: DataSource, config: Pick<AppConfig, 'sessionHours'>) {
  return {
    units: new UnitsService(ds),
    auth: new AuthService(ds, config.sessionHours),
    indicators: new IndicatorsService(ds),
    plans: new PlansService(ds),
    targets: new TargetsService(ds),
    results: new ResultsService(ds),
    progress: new ProgressService(ds),
    audit: new AuditService(ds),
    subAssignment: new SubAssignmentService(ds),
  };
}

export type Services = ReturnType<typeof createServices>;
