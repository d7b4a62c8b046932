import type { TechSmeEvaluationSave, TechSmeFiguresInput } from '../../../src/contracts/techSmeEvaluation';
import type { DirectRoute } from '../../../src/domain/techSmeEvaluation';

/** The self-evaluation form's values and the request bodies made from them (pure, tested). */

export const COUNT_FIELDS = ['staff', 'st_staff', 'class_one_ip', 'class_two_ip'] as const;
export const AMOUNT_FIELDS = ['sales', 'total_assets', 'rd_expenditure', 'total_costs'] as const;
export const DECLARATIONS = ['resident_enterprise', 'permitted_industry', 'clean_record'] as const;

/** Every field the API may name in a problem, as the form's dotted paths. */
export const EVALUATION_FIELDS: readonly string[] = [...COUNT_FIELDS, ...AMOUNT_FIELDS, ...DECLARATIONS.map((d) => `declarations.${d}`), 'direct_routes', 'year'];
export const EVALUATION_LIST_FIELDS: readonly string[] = ['direct_routes'];

export interface EvaluationValues {
  staff: number | null;
  st_staff: number | null;
  class_one_ip: number | null;
  class_two_ip: number | null;
  /** Yuan as typed: sent as text, so the server compares them exactly. */
  sales: string;
  total_assets: string;
  rd_expenditure: string;
  total_costs: string;
  declarations: Record<(typeof DECLARATIONS)[number], boolean>;
  direct_routes: DirectRoute[];
  year: number | null;
}

/** An empty form; the year is last year's, whose accounts a self-evaluation reads. */
export function newEvaluationValues(today: Date): EvaluationValues {
  return {
    staff: null,
    st_staff: null,
    class_one_ip: 0,
    class_two_ip: 0,
    sales: '',
    total_assets: '',
    rd_expenditure: '',
    total_costs: '',
    declarations: { resident_enterprise: false, permitted_industry: false, clean_record: false },
    direct_routes: [],
    year: today.getFullYear() - 1,
  };
}

/**
 * The figures as the API takes them. Amounts lose spaces and thousands separators people type
 * ("5,000,000"), nothing else: what is still wrong is the server's to name next to the field.
 */
export function figuresBody(v: EvaluationValues): TechSmeFiguresInput {
  const amount = (s: string | undefined) => (s ?? '').replace(/[\s,，]/g, '');
  return {
    staff: v.staff as number,
    st_staff: v.st_staff as number,
    sales: amount(v.sales),
    total_assets: amount(v.total_assets),
    rd_expenditure: amount(v.rd_expenditure),
    total_costs: amount(v.total_costs),
    class_one_ip: v.class_one_ip as number,
    class_two_ip: v.class_two_ip as number,
    declarations: { resident_enterprise: Boolean(v.declarations?.resident_enterprise), permitted_industry: Boolean(v.declarations?.permitted_industry), clean_record: Boolean(v.declarations?.clean_record) },
    direct_routes: v.direct_routes ?? [],
  };
}

export function saveBody(v: EvaluationValues): TechSmeEvaluationSave {
  return { ...figuresBody(v), direct_routes: v.direct_routes ?? [], year: v.year as number };
}
