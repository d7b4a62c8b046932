import { describe, expect, it } from 'vitest';
import { decodeUscc, normalizeUscc, orgCodeCheckCharacter, usccCheckCharacter, validateUscc } from './uscc.js';

/** An independent re-statement of GB 32100 to cross-check the module (weights 3^(i−1) mod 31). */
function referenceCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0n;
  for (let i = 0; i < 17; i++) sum += BigInt(alphabet.indexOf(first17.charAt(i))) * (3n ** BigInt(i) % 31n);
  return alphabet.charAt((31 - Number(sum % 31n)) % 31);
}

describe('normalizeUscc', () => {
  it('trims, removes inner spaces of every kind and upper-cases', () => {
    expect(normalizeUscc('  9144 0300\t1922\u3000038216 ')).toBe('914403001922038216');
    expect(normalizeUscc('91110000600037341l')).toBe('91110000600037341L');
  });
  it('maps full-width digits and letters to ASCII', () => {
    expect(normalizeUscc('９１１１００００６０００３７３４１Ｌ')).toBe('91110000600037341L');
    expect(normalizeUscc('９１３５０１００ｍ０００１００ｙ４３')).toBe('91350100M000100Y43');
  });
});

describe('usccCheckCharacter', () => {
  it.each([
    ['914403001922038216', '6'],
    ['91110000600037341L', 'L'],
    ['121200004013590816', '6'],
    ['91350100M000100Y43', '3'],
  ])('computes the check character of %s as %s', (code, expected) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(expected);
  });
  it('maps 31 to 0', () => {
    // Σ C_i·W_i = 403 = 13·31, so 31 − 0 = 31 → 0.
    expect(usccCheckCharacter('91430100100000841')).toBe('0');
  });
  it('agrees with an independent computation', () => {
    for (const first17 of ['91430100MA4L00003', '52430103183887133', 'Y1430100MA4P1111X', '12430000071778389']) {
      expect(usccCheckCharacter(first17)).toBe(referenceCheck(first17));
    }
  });
  it('returns null for characters outside the alphabet or a wrong length', () => {
    expect(usccCheckCharacter('9111000060003IOZS')).toBeNull();
    expect(usccCheckCharacter('9i110000600037341')).toBeNull();
    expect(usccCheckCharacter('9111000060003734')).toBeNull();
  });
});

describe('orgCodeCheckCharacter (GB 11714)', () => {
  it.each([
    ['19220382', '1'],
    ['M000100Y', '4'],
    ['MA4P1111', 'X'],
    ['20000091', '0'],
  ])('computes %s → %s', (first8, expected) => {
    expect(orgCodeCheckCharacter(first8)).toBe(expected);
  });
});

