// The market benchmark's data: N organizations, and M technology contracts over ten years sold by
// them, written twice from the same draws — the first `imported` as the import file (`starcity
// import tech_contracts`, credit codes and the file's headers) and as rows shaped like the table for the raw COPY
// (seller ids, the derived flow, the seller's district and zone). Seeded: every run, both engines.
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { random } from '../random.mjs';

const dist = new URL('../../dist/server/', import.meta.url);
const root = new URL('../../', import.meta.url).pathname;

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;
export const ORGANIZATION_COLUMNS = ['uscc', 'name', 'kind', 'district_code', 'zone', 'founded_on'];
export const FILE_COLUMNS = ['seller_uscc', 'contract_number', 'title', 'type', 'sub_type', 'buyer_name', 'buyer_region', 'contract_amount', 'transaction_amount', 'signed_on', 'registered_on', 'technology_field', 'status', 'registration_number'];
export const TABLE_COLUMNS = ['contract_number', 'title', 'type', 'sub_type', 'seller_org_id', 'buyer_name', 'buyer_region', 'flow', 'contract_amount', 'transaction_amount', 'signed_on', 'registered_on', 'technology_field', 'district_code', 'zone', 'status', 'registration_number'];

const KINDS = ['enterprise', 'enterprise', 'enterprise', 'enterprise', 'enterprise', 'enterprise', 'research_institute', 'university', 'new_type_rd_institution', 'hospital'];
const ABROAD = ['DE', 'US', 'JP', 'SG', 'GB', 'FR', 'KR'];

class Lines {
  constructor(path) {
    this.out = createWriteStream(path);
    this.chunk = '';
  }
  async write(line) {
    this.chunk += `${line}\n`;
    if (this.chunk.length > 1 << 16) {
      if (!this.out.write(this.chunk)) await once(this.out, 'drain');
      this.chunk = '';
    }
  }
  async close() {
    this.out.end(this.chunk);
    await once(this.out, 'finish');
  }
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const fen = (f) => `${Math.floor(f / 100)}.${pad(f % 100)}`;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Writes organizations.tsv (COPY text, ids 1…N in order), contracts.csv (the first `imported` contracts, the import file) and contracts.tsv (every contract, COPY text). */
export async function generateMarket(dir, { organizations, contracts, imported }, city) {
  const { orgCodeCheckCharacter, usccCheckCharacter } = await import(new URL('domain/uscc.js', dist).href);
  const uscc = (i) => {
    // 'M' keeps these codes apart from the demo's and the other benches'.
    const orgCode = `M${pad(i, 7)}`;
    const first17 = `91430100${orgCode}${orgCodeCheckCharacter(orgCode)}`;
    return first17 + usccCheckCharacter(first17);
  };
  const next = random(20261204);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const districts = city.districts.map((d) => d.code);
  const zones = city.zones.map((z) => z.code);
  const types = JSON.parse(readFileSync(`${root}config/market/contract-types.json`, 'utf8')).types;
  const subTypes = Object.entries(types).flatMap(([type, t]) => Object.keys(t.subTypes).map((s) => [type, s]));
  const fieldsFile = JSON.parse(readFileSync(`${root}config/market/technology-fields.json`, 'utf8'));
  const fields = Object.keys(fieldsFile.fields ?? fieldsFile);
  const counties = JSON.parse(readFileSync(`${root}config/regions/cn.json`, 'utf8')).counties.map(([c]) => c);
  const province = counties.filter((c) => c.startsWith(city.code.slice(0, 2)) && !c.startsWith(city.code.slice(0, 4)));
  const domestic = counties.filter((c) => !c.startsWith(city.code.slice(0, 2)));
  const buyerRegion = () => {
    const r = next();
    if (r < 0.35) return [pick(districts), 'local'];
    if (r < 0.55) return [pick(province), 'province'];
    if (r < 0.95) return [pick(domestic), 'domestic'];
    return [pick(ABROAD), 'abroad'];
  };

  const places = [];
  const orgs = new Lines(`${dir}/organizations.tsv`);
  for (let i = 1; i <= organizations; i++) {
    const place = [pick(districts), next() < 0.4 ? pick(zones) : null];
    places.push(place);
    await orgs.write([uscc(i), `星城技术市场样本单位${i}有限公司`, pick(KINDS), place[0], place[1] ?? '\\N', `${1990 + Math.floor(next() * 35)}-${pad(1 + Math.floor(next() * 12))}-01`].join('\t'));
  }
  await orgs.close();

  const file = new Lines(`${dir}/contracts.csv`);
  const table = new Lines(`${dir}/contracts.tsv`);
  await file.write(FILE_COLUMNS.join(','));
  const sequence = new Map();
  const yearStart = (y) => Date.UTC(y, 0, 1);
  let registered = 0;
  for (let i = 1; i <= contracts; i++) {
    // A few sellers sell much (r³): the top sellers are a real ranking.
    const seller = 1 + Math.floor(organizations * next() ** 3);
    const [type, subType] = pick(subTypes);
    const year = FIRST_YEAR + Math.floor(next() * (LAST_YEAR - FIRST_YEAR + 1));
    const registeredMs = yearStart(year) + Math.floor(next() * ((yearStart(year + 1) - yearStart(year)) / 86_400_000)) * 86_400_000;
    const signedOn = day(registeredMs - Math.floor(next() * 60) * 86_400_000);
    const isRegistered = next() < 0.95;
    // 10,000 to 50,000,000 yuan, log-uniform, in fen.
    const amount = Math.round(Math.exp(Math.log(1e6) + next() * (Math.log(5e9) - Math.log(1e6))));
    const transaction = Math.floor(amount * next());
    const field = next() < 0.9 ? pick(fields) : null;
    const [region, flow] = buyerRegion();
    const seq = (sequence.get(year) ?? 0) + 1;
    if (isRegistered) sequence.set(year, seq);
    const number = isRegistered ? `${year}${city.code}${pad(seq, 6)}` : null;
    const registeredOn = isRegistered ? day(registeredMs) : null;
    if (isRegistered) registered++;
    const contractNumber = `MKT-${pad(i, 7)}`;
    if (i <= imported) await file.write([uscc(seller), contractNumber, '技术合同', type, subType, `买方${i % 5000}`, region, fen(amount), fen(transaction), signedOn, registeredOn ?? '', field ?? '', isRegistered ? 'registered' : 'draft', number ?? ''].join(','));
    const [district, zone] = places[seller - 1];
    await table.write(
      [contractNumber, '技术合同', type, subType, seller, `买方${i % 5000}`, region, flow, fen(amount), fen(transaction), signedOn, registeredOn ?? '\\N', field ?? '\\N', district, zone ?? '\\N', isRegistered ? 'registered' : 'draft', number ?? '\\N'].join('\t'),
    );
  }
  await file.close();
  await table.close();
  return { organizations: `${dir}/organizations.tsv`, importFile: `${dir}/contracts.csv`, contractsTable: `${dir}/contracts.tsv`, registered };
}
