import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { asksBeforeLeaving } from './leaveGuard';

/**
 * Typed input is never lost silently: moving to another page inside the app asks first (a
 * dialog), and closing or reloading the tab gets the browser's own prompt. `unsaved` is read at
 * the moment of leaving; call `release()` just before a form's own navigation after saving.
 */
export function useLeaveGuard(unsaved: () => boolean): { release: () => void } {
  const released = useRef(false);
  const isUnsaved = useRef(unsaved);
  useEffect(() => {
    isUnsaved.current = unsaved;
  }, [unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => asksBeforeLeaving({ unsaved: isUnsaved.current(), released: released.current, from: currentLocation.pathname, to: nextLocation.pathname }));
  const confirmLeave = useConfirmLeave();

  // One dialog per blocked move. The router hands out new proceed/reset functions whenever its
  // state changes while the move stays blocked (a lazy page loading, a drawer closing), so the
  // dialog calls the latest ones, and a ref — not those functions' identity — says whether this
  // move already has its dialog (keyed on them, a slow page stacked a second dialog under the first).
  const latest = useRef(blocker);
  latest.current = blocker;
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asking.current = false;
      return;
    }
    if (asking.current) return;
    asking.current = true;
    confirmLeave(
      () => latest.current.proceed?.(),
      () => latest.current.reset?.(),
    );
  }, [blocker.state, confirmLeave]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!asksBeforeLeaving({ unsaved: isUnsaved.current(), released: released.current, from: '', to: 'away' })) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return { release: useCallback(() => void (released.current = true), []) };
}

/** "Leave without saving?" — leave, or stay with the input. */
export function useConfirmLeave(): (leave: () => void, stay?: () => void) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return useCallback(
    (leave, stay) =>
      void modal.confirm({
        title: t('form.leaveTitle'),
        content: t('form.leaveBody'),
        okText: t('form.leave'),
        okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
        cancelText: t('form.stay'),
        onOk: leave,
        onCancel: stay,
      }),
    [t, modal],
  );
}
