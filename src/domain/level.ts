import { codesOf, type CodeList } from './message.js';

/** Administrative level at which an institution or platform is recognized (级别). */
export const recognitionLevels = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  none: { zh: '无', en: 'None' },
} as const satisfies CodeList<string>;
export type RecognitionLevel = keyof typeof recognitionLevels;
export const recognitionLevelCodes = codesOf(recognitionLevels);
