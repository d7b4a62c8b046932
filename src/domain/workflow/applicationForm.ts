import { parseCalendarDate } from '../calendarDate.js';
import type { CityConfig } from '../city.js';
import { checkDistrictCode } from '../district.js';
import type { Message } from '../message.js';
import type { FormField } from './definition.js';

/** An application form's values: what the applicant typed, keyed by field. */
export type FormData = Readonly<Record<string, string | number | boolean | null>>;

export interface FormProblem {
  field: string;
  code: string;
  message: Message;
}

const problem = (key: string, code: string, zh: string, en: string): FormProblem => ({ field: `data.${key}`, code, message: { zh, en } });

/**
 * Checks a form's values against its fields. A draft may leave required fields empty
 * (`complete: false`); what is filled in must still be right. Unknown keys are refused.
 */
export function formProblems(fields: readonly FormField[], data: FormData, city: CityConfig, options: { complete: boolean }): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const key of Object.keys(data)) if (!fields.some((f) => f.key === key)) problems.push(problem(key, 'form.unknown_field', `申请表没有“${key}”这一项`, `The form has no field "${key}"`));
  for (const f of fields) {
    const v = data[f.key];
    if (v === undefined || v === null || v === '') {
      if (options.complete && f.required) problems.push(problem(f.key, 'form.required', `请填写“${f.label.zh}”`, `"${f.label.en}" is required`));
      continue;
    }
    const wrong = valueProblem(f, v, city);
    if (wrong) problems.push(problem(f.key, wrong.code, wrong.zh, wrong.en));
  }
  return problems;
}

function valueProblem(f: FormField, v: string | number | boolean, city: CityConfig): { code: string; zh: string; en: string } | null {
  const expected = (zh: string, en: string) => ({ code: 'form.type', zh: `“${f.label.zh}”应为${zh}`, en: `"${f.label.en}" must be ${en}` });
  switch (f.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 500 ? null : expected('不超过 500 字的文本', 'a text of at most 500 characters');
    case 'longtext':
      return typeof v === 'string' && v.length <= 20_000 ? null : expected('不超过 20000 字的文本', 'a text of at most 20,000 characters');
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : expected('不小于 0 的数字', 'a number, 0 or more');
    case 'bool':
      return typeof v === 'boolean' ? null : expected('是或否', 'true or false');
    case 'date':
      return typeof v === 'string' && parseCalendarDate(v) === v ? null : expected('日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)');
    case 'code':
      return typeof v === 'string' && f.codes && v in f.codes ? null : expected(`以下之一：${Object.keys(f.codes ?? {}).join('、')}`, `one of ${Object.keys(f.codes ?? {}).join(', ')}`);
    case 'district': {
      if (typeof v !== 'string') return expected('区县代码', 'a district code');
      const bad = checkDistrictCode(city, v);
      return bad ? { code: bad.code, zh: bad.message.zh, en: bad.message.en } : null;
    }
    case 'zone':
      return typeof v === 'string' && city.zones.some((z) => z.code === v) ? null : expected('本市的园区代码', 'a zone of the city');
  }
}

/** Numeric fields below their criterion's least value: shown to reviewers, not a block. */
export function belowMinimum(fields: readonly FormField[], data: FormData): Array<{ key: string; label: Message; value: number; min: number }> {
  return fields.flatMap((f) => {
    const v = data[f.key];
    return f.type === 'number' && f.min !== undefined && typeof v === 'number' && v < f.min ? [{ key: f.key, label: f.label, value: v, min: f.min }] : [];
  });
}
