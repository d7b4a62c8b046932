import type { z } from 'zod';
import type { Achievement, AchievementCreate, AchievementPatch, Incubation, IncubationCreate, IncubationPatch, Project, ProjectCreate, ProjectPatch, Transfer, TransferCreate, TransferPatch } from '../../../src/contracts/achievements';
import type { organizationList, Organization, OrganizationCreate, OrganizationPatch } from '../../../src/contracts/organizations';
import type { Platform, PlatformCreate, PlatformPatch } from '../../../src/contracts/platforms';
import type { Qualification, QualificationCreate, QualificationPatch } from '../../../src/contracts/qualifications';
import type { RdInstitution, RdInstitutionCreate, RdInstitutionPatch } from '../../../src/contracts/rdInstitutions';
import type { IpLoan, IpLoanCreate, IpLoanPatch } from '../../../src/contracts/ipLoans';
import type { TechContract, TechContractCreate, TechContractPatch } from '../../../src/contracts/techContracts';
import type { RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch } from '../../../src/contracts/talent';

/** A list reply (`{meta, results, group_by}`) as the contract defines it, for any item type. */
export type ListPage<Item> = Omit<z.output<typeof organizationList>, 'results'> & { results: Item[] };
export type GroupBucket = ListPage<unknown>['group_by'][number];

/** The list query every registry list accepts (OpenAlex conventions). */
export interface ListParams {
  filter?: string;
  search?: string;
  sort?: string;
  page?: number;
  per_page?: number;
  group_by?: string;
}

/**
 * What a form sends: a contract body with every field optional or null, since the server — not
 * the form — judges completeness and answers with field problems.
 */
export type Draft<T> = { [K in keyof T]?: T[K] | null };

/** A registry resource of the API: its path, and (as phantom types) its contract types. */
export interface Resource<Item, Create, Patch> {
  path: string;
  /** Only carries the types; never read at run time. */
  readonly types?: { item: Item; create: Create; patch: Patch };
}

export const organizations: Resource<Organization, OrganizationCreate, OrganizationPatch> = { path: '/organizations' };
export const qualifications: Resource<Qualification, QualificationCreate, QualificationPatch> = { path: '/qualifications' };
export const rdInstitutions: Resource<RdInstitution, RdInstitutionCreate, RdInstitutionPatch> = { path: '/rd-institutions' };
export const platforms: Resource<Platform, PlatformCreate, PlatformPatch> = { path: '/platforms' };
export const techContracts: Resource<TechContract, TechContractCreate, TechContractPatch> = { path: '/tech-contracts' };
export const projects: Resource<Project, ProjectCreate, ProjectPatch> = { path: '/projects' };
export const achievements: Resource<Achievement, AchievementCreate, AchievementPatch> = { path: '/achievements' };
export const transfers: Resource<Transfer, TransferCreate, TransferPatch> = { path: '/transfers' };
export const incubations: Resource<Incubation, IncubationCreate, IncubationPatch> = { path: '/incubations' };
export const talentIntroductions: Resource<TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch> = { path: '/talent-introductions' };
export const recruitmentCalls: Resource<RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch> = { path: '/recruitment-calls' };
export const ipLoans: Resource<IpLoan, IpLoanCreate, IpLoanPatch> = { path: '/ip-loans' };
