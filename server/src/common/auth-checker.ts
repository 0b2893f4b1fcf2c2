import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { DomainError } from '@chitieu/domain';
import type { RequestContext } from './context';
import type { Role } from './enums';

/** Marks the few operations open to anonymous callers (login). */
export const PUBLIC = 'PUBLIC';
/** Every signed-in role. */
export const ANY_ROLE: Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER', 'ANALYST'];
export const WRITERS_OF_TARGETS: Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER'];
export const WRITERS_OF_RESULTS: Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER'];
export const ADMINS: Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN'];

/**
 * The one authorisation gate: every Query and Mutation carries @Authorized(roles) (a test walks
 * the schema to keep it so). Roles are checked here; subtree scope is the services' job.
 */
export class AuthChecker implements AuthCheckerInterface<RequestContext, string> {
  check({ context }: ResolverData<RequestContext>, roles: string[]): boolean {
    if (roles.includes(PUBLIC)) return true;
    const actor = context.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', {});
    if (roles.length === 0 || roles.includes(actor.role)) return true;
    throw new DomainError('FORBIDDEN', {});
  }
}
