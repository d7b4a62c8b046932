import type { Platform, PlatformCreate, PlatformPatch } from '../../../../src/contracts/platforms';
import type { PlatformStatus, PlatformType } from '../../../../src/domain/innovationPlatform';
import type { RecognitionLevel } from '../../../../src/domain/level';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';

/** The innovation platform form (创新平台表单) as antd holds it. */
export interface PlatformValues {
  host_org_id: number | null;
  name: string;
  name_en: string;
  type: PlatformType | null;
  level: RecognitionLevel | null;
  recognized_on: string | null;
  authority: string;
  status: PlatformStatus | null;
  district_code: string | null;
  zone: string | null;
}

export const platformFieldPaths = ['host_org_id', 'name', 'name_en', 'type', 'level', 'recognized_on', 'authority', 'status', 'district_code', 'zone'] as const;

export function platformValues(p?: Platform): PlatformValues {
  return {
    host_org_id: p?.host_org_id ?? null,
    name: p?.name ?? '',
    name_en: textValue(p?.name_en),
    type: p?.type ?? null,
    level: p?.level ?? null,
    recognized_on: p?.recognized_on ?? null,
    authority: textValue(p?.authority),
    // Most platforms entered are running; a new form starts there.
    status: p?.status ?? 'active',
    district_code: p?.district_code ?? null,
    zone: p?.zone ?? null,
  };
}

function body(v: PlatformValues): Draft<PlatformCreate> {
  return {
    host_org_id: valueOrNull(v.host_org_id),
    name: v.name,
    name_en: textOrNull(v.name_en),
    type: valueOrNull(v.type),
    level: valueOrNull(v.level),
    recognized_on: valueOrNull(v.recognized_on),
    authority: textOrNull(v.authority),
    status: valueOrNull(v.status),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
  };
}

export const platformCreate = (v: PlatformValues): Draft<PlatformCreate> => withoutEmpty(body(v), ['host_org_id', 'type', 'level', 'status', 'district_code']);

export const platformPatch = (before: PlatformValues, after: PlatformValues): Draft<PlatformPatch> => changedFields(body(before), body(after));
