import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemTitle } from '../api/problem';
import type { ServerProblems } from './useServerProblems';
import { messageSide } from '../i18n/language';

/**
 * What a failed submit could not put next to a field: problems of fields the form does not have,
 * or a problem with no field at all (404, 500, the network). Every form shows them this way.
 */
export function FormProblems({ problems }: { problems: ServerProblems }) {
  const { t, i18n } = useTranslation();
  const { problem, general } = problems;
  if (problem === null || (general.length === 0 && problem.errors.length > 0)) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-problems"
      title={general.length ? t('form.problemsTitle') : problemTitle(problem, messageSide(i18n.language))}
      description={
        general.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {general.map((g, i) => (
              <li key={i}>{g.field ? `${g.field}: ${g.message}` : g.message}</li>
            ))}
          </ul>
        ) : (
          problem.detail
        )
      }
    />
  );
}
