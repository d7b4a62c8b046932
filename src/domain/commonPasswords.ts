/**
 * Published passwords (常见弱口令): the words at the heart of the most used passwords in the
 * breach lists (NCSC's top 100,000, SecLists' 10k-most-common, the Chinese CSDN and 12306 leaks),
 * lower-cased. Policy-sized variants of them — `Password123!`, `P@ssw0rd2026`, `Admin@12345` —
 * are just as well known, so the policy compares a password's core (digits and symbols trimmed
 * from both ends, common letter substitutions undone) with these words.
 */
export const COMMON_PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwort', 'pass', 'passwd', 'pwd', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'tester', 'demo', 'login',
  'welcome', 'letmein', 'changeme', 'default', 'secret', 'master', 'access', 'trustno', 'iloveyou', 'loveyou', 'love', 'hello', 'hellokitty',
  'monkey', 'dragon', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'superman', 'batman', 'starwars', 'pokemon',
  'michael', 'jennifer', 'jordan', 'charlie', 'freedom', 'whatever', 'computer', 'internet', 'qwerty', 'qwertyuiop', 'qwertyui', 'qwer', 'asdf',
  'asdfgh', 'asdfghjkl', 'zxcvbnm', 'zxcvbn', 'qazwsx', 'qazwsxedc', 'qwe', 'qweasd', 'qweasdzxc', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg',
  'woaini', 'aini', 'wangyut', 'wodemima', 'mima', 'zhang', 'wang', 'china', 'beijing', 'shanghai', 'changsha', 'hunan',
  'starcity', 'company', 'office', 'system', 'server', 'database', 'oracle', 'mysql', 'postgres', 'summer', 'winter', 'spring', 'autumn',
]);

/** Whole passwords from the same lists that keep their digits inside (keyboard walks, number phrases). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1qaz2wsx', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsx', 'zaq12wsxcde3', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5',
  'q1w2e3r4t5y6', 'a1b2c3d4e5', 'qwer1234', 'asdf1234', 'abcd1234', 'abc123456', 'a123456789', 'woaini1314', '5201314520', 'aa123456789',
]);
