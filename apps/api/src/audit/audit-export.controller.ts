import { DomainError, type Participant, requireSecretariat } from '@coop/domain';
import { type AuditExportRange, auditExportStream, type EventStore } from '@coop/event-store';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../config/config.module.js';
import type { ErrorCode } from '../graphql/api-errors.js';
import { RequestAdmission } from '../graphql/request-admission.js';
import { EVENT_STORE } from '../store/event-store.module.js';
import { parseAuditExportRange } from './audit-export-range.js';

export const AUDIT_EXPORT_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';

/** An error answered before the export starts, with the same codes as the GraphQL API. */
class ExportRefused {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {}
}

const queryValue = (query: unknown, name: string): string | undefined => {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new ExportRefused(400, 'BAD_USER_INPUT', `${name} must be given once`, {
    fields: { [name]: ['must be given once'] },
  });
};

function rangeOf(query: unknown): AuditExportRange {
  const parsed = parseAuditExportRange({ from: queryValue(query, 'from'), to: queryValue(query, 'to') });
  if ('problems' in parsed) {
    throw new ExportRefused(400, 'BAD_USER_INPUT', 'Invalid export range', { fields: parsed.problems });
  }
  return parsed.range;
}

/**
 * `GET /audit/export?from=…&to=…`: the events as JSON Lines for an auditor,
 * streamed from the store as fast as the client reads them (one page of the
 * log in memory at a time). The secretariat's bearer token is required.
 */
@Controller('audit')
export class AuditExportController {
  private readonly logger: Logger;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly admission: RequestAdmission,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'audit-export' });
  }

  @Get('export')
  async export(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    let range: AuditExportRange;
    try {
      this.admit(request);
      range = rangeOf(request.query);
    } catch (error) {
      if (!(error instanceof ExportRefused)) throw error;
      return reply.status(error.status).send({ code: error.code, message: error.message, ...error.extensions });
    }
    const lines = auditExportStream(this.store, range);
    // The status is sent by now: a failing store can only cut the response short, which the client sees.
    lines.once('error', (error) => this.logger.error({ err: error }, 'audit export failed while streaming'));
    return reply
      .header('content-type', AUDIT_EXPORT_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="audit-export.ndjson"')
      .header('cache-control', 'no-store')
      .send(lines);
  }

  /** The request was authenticated and counted on arrival, like every GraphQL request. */
  private admit(request: FastifyRequest): Participant {
    const authentication = this.admission.authenticationOf(request);
    if ('refused' in authentication) throw new ExportRefused(401, 'UNAUTHENTICATED', authentication.refused.message);
    const { viewer } = authentication;
    if (viewer === null) throw new ExportRefused(401, 'UNAUTHENTICATED', 'The audit export needs a bearer token');
    try {
      requireSecretariat(viewer, 'export the audit trail');
    } catch (error) {
      if (error instanceof DomainError) throw new ExportRefused(403, 'FORBIDDEN', error.message);
      throw error;
    }
    return viewer;
  }
}
