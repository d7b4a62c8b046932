import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src/domain/message';
import { messageSide } from '../i18n/language';

/** Labels the server sends as `{zh, en}` (states, actions, filing types, form fields), shown in the UI language. */
export function useMessageText(): { side: 'zh' | 'en'; text: (m: Message) => string } {
  const { i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const text = useCallback((m: Message) => m[side], [side]);
  return { side, text };
}
