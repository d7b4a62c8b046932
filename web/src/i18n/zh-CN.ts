import { zhCNCore } from './zh-CN/core';
import { zhCNPages } from './zh-CN/pages';

/**
 * 简体中文 — the default language, whole: the type of every text. en.ts must have exactly these
 * keys (the type and resources.test.ts both check it). The app loads the two parts apart (index.ts):
 * the first page needs only the core. Code values (districts, kinds…) are not here: they are
 * labelled from /api/v1/meta so the UI and the API name them the same way.
 */
export const zhCN = { ...zhCNCore, ...zhCNPages };
