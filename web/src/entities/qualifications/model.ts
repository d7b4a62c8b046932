import type { Qualification, QualificationCreate, QualificationPatch } from '../../../../src/contracts/qualifications';
import type { QualificationType } from '../../../../src/domain/qualification';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';

/** The qualification form (资质表单) as antd holds it. */
export interface QualificationValues {
  organization_id: number | null;
  qualification: QualificationType | null;
  certificate_no: string;
  valid_from: string | null;
  valid_to: string | null;
}

export const qualificationFieldPaths = ['organization_id', 'qualification', 'certificate_no', 'valid_from', 'valid_to'] as const;

export function qualificationValues(q?: Qualification): QualificationValues {
  return {
    organization_id: q?.organization_id ?? null,
    qualification: q?.qualification ?? null,
    certificate_no: textValue(q?.certificate_no),
    valid_from: q?.valid_from ?? null,
    valid_to: q?.valid_to ?? null,
  };
}

function body(v: QualificationValues): Draft<QualificationCreate> {
  return {
    organization_id: valueOrNull(v.organization_id),
    qualification: valueOrNull(v.qualification),
    certificate_no: textOrNull(v.certificate_no),
    valid_from: valueOrNull(v.valid_from),
    valid_to: valueOrNull(v.valid_to),
  };
}

export const qualificationCreate = (v: QualificationValues): Draft<QualificationCreate> => withoutEmpty(body(v), ['organization_id', 'qualification', 'valid_from']);

export const qualificationPatch = (before: QualificationValues, after: QualificationValues): Draft<QualificationPatch> => changedFields(body(before), body(after));
