import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem, problemTitle } from '../api/problem';
import { messageSide } from '../i18n/language';

interface Props {
  error: unknown;
  /** Overrides the problem's own title, e.g. "Cannot delete". */
  title?: string;
  onClose?: () => void;
}

/** Shows an API problem (title and every field message) in the current language. */
export function ProblemAlert({ error, title, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const problem = error instanceof ApiProblem ? error.problem : null;
  const messages = problem?.errors.map((e) => e.message[side]) ?? [];
  const heading = title ?? (problem ? problemTitle(problem, side) : t('common.loadFailed'));
  const description = messages.length ? (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  ) : (
    (problem?.detail ?? (problem ? undefined : String(error)))
  );
  return (
    <Alert
      type="error"
      showIcon
      title={heading}
      description={description}
      {...(onClose ? { closable: { onClose } } : {})}
    />
  );
}
