import type { NextFunction, Request, RequestHandler, Response } from "express";
import { AppError, hasRole, type CallerIdentity, type Role } from "../../../shared/index.js";
import type { RoleDirectory } from "./role-directory.js";
import type { TokenVerifier } from "./token-verifier.js";
import { serverMessage } from "../http/server-messages.js";

const BEARER = /^Bearer ([A-Za-z0-9\-_.]+)$/;

/** The caller proven by `withClientAuth`, for handlers further down the chain. */
export function callerOf(response: Response): CallerIdentity {
  const caller = response.locals.caller as CallerIdentity | undefined;
  if (!caller) throw new AppError("unauthenticated", serverMessage("signInNeeded"));
  return caller;
}

/**
 * Authenticates the tab's API calls from the Teams SSO token in the Authorization header, then
 * checks the route's required role. Identity comes from the verified token only.
 */
export function withClientAuth(verify: TokenVerifier, roles: RoleDirectory, requiredRole: Role | readonly Role[]): RequestHandler {
  const acceptedRoles: readonly Role[] = typeof requiredRole === "string" ? [requiredRole] : requiredRole;
  return async (request: Request, response: Response, next: NextFunction) => {
    const match = BEARER.exec(request.headers.authorization ?? "");
    if (!match) throw new AppError("unauthenticated", serverMessage("signInToUse"));
    const token = await verify(match[1]!);
    const caller: CallerIdentity = { ...token, roles: await roles.rolesOf(token.tenantId, token.userId) };
    if (!acceptedRoles.some((role) => hasRole(caller.roles, role))) {
      throw new AppError("forbidden", serverMessage("noAccess"));
    }
    response.locals.caller = caller;
    next();
  };
}
