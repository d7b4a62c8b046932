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
  unlock: { zh: '解除锁定', en: 'Unlocked' },
  revoke: { zh: '吊销', en: 'Revoked' },
  cascade: { zh: '目标分解', en: 'Cascaded to districts' },
  seed: { zh: '载入演示数据', en: 'Demo data loaded' },
  backup: { zh: '备份数据库', en: 'Database backed up' },
};

export const auditActionLabel = (action: string): Message => auditActionLabels[action] ?? { zh: action, en: action };

/** What a chain break means, for the verification report. */
export const chainBreakMessages: Readonly<Record<'gap' | 'prev_hash' | 'hash', Message>> = {
  gap: { zh: '编号不连续：前面有条目被删除或插入', en: 'The numbering skips: an entry before it was removed or inserted' },
  prev_hash: { zh: '与前一条目的哈希不衔接：前一条目被改动、删除或替换', en: 'It does not chain to the entry before: that entry was changed, removed or replaced' },
  hash: { zh: '内容与哈希不符：该条目被改动', en: 'Its content does not match its hash: the entry was changed' },
};
