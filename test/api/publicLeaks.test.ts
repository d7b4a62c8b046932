import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTACT_REMOVED } from '../../src/domain/contactMask.js';
import { residentIdCheckCharacter } from '../../src/domain/talent.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';

/**
 * Nothing unpublished leaves through the public API: a small registry with planted values — a
 * person's name, contacts and ID number, a contract's terms, unpublished fields, a revoked platform,
 * a draft application, rejected applications (one had run its public notice) and the unconfirmed
 * "four global" evidence a rejected recognition leaves on its institution, and contacts an
 * applicant typed into published free text — and a walk of every public GET route the OpenAPI document lists, each path
 * filled with every dataset, row and indicator there is. No reply (downloads unzipped) may hold
 * any planted value.
 */

const t = await createTestApp({ today: () => '2026-06-30' });
const { app } = t;
const post = async (path: string, payload: object, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'POST', url: `/api/v1/${path}`, payload, headers });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(201);
  return res.json<{ id: number }>();
};

const PLANTED = {
  address: '泄密测试路 4242 号',
  personName: '泄密测试人甲乙',
  phone: '+86 139-0000-4242',
  email: 'leak.probe.q9@example.org',
  idNumber: '11010519491231002X',
  contractTitle: '泄密测试技术合同',
  contractNumber: 'LEAK-4242-01',
  buyerName: '泄密买方有限公司',
  contractAmount: '4242424.42',
  projectTitle: '泄密测试攻关项目',
  budget: '7373737.37',
  evidence: '泄密佐证材料',
  transferAmount: '8181818.18',
  revokedPlatform: '泄密已撤销平台',
  draftPlatform: '泄密草稿中试平台',
  rejectedInstitution: '泄密未通过新型研发机构',
  rejectedDirections: '泄密未通过研究方向',
  rejectionReason: '泄密不予通过理由',
  rejectedEvidence: '泄密未通过四个全球佐证',
  // Contacts typed into published free text: an evidence summary and a recruitment call's description.
  typedMobile: '１３７－００００－５１５１',
  typedLandline: '（0731）84242424',
  typedEmail: 'typed.leak.k3@example.net',
  typedIdNumber: `43010419900307123${residentIdCheckCharacter('43010419900307123')}`,
  callMobile: '13600002323',
  callEmail: 'hr.leak.r7@example.com',
};
const EVIDENCE_WORDS = '在新加坡设研发分部，承担海外客户委托任务';

