import { violation, type RuleViolation } from './message.js';

/**
 * The password policy (密码策略), the same for every account and every entry point (API, CLI):
 * - at least 10 characters;
 * - not the username (nor the username reversed), compared case-insensitively;
 * - at least 3 of the 4 character classes (lower case, upper case, digits, other characters),
 *   unless it is 16 characters or longer (a passphrase);
 * - at most 256 characters (argon2 hashes anything, but nobody types more).
 * Characters are counted as Unicode code points, so a Chinese passphrase counts as typed.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSPHRASE_LENGTH = 16;
export const PASSWORD_MAX_LENGTH = 256;

export function characterClasses(password: string): number {
  let classes = 0;
  if (/\p{Ll}/u.test(password)) classes++;
  if (/\p{Lu}/u.test(password)) classes++;
  if (/\p{Nd}/u.test(password)) classes++;
  if (/[^\p{Ll}\p{Lu}\p{Nd}]/u.test(password)) classes++;
  return classes;
}

/** Every way the password breaks the policy (empty when it is acceptable). */
export function checkPassword(password: string, username: string): RuleViolation[] {
  const length = [...password].length;
  const problems: RuleViolation[] = [];
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(violation('password.too_short', `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, `A password has at least ${PASSWORD_MIN_LENGTH} characters`, { min: PASSWORD_MIN_LENGTH, length }));
  if (length > PASSWORD_MAX_LENGTH)
    problems.push(violation('password.too_long', `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`, `A password has at most ${PASSWORD_MAX_LENGTH} characters`, { max: PASSWORD_MAX_LENGTH, length }));
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && (lower === name || lower === [...name].reverse().join('')))
    problems.push(violation('password.is_username', '密码不能与用户名相同', 'The password must not be the username'));
  if (length < PASSPHRASE_LENGTH && characterClasses(password) < 3)
    problems.push(
      violation(
        'password.too_simple',
        `密码应包含小写字母、大写字母、数字、其他符号中的至少 3 类，或长度不少于 ${PASSPHRASE_LENGTH} 个字符`,
        `Use at least 3 of lower case, upper case, digits and other characters, or at least ${PASSPHRASE_LENGTH} characters`,
        { classes: characterClasses(password), min_classes: 3, passphrase_length: PASSPHRASE_LENGTH },
      ),
    );
  return problems;
}
