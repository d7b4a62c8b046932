import { enCore } from './en/core';
import { enPages } from './en/pages';
import type { zhCN } from './zh-CN';

/** English, whole. The types make a missing or extra key a compile error. */
export const en: typeof zhCN = { ...enCore, ...enPages };
