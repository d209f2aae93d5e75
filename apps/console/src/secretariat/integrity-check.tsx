import { useState } from 'preact/hooks';
import { VERIFY_INTEGRITY } from '../api/documents';
import type { IntegrityReport } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from '../ui/use-action';

/** Recomputes every stream's hash chain on the service and says whether the log is intact. */
export function IntegrityCheck() {
  const { t, number } = useTranslation();
  const { request } = useSession();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const { busy, error, run } = useAction();
  const verify = () =>
    void run(async () => {
      setReport(null);
      setReport((await request<{ verifyIntegrity: IntegrityReport }>(VERIFY_INTEGRITY)).verifyIntegrity);
    });
  return (
    <section class="integrity" aria-labelledby="integrity-heading">
      <h2 id="integrity-heading">{t('integrity.title')}</h2>
      <p>{t('integrity.explained')}</p>
      <button type="button" disabled={busy} onClick={verify}>
        {busy ? t('integrity.running') : t('integrity.run')}
      </button>
      <ErrorMessage error={error} />
      {report !== null ? (
        <div class={report.valid ? 'result result-valid' : 'result result-invalid'} role="status">
          <p>
            <strong>{report.valid ? t('integrity.valid') : t('integrity.invalid')}</strong>
          </p>
          <p>
            {t('integrity.checked', {
              streams: number(report.streamsChecked),
              events: number(report.eventsChecked),
            })}
          </p>
          {report.problems.length > 0 ? (
            <ul class="problems" lang="en" translate={false}>
              {report.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