describe('validateUscc', () => {
  it.each(['914403001922038216', '91110000600037341L', '121200004013590816', '91350100M000100Y43'])(
    'accepts the published valid code %s without warnings',
    (code) => {
      expect(validateUscc(code)).toEqual({ normalized: code, violations: [], warnings: [] });
    },
  );

  it.each([
    '91430100MA4L00003Q',
    '524301031838871332',
    'Y1430100MA4P1111X1',
    '12430000071778389U',
    '914301001000008410',
    '91430100200000910T',
  ])('accepts the computed valid code %s', (code) => {
    expect(validateUscc(code)).toEqual({ normalized: code, violations: [], warnings: [] });
  });

  it('accepts a lower-case, spaced input after normalising it', () => {
    const result = validateUscc(' 91350100 m000100 y43 ');
    expect(result).toEqual({ normalized: '91350100M000100Y43', violations: [], warnings: [] });
  });

  it('accepts a full-width input after normalising it', () => {
    expect(validateUscc('９１１１００００６０００３７３４１Ｌ').violations).toEqual([]);
  });

  it('names the expected check character 3 for 91350100M000100Y4Z', () => {
    const { violations, warnings } = validateUscc('91350100M000100Y4Z');
    expect(violations).toEqual([
      {
        code: 'uscc.checksum',
        message: {
          zh: '统一社会信用代码校验位应为 3，实为 Z',
          en: 'Unified social credit code: check character should be 3, not Z',
        },
        params: { expected: '3', actual: 'Z' },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('names the expected check character L for 91110000600037341N', () => {
    const [problem] = validateUscc('91110000600037341N').violations;
    expect(problem?.code).toBe('uscc.checksum');
    expect(problem?.params).toEqual({ expected: 'L', actual: 'N' });
    expect(problem?.message.zh).toContain('校验位应为 L，实为 N');
    expect(problem?.message.en).toContain('check character should be L, not N');
  });

  it('lists the forbidden letters of 9111000060003IOZSV with their positions', () => {
    const { violations, warnings } = validateUscc('9111000060003IOZSV');
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: 'uscc.alphabet', params: { chars: 'IOZSV', positions: '14,15,16,17,18' } });
    expect(violations[0]?.message.zh).toContain('I、O、Z、S、V');
    expect(warnings).toEqual([]);
  });

  it('reports the length of 12345', () => {
    expect(validateUscc('12345').violations).toEqual([
      {
        code: 'uscc.length',
        message: { zh: '统一社会信用代码应为18位，实为5位', en: 'A unified social credit code has 18 characters, not 5' },
        params: { length: 5 },
      },
    ]);
  });

  it('reports length and alphabet together, and lists a repeated character once', () => {
    const { violations } = validateUscc('91-1100-0060');
    expect(violations.map((v) => v.code)).toEqual(['uscc.length', 'uscc.alphabet']);
    expect(violations[1]?.params).toEqual({ chars: '-', positions: '3,8' });
  });

  it('reports an empty input as a length problem', () => {
    expect(validateUscc('   ').violations).toMatchObject([{ code: 'uscc.length', params: { length: 0 } }]);
  });

  it('turns a checksum failure into a warning under the administrator override', () => {
    const { violations, warnings } = validateUscc('91350100M000100Y4Z', { allowChecksumOverride: true });
    expect(violations).toEqual([]);
    expect(warnings).toMatchObject([{ code: 'uscc.checksum_overridden', params: { expected: '3', actual: 'Z' } }]);
    expect(warnings[0]?.message.zh).toContain('校验位应为 3，实为 Z');
  });

  it('does not let the override excuse length or alphabet problems', () => {
    expect(validateUscc('12345', { allowChecksumOverride: true }).violations.map((v) => v.code)).toEqual(['uscc.length']);
    expect(validateUscc('9111000060003IOZSV', { allowChecksumOverride: true }).violations.map((v) => v.code)).toEqual([
      'uscc.alphabet',
    ]);
  });

  it('warns when the organisation code fails GB 11714 although the 18th character is right', () => {
    // Organisation code 18388713 has check digit 3; 9 is put in its place and the 18th recomputed.
    const code = '91430100183887139' + usccCheckCharacter('91430100183887139');
    expect(code).toBe('914301001838871398');
    const { violations, warnings } = validateUscc(code);
    expect(violations).toEqual([]);
    expect(warnings).toMatchObject([{ code: 'uscc.org_code_check', params: { expected: '3', actual: '9' } }]);
  });

  it('gives both the checksum violation and the organisation-code warning when both fail', () => {
    const { violations, warnings } = validateUscc('914301001838871391');
    expect(violations.map((v) => v.code)).toEqual(['uscc.checksum']);
    expect(warnings.map((v) => v.code)).toEqual(['uscc.org_code_check']);
  });

  it('writes every message in both languages', () => {
    const all = ['12345', '9111000060003IOZSV', '91350100M000100Y4Z', '914301001838871398'].flatMap((code) => {
      const { violations, warnings } = validateUscc(code, { allowChecksumOverride: code.endsWith('Z') });
      return [...violations, ...warnings];
    });
    expect(all).toHaveLength(4);
    for (const v of all) {
      expect(v.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(v.message.en).toMatch(/^[\x20-\x7e–]+$/);
    }
  });
});

describe('decodeUscc', () => {
  it('splits an enterprise code and labels its type', () => {
    expect(decodeUscc('914403001922038216')).toEqual({
      registeringAuthority: '9',
      organisationType: '1',
      typeLabel: { zh: '企业', en: 'Enterprise' },
      areaCode: '440300',
      organisationCode: '192203821',
    });
  });

  it.each([
    ['11', '机关'],
    ['12', '事业单位'],
    ['13', '群众团体'],
    ['19', '其他（机构编制）'],
    ['51', '社会团体'],
    ['52', '民办非企业单位'],
    ['53', '基金会'],
    ['59', '其他（民政）'],
    ['91', '企业'],
    ['92', '个体工商户'],
    ['93', '农民专业合作社'],
    ['Y1', '其他'],
  ])('decodes the agreed type %s as %s', (type, zh) => {
    expect(decodeUscc(`${type}4301001838871331`).typeLabel?.zh).toBe(zh);
  });

  it('accepts other type codes without a label', () => {
    const decoded = decodeUscc('31110000500000000X');
    expect(decoded.typeLabel).toBeNull();
    expect(decoded.registeringAuthority).toBe('3');
    expect(decoded.organisationType).toBe('1');
  });

  it('normalises before decoding', () => {
    expect(decodeUscc(' 91350100 m000100y43').organisationCode).toBe('M000100Y4');
  });
});
