import { describe, expect, it } from 'vitest';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import { actionButtons, unmetText } from './actionButtons';

const l = (zh: string) => ({ zh, en: zh });
const path: WorkflowPath = {
  code: 'standard',
  initial: 'draft',
  states: [
    { code: 'draft', label: l('草稿') },
    { code: 'submitted', label: l('已提交') },
    { code: 'formal_check', label: l('形式审查') },
    { code: 'returned', label: l('退回修改') },
    { code: 'expert_review', label: l('专家评审') },
    { code: 'rejected', label: l('未通过'), terminal: true },
    { code: 'withdrawn', label: l('已撤回'), terminal: true },
  ],
  transitions: [
    { action: 'submit', label: l('提交'), from: ['draft', 'returned'], to: 'submitted', by: ['applicant'], requires: ['form_complete', 'checklist_complete'] },
    { action: 'return', label: l('退回修改'), from: ['formal_check'], to: 'returned', by: ['officer'], requires: ['reason_given'] },
    { action: 'pass_check', label: l('通过'), from: ['formal_check'], to: 'expert_review', by: ['officer'], requires: ['experts_drawn'] },
    { action: 'reject', label: l('不予通过'), from: ['formal_check'], to: 'rejected', by: ['officer'], requires: ['reason_given'] },
    { action: 'withdraw', label: l('撤回申请'), from: ['draft', 'formal_check'], to: 'withdrawn', by: ['applicant'] },
  ],
};
const unmet = (requirement: string) => ({ requirement, message: l(requirement) });

describe('action buttons', () => {
  it('puts forward steps first and endings last, asking a reason or a confirmation where due', () => {
    const buttons = actionButtons(
      [
        { action: 'reject', label: l('不予通过'), to: 'rejected', unmet: [] },
        { action: 'return', label: l('退回修改'), to: 'returned', unmet: [] },
        { action: 'pass_check', label: l('通过'), to: 'expert_review', unmet: [unmet('experts_drawn')] },
        { action: 'withdraw', label: l('撤回申请'), to: 'withdrawn', unmet: [] },
      ],
      path,
    );
    expect(buttons.map((b) => [b.action, b.tone, b.needsReason, b.confirm])).toEqual([
      ['pass_check', 'primary', false, false],
      ['return', 'default', true, false],
      ['reject', 'danger', true, false],
      ['withdraw', 'danger', false, true],
    ]);
    expect(buttons[0]!.unmet).toEqual([l('experts_drawn')]);
  });

  it('registers a contract as a decision for it (confirmed), and refuses with a reason chosen from the list', () => {
    const registration: WorkflowPath = {
      code: 'contract_registration',
      initial: 'draft',
      states: [
        { code: 'registration_check', label: l('认定审查中') },
        { code: 'registered', label: l('已登记'), terminal: true },
        { code: 'not_registered', label: l('不予登记'), terminal: true },
      ],
      transitions: [
        { action: 'register', label: l('准予登记'), from: ['registration_check'], to: 'registered', by: ['officer'] },
        { action: 'refuse_registration', label: l('不予登记'), from: ['registration_check'], to: 'not_registered', by: ['officer'], requires: ['reason_code_given'], reasonCodes: 'not_registered_reasons' },
      ],
    };
    const reasons = [{ code: 'terms_unclear', label: l('约定不明确') }];
    const buttons = actionButtons(
      [
        { action: 'refuse_registration', label: l('不予登记'), to: 'not_registered', unmet: [], reason_codes: reasons },
        { action: 'register', label: l('准予登记'), to: 'registered', unmet: [] },
      ],
      registration,
    );
    expect(buttons.map((b) => [b.action, b.tone, b.needsReason, b.reasonText, b.confirm])).toEqual([
      ['register', 'primary', false, false, true],
      ['refuse_registration', 'danger', true, false, false],
    ]);
    expect(buttons[1]!.reasonCodes).toEqual(reasons);
  });

  it('does not hold submit back for a form completed on the page but not saved yet', () => {
    const submit = { action: 'submit', label: l('提交'), to: 'submitted', unmet: [unmet('form_complete'), unmet('checklist_complete')] };
    expect(actionButtons([submit], path)[0]!.unmet).toEqual([l('form_complete'), l('checklist_complete')]);
    expect(actionButtons([submit], path, { formComplete: true })[0]!).toMatchObject({ unmet: [l('checklist_complete')], savesForm: true });
  });

  it('still offers the actions while the path is not loaded', () => {
    expect(actionButtons([{ action: 'submit', label: l('提交'), to: 'submitted', unmet: [] }], undefined)).toMatchObject([{ action: 'submit', tone: 'primary', needsReason: false }]);
  });

  it('lists unmet requirements one per line in the UI language', () => {
    expect(unmetText([{ zh: '甲', en: 'A' }, { zh: '乙', en: 'B' }], 'en')).toBe('A\nB');
  });
});
