import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import type { Dimension } from '../../domain/analysis/query.js';
import type { Message } from '../../domain/message.js';
import { organizationKinds } from '../../domain/organization.js';
import { provinceOf } from '../../domain/province.js';
import { contractFlows } from '../../domain/techContract.js';
import { zoneName } from '../../domain/zone.js';
import { marketCodes } from '../techContracts/codes.js';

/** Display names of the analysis's keys: the registry's code lists, the city's places, the provinces of GB/T 2260. */

const NONE: Message = { zh: '（未填）', en: '(none)' };

export function keyLabel(city: CityConfig, dimension: Dimension, key: string | null): Message {
  if (key === null) return NONE;
  const { market } = marketCodes();
  const types = market.contractTypes.types;
  const found = ((): Message | null | undefined => {
    switch (dimension) {
      case 'year':
      case 'quarter':
        return { zh: key, en: key };
      case 'type':
        return types[key]?.name;
      case 'sub_type':
        return Object.values(types).find((t) => t.subTypes[key])?.subTypes[key];
      case 'flow':
        return contractFlows[key as keyof typeof contractFlows];
      case 'district':
        return districtName(city, key);
      case 'zone':
        return zoneName(city, key);
      case 'field':
        return market.technologyFields[key];
      case 'seller_kind':
        return organizationKinds[key as keyof typeof organizationKinds];
      case 'buyer_province':
        return provinceOf(key);
    }
  })();
  return found ?? { zh: key, en: key };
}
