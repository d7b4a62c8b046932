import type { FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src/contracts/common';
import { ApiProblem } from '../api/problem';
import { messageSide } from '../i18n/language';
import { changedPaths, foldListItems, namePath, placeProblems, withoutFields, type GeneralProblem } from './problemFields';

export interface ServerProblems {
  /** The problem of the last failed submit, minus what the user has edited since. */
  problem: Problem | null;
  /** Problems of fields the form does not have, in the current language. */
  general: GeneralProblem[];
  show(error: unknown): void;
  clear(): void;
  /** Pass to Form onValuesChange: editing a field dismisses its server problems. */
  onValuesChange(changed: object): void;
}

const NO_LISTS: readonly string[] = [];

/**
 * Puts a failed submit's field problems next to their fields (antd Form.setFields) and keeps
 * them in the current language: switching language re-renders every message. `listFields` are
 * lists edited in one control (a multi-select): their items' problems (`districts.0`) show on it.
 */
export function useServerProblems(form: FormInstance, fieldPaths: readonly string[], listFields: readonly string[] = NO_LISTS): ServerProblems {
  const { i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [problem, setProblem] = useState<Problem | null>(null);
  const scrollPending = useRef(false);
  const placed = useMemo(() => placeProblems(problem?.errors ?? [], fieldPaths, side), [problem, fieldPaths, side]);

  useEffect(() => {
    const byPath = new Map(placed.fields.map((f) => [f.name.join('.'), f.errors]));
    form.setFields(fieldPaths.map((path) => ({ name: namePath(path), errors: byPath.get(path) ?? [] })));
    const first = placed.fields[0];
    if (first && scrollPending.current) form.scrollToField(first.name, { block: 'center' });
    scrollPending.current = false;
  }, [form, fieldPaths, placed]);

  const show = useCallback((error: unknown) => {
    scrollPending.current = true;
    setProblem(error instanceof ApiProblem ? { ...error.problem, errors: foldListItems(error.problem.errors, listFields) } : { type: 'about:blank', title: String(error), title_zh: String(error), status: 0, errors: [] });
  }, [listFields]);
  const clear = useCallback(() => setProblem(null), []);
  const onValuesChange = useCallback((changed: object) => {
    const paths = changedPaths(changed);
    setProblem((p) => {
      if (!p) return p;
      const rest = withoutFields(p.errors, paths);
      return rest.length === p.errors.length ? p : { ...p, errors: rest };
    });
  }, []);

  return { problem, general: placed.general, show, clear, onValuesChange };
}
