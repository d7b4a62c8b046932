import { loadAchievementCodes } from '../../config.js';
import type { AchievementCodes } from '../../domain/achievement.js';

let loaded: AchievementCodes | undefined;

/** Programmes and achievement types, read and checked once per process (config/market/). */
export function achievementCodes(): AchievementCodes {
  loaded ??= loadAchievementCodes();
  return loaded;
}
