import type { AuthenticatedContext } from './current-viewer.decorator.js';

/**
 * Told of every authenticated viewer, on HTTP and on the socket, before
 * their operation runs: the participant directory records whoever it has not
 * recorded as their token now says. It resolves once they are recorded, and
 * never rejects: a failure to record must not fail the viewer's operation.
 */
export abstract class ViewerDirectory {
  abstract seen(context: AuthenticatedContext): Promise<void>;
}
