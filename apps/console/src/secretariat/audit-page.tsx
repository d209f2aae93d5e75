import { useEffect, useState } from 'preact/hooks';
import { AUDIT_TRAIL } from '../api/documents';
import { ITEM_KINDS, type ItemKind } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import type { AuditEvent, Connection } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage, FieldError } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TimeStamp } from '../ui/time-stamp';
import { IntegrityCheck } from './integrity-check';

const PAGE_SIZE = 25;

interface AuditFilterForm {
  readonly from: string;
  readonly to: string;
  readonly itemId: string;
  readonly actorId: string;
  readonly countries: string;
  readonly types: string;
  readonly kinds: readonly ItemKind[];
}

const NO_FILTER: AuditFilterForm = { from: '', to: '', itemId: '', actorId: '', countries: '', types: '', kinds: [] };

const listOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The form as the API's AuditFilter: empty inputs are left out; local date-times become instants. */
function auditFilterOf(form: AuditFilterForm): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (form.from) filter['from'] = new Date(form.from).toISOString();
  if (form.to) filter['to'] = new Date(form.to).toISOString();
  if (form.itemId.trim()) filter['itemId'] = form.itemId.trim();
  if (form.actorId.trim()) filter['actorId'] = form.actorId.trim();
  if (listOf(form.countries).length > 0) filter['countries'] = listOf(form.countries).map((code) => code.toUpperCase());
  if (listOf(form.types).length > 0) filter['types'] = listOf(form.types);
  if (form.kinds.length > 0) filter['kinds'] = form.kinds;
  return filter;
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td>
        <TimeStamp at={event.occurredAt} />
      </td>
      <td>
        <code translate={false}>{event.type}</code>
      </td>
      <td>
        <code translate={false}>{event.streamId}</code> <span class="hint">#{event.version}</span>
      </td>
      <td>
        <ParticipantName participant={event.actor} />
      </td>
      <td>
        <details>
          <summary>
            <code translate={false}>{event.hash.slice(0, 12)}</code>
          </summary>
          <dl class="facts">
            <dt>{t('audit.hash')}</dt>
            <dd>
              <code translate={false}>{event.hash}</code>
            </dd>
            <dt>{t('audit.previousHash')}</dt>
            <dd>
              <code translate={false}>{event.previousHash ?? '—'}</code>
            </dd>
            <dt>{t('audit.correlation')}</dt>
            <dd>
              <code translate={false}>{event.correlationId ?? '—'}</code>
            </dd>
            <dt>{t('audit.data')}</dt>
            <dd>
              <pre translate={false}>{JSON.stringify(event.data, null, 2)}</pre>
            </dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}

export function AuditPage() {
  const { t, label } = useTranslation();
  const { request } = useSession();
  const [form, setForm] = useState<AuditFilterForm>(NO_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(NO_FILTER);
  /** The cursors that start each page shown so far: the first page starts at null. */
  const [starts, setStarts] = useState<readonly (string | null)[]>([null]);
  const [page, setPage] = useState<Connection<AuditEvent> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const after = starts[starts.length - 1] ?? null;

  useEffect(() => {
    let cancelled = false;
    // The page shown must be the one its number says.
    setPage(null);
    setLoading(true);
    setError(null);
    request<{ auditTrail: Connection<AuditEvent> }>(AUDIT_TRAIL, {
      filter: auditFilterOf(applied),
      first: PAGE_SIZE,
      after,
    }).then(
      ({ auditTrail }) => {
        if (cancelled) return;
        setPage(auditTrail);
        setLoading(false);
      },
      (caught: ApiError) => {
        if (cancelled) return;
        setPage(null);
        setError(caught);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [applied, after, request]);

  const update = (changes: Partial<AuditFilterForm>) => setForm((current) => ({ ...current, ...changes }));
  const apply = (event: Event) => {
    event.preventDefault();
    setStarts([null]);
    setApplied(form);
  };
  const input = (name: keyof AuditFilterForm, type = 'text') => (
    <div class="field">
      <label for={`audit-${name}`}>{t(`audit.filter.${name}`)}</label>
      <input
        id={`audit-${name}`}
        type={type}
        value={form[name] as string}
        onInput={(event) => update({ [name]: event.currentTarget.value })}
      />
      <FieldError error={error} field={name} id={`audit-${name}-error`} />
    </div>
  );

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.title')}</h1>
      <IntegrityCheck />
      <form class="filters audit-filters" onSubmit={apply} aria-label={t('audit.filters')}>
        {input('from', 'datetime-local')}
        {input('to', 'datetime-local')}
        {input('itemId')}
        {input('actorId')}
        {input('countries')}
        {input('types')}
        <fieldset class="field kinds">
          <legend>{t('audit.filter.kinds')}</legend>
          {ITEM_KINDS.map((kind) => (
            <label key={kind} class="check">
              <input
                type="checkbox"
                checked={form.kinds.includes(kind)}
                onChange={(event) =>
                  update({
                    kinds: event.currentTarget.checked ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind),
                  })
                }
              />
              {label('ItemKind', kind)}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">{t('audit.apply')}</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setForm(NO_FILTER);
              setStarts([null]);
              setApplied(NO_FILTER);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      {page !== null ? (
        <>
          <p class="hint" role="status">
            {t('audit.pageOf', { page: starts.length, count: page.edges.length })}
          </p>
          <div class="table-scroll">
            <table class="audit">
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.type')}</th>
                  <th scope="col">{t('audit.stream')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map((edge) => (
                  <AuditRow key={edge.cursor} event={edge.node} />
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={t('audit.paging')}>
            <button
              type="button"
              disabled={starts.length <= 1}
              onClick={() => setStarts((current) => current.slice(0, -1))}
            >
              {t('audit.previous')}
            </button>
            <button
              type="button"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setStarts((current) => [...current, page.pageInfo.endCursor])}
            >
              {t('audit.next')}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
