import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from './commonPasswords.js';
import { violation, type RuleViolation } from './message.js';

/**
 * The password policy (密码策略), the same for every account and every entry point (API, CLI):
 * - at least 10 characters;
 * - not the username (nor the username reversed), compared case-insensitively;
 * - at least 3 of the 4 character classes (lower case, upper case, digits, other characters),
 *   unless it is 16 characters or longer (a passphrase);
 * - at most 256 characters (argon2 hashes anything, but nobody types more);
 * - not a published password (`Password123!`, `1qaz2wsx3edc`) nor a trivial one: a few characters
 *   repeated, or a run such as `1234567890123456` or `abcdefghijklmnop`.
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
  // A short one is refused already; saying it is also common adds nothing.
  if (length >= PASSWORD_MIN_LENGTH && (isPublished(lower) || isTrivial(password)))
    problems.push(violation('password.common', '密码过于常见或简单（如 Password123!、连续或重复的字符），容易被猜中', 'The password is a well-known or trivial one (like Password123!, or runs and repeats of characters), easy to guess'));
  return problems;
}

/** Substitutions people make to pass a policy, undone: p@ssw0rd → password. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

function isPublished(lower: string): boolean {
  if (COMMON_PASSWORDS.has(lower)) return true;
  const core = lower.replace(/^[\p{Nd}\p{P}\p{S}\s]+|[\p{Nd}\p{P}\p{S}\s]+$/gu, '');
  const undone = [...core].map((c) => LEET[c] ?? c).join('');
  return COMMON_PASSWORD_WORDS.has(core) || COMMON_PASSWORD_WORDS.has(undone);
}

/** Fewer than 5 different characters, or every character one step from the one before (9 → 0 too). */
function isTrivial(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size < 5) return true;
  const steps = chars.slice(1).map((c, i) => (c === '0' && chars[i] === '9' ? 1 : c.codePointAt(0)! - chars[i]!.codePointAt(0)!));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}
