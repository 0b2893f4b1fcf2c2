import type { DataSource } from 'typeorm';
import type { ContainerType } from 'type-graphql';
import type { AppConfig } from './config/config';
import { AuditLog } from './modules/audit/audit-log';
import { UnitsService } from './modules/units/units.service';
import { AuthService } from './modules/auth/auth.service';
import { IndicatorsService } from './modules/indicators/indicators.service';
import { PlansService } from './modules/plans/plans.service';
import { TargetsService } from './modules/targets/targets.service';
import { ResultsService } from './modules/results/results.service';
import { ProgressService } from './modules/progress/progress.service';
import { AuditService } from './modules/audit/audit.service';
import { SubAssignmentService } from './modules/plans/sub-assignment.service';
import { ChecklistService } from './modules/plans/checklist.service';
import { NotificationsService } from './modules/notifications/notifications.service';
import { AcknowledgementsService } from './modules/acknowledgements/acknowledgements.service';
import { AdjustmentsService } from './modules/adjustments/adjustments.service';
import { ReportingService } from './modules/results/reporting.service';
import { UnitsResolver } from './modules/units/units.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { IndicatorsResolver } from './modules/indicators/indicators.resolver';
import { PlansResolver } from './modules/plans/plans.resolver';
import { ResponsibleResolver } from './modules/plans/responsible.resolver';
import { TargetsResolver } from './modules/targets/targets.resolver';
import { ResultsResolver } from './modules/results/results.resolver';
import { ProgressResolver } from './modules/progress/progress.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { SubAssignmentResolver } from './modules/plans/sub-assignment.resolver';
import { ChecklistResolver } from './modules/plans/checklist.resolver';
import { NotificationsResolver } from './modules/notifications/notifications.resolver';
import { AcknowledgementsResolver } from './modules/acknowledgements/acknowledgements.resolver';
import { AdjustmentsResolver } from './modules/adjustments/adjustments.resolver';
import { ReportingResolver } from './modules/results/reporting.resolver';
import { AuthChecker } from './common/auth-checker';

/**
 * The composition root: the services of one server instance, built once at start-up in
 * dependency order, each given what it uses through its constructor (so a constructor's
 * signature is the list of what the service depends on). Every method takes the request context
 * first; the context carries who is asking, never a service.
 */
export function createServices(ds: DataSource, config: Pick<AppConfig, 'sessionHours'>) {
  const auditLog = new AuditLog();
  const units = new UnitsService(ds, auditLog);
  const indicators = new IndicatorsService(ds, auditLog);
  const audit = new AuditService(ds, units);
  const notifications = new NotificationsService(ds);
  const plans = new PlansService(ds, auditLog, indicators, units, notifications);
  const progress = new ProgressService(ds, plans, indicators, units);
  const targets = new TargetsService(ds, plans, indicators, units, progress, notifications);
  const results = new ResultsService(ds, auditLog, indicators);
  const subAssignment = new SubAssignmentService(ds, plans, units);
  const checklist = new ChecklistService(ds, plans, units, progress);
  const auth = new AuthService(ds, config.sessionHours, auditLog, units);
  const acknowledgements = new AcknowledgementsService(ds, auditLog, plans, units, notifications);
  const adjustments = new AdjustmentsService(ds, auditLog, plans, units, notifications);
  const reporting = new ReportingService(ds, auditLog, plans, indicators, units, notifications);
  return { units, auth, indicators, plans, targets, results, progress, audit, subAssignment, checklist, notifications, acknowledgements, adjustments, reporting };
}

export type Services = ReturnType<typeof createServices>;

/** A class and its one instance, typed together so the container cannot hand out a wrong object. */
function entry<T extends object>(cls: abstract new (...args: never[]) => T, instance: T): [unknown, object] {
  return [cls, instance];
}

/**
 * What TypeGraphQL asks for each resolver class (buildSchema's `container`): the resolvers of
 * this server, built here from its services, plus the auth checker. Asked for anything else it
 * fails loudly rather than building an instance without its dependencies.
 */
export function resolverContainer(s: Services): ContainerType {
  const instances = new Map<unknown, object>([
    entry(UnitsResolver, new UnitsResolver(s.units, s.targets, s.plans)),
    entry(AuthResolver, new AuthResolver(s.auth)),
    entry(IndicatorsResolver, new IndicatorsResolver(s.indicators)),
    entry(PlansResolver, new PlansResolver(s.plans)),
    entry(TargetsResolver, new TargetsResolver(s.targets)),
    entry(ResultsResolver, new ResultsResolver(s.results)),
    entry(ProgressResolver, new ProgressResolver(s.progress)),
    entry(AuditResolver, new AuditResolver(s.audit)),
    entry(SubAssignmentResolver, new SubAssignmentResolver(s.subAssignment)),
    entry(ChecklistResolver, new ChecklistResolver(s.checklist)),
    entry(ResponsibleResolver, new ResponsibleResolver()),
    entry(NotificationsResolver, new NotificationsResolver(s.notifications)),
    entry(AcknowledgementsResolver, new AcknowledgementsResolver(s.acknowledgements)),
    entry(AdjustmentsResolver, new AdjustmentsResolver(s.adjustments)),
    entry(ReportingResolver, new ReportingResolver(s.reporting)),
    entry(AuthChecker, new AuthChecker()),
  ]);
  return {
    get(cls: { name?: string }) {
      const instance = instances.get(cls);
      if (!instance) throw new Error(`resolverContainer: no instance of ${cls.name ?? String(cls)} (add it in services.ts)`);
      return instance;
    },
  };
}
