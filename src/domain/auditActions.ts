import type { Message } from './message.js';

/** What an audit log entry records (审计动作), with its name in both languages; the server and the web UI share these. */
export const auditActionLabels: Readonly<Record<string, Message>> = {
  create: { zh: '新增', en: 'Created' },
  update: { zh: '修改', en: 'Changed' },
  update_password_set: { zh: '修改（重设密码）', en: 'Changed (password reset)' },
  delete: { zh: '删除', en: 'Deleted' },
  import_start: { zh: '开始导入', en: 'Import started' },
  import: { zh: '导入完成', en: 'Import finished' },
  sign_in: { zh: '登录', en: 'Signed in' },
  sign_in_failed: { zh: '登录失败', en: 'Sign-in failed' },
  sign_out: { zh: '退出登录', en: 'Signed out' },
  password_change: { zh: '修改本人密码', en: 'Changed own password' },
  password_change_failed: { zh: '修改本人密码失败（当前密码错误）', en: 'Own password change failed (wrong current password)' },
  unlock: { zh: '解除锁定', en: 'Unlocked' },
  revoke: { zh: '吊销', en: 'Revoked' },
  cascade: { zh: '目标分解', en: 'Cascaded to districts' },
  seed: { zh: '载入演示数据', en: 'Demo data loaded' },
  // A filing's steps (备案流程), as its workflow and its step functions name them.
  submit: { zh: '提交申请', en: 'Application submitted' },
  withdraw: { zh: '撤回申请', en: 'Application withdrawn' },
  start_check: { zh: '受理并开始审查', en: 'Accepted for checking' },
  pass_check: { zh: '形式审查通过', en: 'Passed the formal check' },
  return: { zh: '退回修改', en: 'Returned for revision' },
  reject: { zh: '不予通过', en: 'Rejected' },
  open_notice: { zh: '开始公示', en: 'Public notice opened' },
  file: { zh: '备案入库', en: 'Filed into the registry' },
  register: { zh: '准予登记（技术合同）', en: 'Registered (technology contract)' },
  refuse_registration: { zh: '不予登记（技术合同）', en: 'Not registered (technology contract)' },
  experts_drawn: { zh: '抽取评审专家', en: 'Experts drawn' },
  review_submitted: { zh: '专家提交评分', en: 'Expert score submitted' },
  objection_lodged: { zh: '提出异议', en: 'Objection lodged' },
  objection_resolved: { zh: '处理异议', en: 'Objection resolved' },
  evaluated: { zh: '年度评估', en: 'Annual evaluation recorded' },
  attachment_added: { zh: '上传材料', en: 'Document uploaded' },
  attachment_removed: { zh: '删除材料', en: 'Document removed' },
  backup: { zh: '备份数据库', en: 'Database backed up' },
  // An IP-backed loan's steps (知识产权质押贷款流程).
  ip_loan_approved: { zh: '贷款审批通过', en: 'Loan approved' },
  ip_loan_disbursed: { zh: '贷款放款', en: 'Loan disbursed' },
  ip_loan_repaid: { zh: '贷款结清', en: 'Loan repaid' },
  ip_loan_overdue: { zh: '贷款逾期', en: 'Loan overdue' },
  ip_loan_compensated: { zh: '贷款损失代偿', en: 'Loan loss compensated' },
};

export const auditActionLabel = (action: string): Message => auditActionLabels[action] ?? { zh: action, en: action };

/** What a chain break means, for the verification report. */
export const chainBreakMessages: Readonly<Record<'gap' | 'prev_hash' | 'hash', Message>> = {
  gap: { zh: '编号不连续：前面有条目被删除或插入', en: 'The numbering skips: an entry before it was removed or inserted' },
  prev_hash: { zh: '与前一条目的哈希不衔接：前一条目被改动、删除或替换', en: 'It does not chain to the entry before: that entry was changed, removed or replaced' },
  hash: { zh: '内容与哈希不符：该条目被改动', en: 'Its content does not match its hash: the entry was changed' },
};
