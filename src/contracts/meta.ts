import { z } from 'zod';
import { bilingual } from './common.js';

const codeEntry = z.object({ code: z.string(), label: bilingual });
/** A place's cell on the city's schematic map (districts and zones each have a grid of their own); null: not on the map. */
const tile = z.object({ row: z.number().int(), col: z.number().int() }).nullable();

/** The city configuration and every code list, so clients label codes the way the server does. */
export const registryMeta = z
  .object({
    city: z.object({
      code: z.string(),
      name: bilingual,
      province: bilingual,
      /** IANA time zone the city's days are counted in. */
      time_zone: z.string(),
      districts: z.array(codeEntry.extend({ tile })),
      retired_districts: z.array(codeEntry.extend({ successor: z.string() })),
      zones: z.array(codeEntry.extend({ innovation_zone: z.boolean(), tile })),
    }),
    code_lists: z.record(z.string(), z.array(codeEntry)),
  })
  .meta({ id: 'RegistryMeta' });
export type RegistryMeta = z.output<typeof registryMeta>;

const county = z.object({ code: z.string().describe('GB/T 2260 county-level code, as `buyer_region` takes it'), label: bilingual });
const prefecture = z.object({ code: z.string().describe('The first four digits of its counties’ codes'), label: bilingual, children: z.array(county) });

/** Where a buyer in China may be: exactly the counties a contract's `buyer_region` accepts, by province and city. */
export const buyerRegions = z
  .object({
    provinces: z.array(z.object({ code: z.string().describe('The first two digits of its counties’ codes'), label: bilingual, children: z.array(prefecture) })),
  })
  .meta({ id: 'BuyerRegions' });
export type BuyerRegions = z.output<typeof buyerRegions>;
