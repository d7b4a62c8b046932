import { Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormField } from '../../../src/domain/workflow/definition';
import { useSaveApplication, type ApplicationView } from '../api/filings';
import { ApiProblem } from '../api/problem';
import { useServerProblems, type ServerProblems } from '../form/useServerProblems';
import { dataChanged, fieldPath, formDataOf, formValues, missingRequired, type FormValues } from './formFields';

/** The application form's store: the values under `data`, as the server names them in its problems (`data.<key>`). */
export interface DraftStore {
  data: FormValues;
}

export interface Draft {
  form: FormInstance<DraftStore>;
  problems: ServerProblems;
  /** The version the form was loaded from; someone else's change meanwhile makes saving answer 412. */
  base: ApplicationView;
  stale: boolean;
  saving: boolean;
  /** Required fields still empty on the page. */
  missing: string[];
  dirty: boolean;
  /** Saves what changed; the application as saved, or null when the save failed (problems are shown). */
  save: () => Promise<ApplicationView | null>;
  /** After a 412: the server's version replaces the form. */
  reload: (fresh: ApplicationView) => void;
}

/**
 * The applicant's draft: the form starts from the data the server keeps and is saved with
 * If-Match of the version it was loaded from. A refetch that brings the same data (the version
 * moved for another reason, e.g. a document) is taken as the base; one that brings other data is
 * not, so saving over someone else's edit is refused rather than silent.
 */
export function useDraft(view: ApplicationView, fields: readonly FormField[]): Draft {
  const [form] = Form.useForm<DraftStore>();
  const paths = useMemo(() => fields.map((f) => fieldPath(f.key)), [fields]);
  const problems = useServerProblems(form, paths);
  const saveApplication = useSaveApplication();
  const [base, setBase] = useState(view);
  const [stale, setStale] = useState(false);
  const values = Form.useWatch('data', form) as FormValues | undefined;

  useEffect(() => {
    if (view.version !== base.version && JSON.stringify(view.data) === JSON.stringify(base.data) && view.field === base.field) setBase(view);
  }, [view, base]);
  useEffect(() => {
    form.setFieldsValue({ data: formValues(fields, base.data) });
  }, [form, fields, base.data]);

  const current = values ?? formValues(fields, base.data);
  const save = useCallback(async (): Promise<ApplicationView | null> => {
    const now = (form.getFieldValue('data') as FormValues | undefined) ?? {};
    if (!dataChanged(fields, base.data, now)) return base;
    problems.clear();
    try {
      const saved = await saveApplication.mutateAsync({ id: base.id, version: base.version, patch: { data: formDataOf(fields, now) } });
      setBase(saved);
      return saved;
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 412) setStale(true);
      else problems.show(err);
      return null;
    }
  }, [form, fields, base, problems, saveApplication]);

  const reload = useCallback(
    (fresh: ApplicationView) => {
      setBase(fresh);
      setStale(false);
      problems.clear();
      form.setFieldsValue({ data: formValues(fields, fresh.data) });
    },
    [form, fields, problems],
  );

  return { form, problems, base, stale, saving: saveApplication.isPending, missing: missingRequired(fields, current), dirty: dataChanged(fields, base.data, current), save, reload };
}
