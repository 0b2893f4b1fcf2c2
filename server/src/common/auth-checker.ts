import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { DomainError } from '@chitieu/domain';
import type { RequestContext } from './context';

/** Marks the few operations open to anonymous callers (login). */
export const PUBLIC = 'PUBLIC';
/** The role lists (common/roles.ts), here beside the gate that reads them. */
export { ANY_ROLE, ADMINS, WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from './roles';

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
