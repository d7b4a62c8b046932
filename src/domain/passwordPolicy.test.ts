import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword } from './passwordPolicy.js';

const codes = (password: string, username = 'zhangsan') => checkPassword(password, username).map((v) => v.code);

describe('password policy', () => {
  it('accepts 10+ characters of at least 3 classes', () => {
    expect(codes('Abcdefgh1!')).toEqual([]);
    expect(codes('abcdefgh1!')).toEqual([]);
    expect(codes('ABCDEFGH12a')).toEqual([]);
  });

  it('refuses fewer than 10 characters', () => {
    expect(codes('Abcdef1!')).toEqual(['password.too_short']);
  });

  it('refuses fewer than 3 classes below 16 characters, accepts a 16-character passphrase of any classes', () => {
    expect(codes('abcdefghijk1')).toEqual(['password.too_simple']);
    expect(codes('correcthorsebattery')).toEqual([]);
    expect(codes('lanternquietriv')).toEqual(['password.too_simple']);
    expect(codes('lanternquietrive')).toEqual([]);
  });

  it('refuses the username, in any case or reversed', () => {
    expect(codes('Zhang.San-2025', 'zhang.san-2025')).toEqual(['password.is_username']);
    expect(codes('5202-naS.gnahZ', 'zhang.san-2025')).toEqual(['password.is_username']);
  });

  it('counts characters, not bytes, and treats Chinese as other characters', () => {
    expect(characterClasses('星城abc')).toBe(2);
    expect(codes('星城研发中心2025ab')).toEqual([]);
    expect(codes('星城研发中心城市')).toEqual(['password.too_short', 'password.too_simple']);
  });

  it('gives every problem in both languages, with its parameters', () => {
    const [v] = checkPassword('short', 'x');
    expect(v).toMatchObject({ code: 'password.too_short', params: { min: 10, length: 5 } });
    expect(v!.message.zh).toContain('10');
    expect(v!.message.en).toContain('10');
  });

  it('refuses more than 256 characters', () => {
    expect(codes('Aa1!bB2@'.repeat(33))).toEqual(['password.too_long']);
  });

  it('refuses published passwords, with digits and symbols around them or letters swapped for look-alikes', () => {
    for (const p of ['Password123!', 'P@ssw0rd2026', '2026!Admin@', 'Qwerty123456!', 'Woaini1314!!', 'StarCity2026!', '1qaz2wsx3edc', '1Q2W3E4R5T6Y']) expect(codes(p), p).toContain('password.common');
    expect(codes('Lantern-Quiet-7')).toEqual([]);
  });

  it('refuses trivial passwords: few different characters, or runs up or down', () => {
    for (const p of ['aaaaaaaaaaaaaaaaaaaa', 'ababababababababab', '1234567890123456', 'abcdefghijklmnopqr', 'zyxwvutsrqponmlkji', 'Aa1!Aa1!Aa1!']) expect(codes(p), p).toContain('password.common');
  });
});
