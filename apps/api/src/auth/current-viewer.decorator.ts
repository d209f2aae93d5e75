import type { Participant } from '@coop/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from './graphql-context.js';
import { AuthenticationFailed } from './token-verifier.js';

export type AuthenticatedContext = GraphqlContext & { readonly viewer: Participant };

export function requireViewer(context: GraphqlContext): Participant {
  if (!context.viewer) throw new AuthenticationFailed('This operation needs a bearer token');
  return context.viewer;
}

/** The authenticated participant; the operation answers UNAUTHENTICATED without a token. */
export const CurrentViewer = createParamDecorator((_data: unknown, execution: ExecutionContext): Participant =>
  requireViewer(GqlExecutionContext.create(execution).getContext<GraphqlContext>()),
);

/** The request context with its authenticated viewer; UNAUTHENTICATED without a token. */
export const Authenticated = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): AuthenticatedContext => {
    const context = GqlExecutionContext.create(execution).getContext<GraphqlContext>();
    requireViewer(context);
    return context as AuthenticatedContext;
  },
);
