import { describe, expect, it } from 'vitest';
import { figuresBody, newEvaluationValues, saveBody } from './evaluationForm';

describe('the self-evaluation form', () => {
  const values = {
    ...newEvaluationValues(new Date(2026, 11, 4)),
    staff: 100,
    st_staff: 30,
    sales: ' 50,000,000.00 ',
    total_assets: '80000000',
    rd_expenditure: '3，000，000',
    total_costs: '45000000',
    class_one_ip: 1,
  };

  it('sends amounts as text without the separators people type, never as numbers', () => {
    expect(figuresBody(values)).toMatchObject({ sales: '50000000.00', rd_expenditure: '3000000', total_assets: '80000000', staff: 100, class_one_ip: 1 });
  });

  it('declares nothing until the user ticks it, and evaluates last year by default', () => {
    expect(figuresBody(values).declarations).toEqual({ resident_enterprise: false, permitted_industry: false, clean_record: false });
    expect(saveBody(values).year).toBe(2025);
  });

  it('leaves an empty count empty, for the server to name the field', () => {
    expect(figuresBody({ ...values, staff: null }).staff).toBeNull();
  });
});
