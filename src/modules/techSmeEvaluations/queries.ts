import type { Queryable } from '../../db/client.js';
import type { TechSmeEvaluation, TechSmeFigures } from '../../domain/techSmeEvaluation.js';

/** SQL of stored tech-SME self-evaluations (migration 0013). */

export interface EvaluationRow {
  id: number;
  organization_id: number;
  year: number;
  figures: TechSmeFigures;
  result: TechSmeEvaluation;
  created_at: Date;
}

const COLUMNS = 'id, organization_id, year, figures, result, created_at';

export async function insertEvaluation(db: Queryable, e: { organizationId: number; year: number; figures: TechSmeFigures; result: TechSmeEvaluation; at: Date }): Promise<EvaluationRow> {
  const { rows } = await db.query<EvaluationRow>(
    `INSERT INTO tech_sme_evaluations (organization_id, year, figures, result, total, qualifies, created_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7) RETURNING ${COLUMNS}`,
    [e.organizationId, e.year, JSON.stringify(e.figures), JSON.stringify(e.result), e.result.total, e.result.qualifies, e.at],
  );
  return rows[0]!;
}

/** An organization's evaluations, newest first. */
export async function evaluationsOf(db: Queryable, organizationId: number): Promise<EvaluationRow[]> {
  const { rows } = await db.query<EvaluationRow>(`SELECT ${COLUMNS} FROM tech_sme_evaluations WHERE organization_id = $1 ORDER BY created_at DESC, id DESC`, [organizationId]);
  return rows;
}
