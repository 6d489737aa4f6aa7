import type { FastifyInstance } from 'fastify';
import {
  emailRegisterRequestSchema,
  emailSignInRequestSchema,
  mfaConfirmRequestSchema,
  passwordChangeRequestSchema,
} from '@opentill/domain';
import { claimsOf, publicRoute, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import { requestContext } from '../http/request-context.js';
import { AUTH_RATE_LIMIT, type RateLimit } from './auth.routes.js';
import type { AccountService } from './accounts.service.js';
import type { MfaService } from './mfa.service.js';
import type { TokenService } from './tokens.js';

export interface AccountRouteOptions {
  accounts: AccountService;
  mfa: MfaService;
  tokens: TokenService;
  activeDevice: DeviceCheck;
  /** Per address, as phone sign-in; the per-account lockout is the services' (attempt guard). */
  rateLimit?: RateLimit | undefined;
}

/** Email accounts (SPEC ID5–ID9): register and sign in by email, enrol in two-factor, change the password. */
export function accountRoutes({
  accounts,
  mfa,
  tokens,
  activeDevice,
  rateLimit = AUTH_RATE_LIMIT,
}: AccountRouteOptions) {
  return async (app: FastifyInstance) => {
    const open = { ...publicRoute, config: { ...publicRoute.config, rateLimit } };
    // Enrolment is all a password owner without two-factor may do, so it needs only `account:self`;
    // code guesses are limited per address here and per person by the attempt guard.
    const self = requireAction(tokens, 'account:self', activeDevice);
    const selfLimited = { ...self, config: { ...self.config, rateLimit } };

    app.post('/auth/email/register', open, async (request, reply) => {
      const input = parseInput(emailRegisterRequestSchema, request.body);
      return reply.status(201).send(await accounts.register(input, requestContext(request)));
    });

    app.post('/auth/email/sign-in', open, async (request) =>
      accounts.signIn(parseInput(emailSignInRequestSchema, request.body), requestContext(request)),
    );

    app.post('/account/mfa/start', self, async (request) => mfa.start(claimsOf(request)));

    app.post('/account/mfa/confirm', selfLimited, async (request) =>
      mfa.confirm(claimsOf(request), parseInput(mfaConfirmRequestSchema, request.body), requestContext(request)),
    );

    app.post('/account/password', selfLimited, async (request, reply) => {
      const input = parseInput(passwordChangeRequestSchema, request.body);
      await accounts.changePassword(claimsOf(request), input, requestContext(request));
      return reply.status(204).send();
    });
  };
}