const YUELU = '430104';
const owner = await createOrganization(app, { name: '开放数据泄密测试研究院', district_code: YUELU, address: PLANTED.address });
const receiver = await createOrganization(app, { name: '开放数据泄密测试受让公司', district_code: '430102', zone: null });
const lab = await createPlatform(app, { host_org_id: owner.id, name: '开放数据泄密测试实验室', status: 'active' });
await createPlatform(app, { host_org_id: owner.id, name: PLANTED.revokedPlatform, status: 'revoked' });
await createQualification(app, { organization_id: owner.id });
await createRdInstitution(app, { host_org_id: owner.id });
await post('talent-introductions', {
  person_name: PLANTED.personName,
  phone: PLANTED.phone,
  email: PLANTED.email,
  id_number: PLANTED.idNumber,
  category: 'academician',
  mode: 'full_time',
  host_org_id: owner.id,
  introduced_on: '2025-04-01',
});
await post('tech-contracts', {
  contract_number: PLANTED.contractNumber,
  title: PLANTED.contractTitle,
  type: 'development',
  sub_type: 'commissioned',
  seller_org_id: owner.id,
  buyer_name: PLANTED.buyerName,
  buyer_region: '440305',
  contract_amount: PLANTED.contractAmount,
  transaction_amount: '1000000.5',
  signed_on: '2025-03-01',
  technology_field: 'advanced_manufacturing',
});
const project = await post('projects', { title: PLANTED.projectTitle, lead_org_id: owner.id, programme: 'municipal_key_core_tech', budget: PLANTED.budget, start_on: '2025-03-01', end_on: '2027-12-31', status: 'ongoing', platform_id: lab.id });
const achievement = await post('achievements', { title: '开放数据泄密测试成果', type: 'product', key_tech_breakthrough: true, year: 2025, organization_ids: [owner.id], evidence: PLANTED.evidence, project_id: project.id, platform_id: lab.id });
await post('transfers', { achievement_id: achievement.id, receiver_org_id: receiver.id, mode: 'licence', amount: PLANTED.transferAmount, transferred_on: '2025-09-01' });
await post('recruitment-calls', { org_id: owner.id, title: '开放数据泄密测试招贤令', positions: 2, deadline: '2026-12-31', description: `博士后两名。简历请寄 ${PLANTED.callEmail}，或致电${PLANTED.callMobile}。` });
// A confirmed feature's evidence summary is published — with what the applicant typed into it.
const typedEvidence = `${EVIDENCE_WORDS}。联系人手机${PLANTED.typedMobile}，座机${PLANTED.typedLandline}，邮箱 ${PLANTED.typedEmail}，身份证号${PLANTED.typedIdNumber}。`;
await createRdInstitution(app, { host_org_id: owner.id, name: '开放数据泄密测试全球研发中心', four_global: { global_results: { evidence: typedEvidence, confirmed_on: '2025-05-06' } } });
// The claim a rejected "four global" recognition was about: typed into the registry, never confirmed.
const claimant = await createRdInstitution(app, { host_org_id: owner.id, four_global: { global_layout: { evidence: PLANTED.rejectedEvidence } } });
const orgUser = await t.actAs('org_user', { organizationIds: [owner.id], via: 'session' });
await post('applications', { filing_type: 'pilot_platform', organization_id: owner.id, field: 'advanced_manufacturing', data: { name: PLANTED.draftPlatform, district_code: YUELU } }, orgUser.headers);
const rejectedInstitution = await post('applications', { filing_type: 'new_rd_institution', organization_id: owner.id, field: 'advanced_manufacturing', data: { name: PLANTED.rejectedInstitution, district_code: YUELU, research_directions: PLANTED.rejectedDirections } }, orgUser.headers);
const rejectedClaim = await post('applications', { filing_type: 'four_global', organization_id: owner.id, rd_institution_id: claimant.id, field: 'advanced_manufacturing', data: { global_layout_claimed: true, global_layout_evidence: PLANTED.rejectedEvidence } }, orgUser.headers);
const noticed = await post('applications', { filing_type: 'pilot_platform', organization_id: owner.id, field: 'advanced_manufacturing', data: { name: '开放数据泄密测试公示平台', district_code: YUELU } }, orgUser.headers);
// Their paths through the review (tested in filings.test.ts) put shortly: where each ended.
const setState = (id: number, state: string, reason: string | null) =>
  t.db.query(`UPDATE applications SET state = $2, notice_from = '2026-06-20', notice_to = '2026-06-29', decided_at = $3, decision_reason = $4 WHERE id = $1`, [id, state, reason ? new Date() : null, reason]);
await setState(rejectedInstitution.id, 'rejected', PLANTED.rejectionReason);
await setState(rejectedClaim.id, 'rejected', PLANTED.rejectionReason);
await setState(noticed.id, 'public_notice', null);

const get = (url: string) => t.anonymous({ method: 'GET', url });
const json = async <T>(url: string): Promise<T> => (await get(url)).json<T>();

/** Every URL of the public API: each GET path of the OpenAPI document with its parameters filled in every way the data allows. */
async function publicUrls(): Promise<string[]> {
  const doc = await json<{ paths: Record<string, { get?: unknown }> }>('/api/openapi.json');
  const datasets = (await json<{ results: Array<{ id: string }> }>('/api/v1/public/datasets')).results.map((d) => d.id);
  const rowIds = new Map<string, number[]>();
  for (const id of datasets) rowIds.set(id, (await json<{ results: Array<{ id: number }> }>(`/api/v1/public/datasets/${id}/rows?per_page=200`)).results.map((r) => r.id));
  const indicators = (await json<{ period: string; results: Array<{ code: string }> }>('/api/v1/public/indicators'));
  const urls: string[] = [];
  for (const path of Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/public/') && doc.paths[p]!.get)) {
    if (path.includes('{code}')) {
      for (const { code } of indicators.results) urls.push(path.replace('{code}', code) + (path.endsWith('/rows') ? `?period=${indicators.period}&per_page=200` : ''));
    } else if (path.includes('{id}')) {
      for (const id of datasets) {
        const base = path.replace('{id}', id);
        if (base.includes('{rowId}')) urls.push(...rowIds.get(id)!.map((row) => base.replace('{rowId}', String(row))));
        else urls.push(base + (base.endsWith('/rows') ? '?per_page=200' : ''));
      }
    } else urls.push(path + (path.endsWith('/rows') || path.endsWith('-calls') ? '?per_page=200' : ''));
  }
  // …and the registry's routes for anyone that carry records (security.md: notices, recruitment calls).
  const calls = (await json<{ results: Array<{ id: number }> }>('/api/v1/recruitment-calls?per_page=200')).results.map((c) => c.id);
  urls.push('/api/v1/notices', '/api/v1/recruitment-calls?per_page=200', ...calls.map((id) => `/api/v1/recruitment-calls/${id}`));
  for (const view of ['import', 'report']) urls.push(`/api/v1/recruitment-calls/export?format=csv&view=${view}`, `/api/v1/recruitment-calls/export?format=jsonl&view=${view}&lang=en`);
  return urls;
}

