import { orgCodeCheckCharacter, usccCheckCharacter } from '../../src/domain/uscc.js';

/** `n` organizations with valid credit codes, as a district office's CSV. */
export function organizationsCsv(n: number): string {
  const lines = ['uscc,name,kind,district_code,founded_on,address'];
  for (let i = 1; i <= n; i++) {
    const org = String(i).padStart(8, '0');
    const first17 = `91430100${org}${orgCodeCheckCharacter(org)}`;
    lines.push(`${first17}${usccCheckCharacter(first17)},测试主体${i},enterprise,430104,2015-03-01,"长沙市某路${i}号, 2 栋"`);
  }
  return `${lines.join('\n')}\n`;
}
