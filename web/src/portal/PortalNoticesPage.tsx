import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLodgeObjection, useNotices, type PublicNotice } from '../api/filings';
import { ApiProblem } from '../api/problem';
import { messageSide } from '../i18n/language';
import { EMPTY_OBJECTION, hasProblems, missingProblems, NO_PROBLEMS, OBJECTION_FIELDS, afterEdit, serverProblems, trimmed, type ObjectionField, type ObjectionProblems, type ObjectionValues } from './objection';
import { Loaded } from './parts';

/** 公示: the notices running now; while one runs anyone may object, by the form under it. */
export function PortalNoticesPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <>
      <h1>{t('portal.notices.title')}</h1>
      <p className="portal-lead">{t('portal.notices.intro')}</p>
      <Loaded query={notices}>
        {(list) =>
          list.length === 0 ? (
            <p data-testid="portal-notices">{t('portal.notices.none')}</p>
          ) : (
            <ul className="portal-list" data-testid="portal-notices">
              {list.map((n) => (
                <NoticeItem key={n.application_id} notice={n} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function NoticeItem({ notice }: { notice: PublicNotice }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const formId = `objection-${notice.application_id}`;
  return (
    <li className="portal-card" data-testid={`portal-notice-${notice.application_id}`}>
      <h2 style={{ margin: 0, fontSize: 17 }}>{notice.subject}</h2>
      <p style={{ margin: '2px 0' }}>{notice.filing_type_name[side]}</p>
      <p className="portal-muted" style={{ margin: 0 }}>
        {t('portal.notices.applicant', { name: notice.organization_name })} · {t('portal.notices.period', { from: notice.notice_from, to: notice.notice_to })}
      </p>
      {sent && (
        <p className="portal-ok" role="status">
          {t('portal.notices.lodged')}
        </p>
      )}
      {!notice.objections_open ? (
        <p className="portal-muted">{t('portal.notices.closed')}</p>
      ) : open ? (
        <ObjectionForm
          id={formId}
          notice={notice}
          onDone={() => {
            setOpen(false);
            setSent(true);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" className="portal-button secondary" style={{ marginTop: 8 }} aria-expanded={false} aria-controls={formId} onClick={() => setOpen(true)} data-testid={`portal-object-${notice.application_id}`}>
          {t('portal.notices.object')}
        </button>
      )}
    </li>
  );
}

const MAX_LENGTH: Record<ObjectionField, number> = { name: 100, contact: 200, text: 5000 };

function ObjectionForm({ id, notice, onDone, onCancel }: { id: string; notice: PublicNotice; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [values, setValues] = useState<ObjectionValues>(EMPTY_OBJECTION);
  const [problems, setProblems] = useState<ObjectionProblems>(NO_PROBLEMS);
  const lodge = useLodgeObjection();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = missingProblems(values, t('portal.notices.required'));
    setProblems(missing);
    if (hasProblems(missing)) return focusFirst(id, missing);
    lodge.mutate(
      { applicationId: notice.application_id, body: trimmed(values) },
      {
        onSuccess: onDone,
        onError: (error) => {
          const refused = error instanceof ApiProblem ? serverProblems(error.problem, side) : { fields: {}, general: [String(error)] };
          setProblems(refused);
          focusFirst(id, refused);
        },
      },
    );
  };
  const edit = (field: ObjectionField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => afterEdit(p, field));
  };
  return (
    <form id={id} onSubmit={submit} noValidate aria-label={t('portal.notices.formTitle', { subject: notice.subject })} data-testid="portal-objection-form" style={{ marginTop: 12, display: 'flex', flexDirection: 'column', gap: 10 }}>
      {problems.general.length > 0 && (
        <div className="portal-alert" role="alert" data-testid="portal-objection-problems">
          <strong>{t('portal.notices.problems')}</strong>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.general.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </div>
      )}
      {OBJECTION_FIELDS.map((field) => (
        <ObjectionInput key={field} formId={id} field={field} value={values[field]} errors={problems.fields[field] ?? []} onChange={(v) => edit(field, v)} />
      ))}
      <p className="portal-muted" style={{ margin: 0 }}>
        {t('portal.notices.privacy')}
      </p>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="submit" className="portal-button" disabled={lodge.isPending} data-testid="portal-objection-submit">
          {t('portal.notices.submit')}
        </button>
        <button type="button" className="portal-button secondary" onClick={onCancel}>
          {t('portal.notices.cancel')}
        </button>
      </div>
    </form>
  );
}

function ObjectionInput({ formId, field, value, errors, onChange }: { formId: string; field: ObjectionField; value: string; errors: string[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const inputId = `${formId}-${field}`;
  const errorId = `${inputId}-error`;
  const common = {
    id: inputId,
    name: field,
    value,
    maxLength: MAX_LENGTH[field],
    required: true,
    'aria-invalid': errors.length > 0,
    'aria-describedby': errors.length > 0 ? errorId : undefined,
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <label htmlFor={inputId}>{t(`portal.notices.${field}`)}</label>
      {field === 'text' ? <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} /> : <input {...common} onChange={(e) => onChange(e.target.value)} />}
      {errors.length > 0 && (
        <span id={errorId} className="portal-field-error" data-testid={`portal-objection-error-${field}`}>
          {errors.join(' ')}
        </span>
      )}
    </div>
  );
}

/** Takes the user to the first field that needs their attention. */
function focusFirst(formId: string, problems: ObjectionProblems): void {
  const field = OBJECTION_FIELDS.find((f) => problems.fields[f]?.length);
  if (field) document.getElementById(`${formId}-${field}`)?.focus();
}