/** A reply's text, a gzipped download unzipped. */
function textOf(res: { rawPayload: Buffer }): string {
  const bytes = res.rawPayload;
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('no unpublished value in any public reply', () => {
  it('walks every public route and finds none of the planted values', async () => {
    const urls = await publicUrls();
    // The walk reaches rows of every dataset and every published indicator.
    expect(urls.filter((u) => /\/rows\/\d+$/.test(u)).length).toBeGreaterThanOrEqual(7);
    expect(urls.some((u) => u.includes('/indicators/transfers.count'))).toBe(true);
    // …and both download files of every dataset, its releases and the DCAT catalogue.
    for (const file of ['download.csv.gz', 'download.jsonl.gz', 'releases']) expect(urls.filter((u) => u.endsWith(`/${file}`)).length, file).toBe(urls.filter((u) => u.endsWith('/dictionary.json')).length);
    expect(urls.filter((u) => u.endsWith('/dictionary.json')).length).toBeGreaterThanOrEqual(7);
    expect(urls).toContain('/api/v1/public/catalog.jsonld');
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      const text = textOf(res);
      for (const [what, value] of Object.entries(PLANTED)) expect(text.includes(value), `${what} in ${url}`).toBe(false);
    }
  });

  it('shows what is published: the planted registry’s published values do appear', async () => {
    const platforms = JSON.stringify(await json('/api/v1/public/datasets/platforms/rows'));
    expect(platforms).toContain(lab.name);
    const achievements = JSON.stringify(await json('/api/v1/public/datasets/achievements/rows'));
    expect(achievements).toContain('开放数据泄密测试成果');
    const transfers = JSON.stringify(await json('/api/v1/public/datasets/transfers/rows'));
    expect(transfers).toContain(receiver.name);
    // The notice running now is shown; the rejected one that had run is not (the walk proves it).
    expect(JSON.stringify(await json('/api/v1/public/notices'))).toContain('开放数据泄密测试公示平台');
  });

  it('publishes free text with each typed contact masked, and answers no search or filter on it', async () => {
    const institutions = await json<{ results: Array<Record<string, unknown>> }>('/api/v1/public/datasets/rd_institutions/rows?per_page=200');
    const evidence = institutions.results.map((r) => r.global_results_evidence).find((e) => typeof e === 'string' && e.includes(EVIDENCE_WORDS));
    expect(evidence).toBe(`${EVIDENCE_WORDS}。联系人手机${CONTACT_REMOVED}，座机${CONTACT_REMOVED}，邮箱 ${CONTACT_REMOVED}，身份证号${CONTACT_REMOVED}。`);
    const calls = JSON.stringify(await json('/api/v1/public/recruitment-calls'));
    expect(calls).toContain(`简历请寄 ${CONTACT_REMOVED}，或致电${CONTACT_REMOVED}。`);
    // A search or filter would answer from the text before masking: the text is not searched, and filtering on it is refused.
    expect((await json<{ results: unknown[] }>(`/api/v1/public/recruitment-calls?search=${PLANTED.callMobile}`)).results).toEqual([]);
    expect((await json<{ results: unknown[] }>(`/api/v1/recruitment-calls?search=${PLANTED.callMobile}`)).results).toEqual([]);
    expect((await get(`/api/v1/recruitment-calls/export?format=csv&search=${PLANTED.callMobile}`)).body).not.toContain('开放数据泄密测试招贤令');
    // A reader of the registry sees the call as its organization entered it.
    const entered = await app.inject({ method: 'GET', url: `/api/v1/recruitment-calls?search=${PLANTED.callMobile}`, headers: orgUser.headers });
    expect(entered.json<{ results: Array<{ description: string }> }>().results.map((c) => c.description)).toEqual([expect.stringContaining(PLANTED.callMobile)]);
    // The list cache keeps a page as presented: the same page asked by a registry reader first is still masked for the public.
    const page = '/api/v1/recruitment-calls?per_page=200&sort=id:desc';
    expect((await app.inject({ method: 'GET', url: page, headers: orgUser.headers })).body).toContain(PLANTED.callEmail);
    expect((await get(page)).body).not.toContain(PLANTED.callEmail);
    expect((await get(`/api/v1/public/datasets/recruitment_calls/rows?filter=description:x`)).statusCode).toBe(400);
    const dictionary = await json<{ fields: Array<{ name: string; note?: { zh: string } }> }>('/api/v1/public/datasets/rd_institutions/dictionary.json');
    expect(dictionary.fields.find((f) => f.name === 'global_results_evidence')?.note?.zh).toContain(CONTACT_REMOVED);
  });
});
