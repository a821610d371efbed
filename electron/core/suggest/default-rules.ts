/**
 * The rule set a project starts with, for the default codebook's three codes (成效 achievement,
 * 问题 problem, 建议 recommendation). Written in Simplified; matching is script-normalised, so
 * they apply to Traditional text too. Tuned on the gold file of the sample corpus
 * (tests/fixtures/suggest/gold.jsonl, see docs/suggest.md). Users edit them per project.
 *
 * Weights: a sentence is suggested when one code's score reaches the threshold (1 by default);
 * strong cues weigh 1–2, weak ones below 1 so that two are needed; negative weights veto.
 */
export type DefaultCode = 'achievement' | 'problem' | 'recommendation';

/** Root code names (normalised) that each default category maps to. */
export const CATEGORY_NAMES: Readonly<Record<DefaultCode, readonly string[]>> = {
  achievement: ['成效', 'achievement', 'achievements'],
  problem: ['问题', 'problem', 'problems'],
  recommendation: ['建议', 'recommendation', 'recommendations'],
};

type R = readonly [pattern: string, weight: number];

// prettier-ignore
const HEADING: Readonly<Record<DefaultCode, readonly R[]>> = {
  achievement: [
    ['成效', 2], ['成绩', 2], ['成果', 1.5], ['工作回顾', 1.5], ['进展', 1.5], ['亮点', 1.5],
    ['取得', 1], ['经验', 1], ['主要做法', 1], ['工作开展情况', 1.5], ['基本情况', 1],
  ],
  problem: [
    ['问题', 2], ['不足', 2], ['困难', 2], ['短板', 1.5], ['挑战', 1.5], ['差距', 1.5],
    ['瓶颈', 1.5], ['矛盾', 1], ['风险', 1], ['原因', 1],
  ],
  recommendation: [
    ['建议', 2], ['对策', 2], ['措施', 1.5], ['思路', 1.5], ['下一步', 2], ['打算', 1.5],
    ['意见', 1], ['路径', 1], ['工作重点', 1.5], ['举措', 1.5], ['要求', 1], ['展望', 1.5],
    ['解决…问题', 1], ['努力方向', 1.5],
  ],
};

// prettier-ignore
const CUE: Readonly<Record<DefaultCode, readonly R[]>> = {
  achievement: [
    ['取得…成效', 1.5], ['取得…成绩', 1.5], ['取得…进展', 1.5], ['取得…成果', 1.5],
    ['成效明显', 1.5], ['成效显著', 1.5], ['明显增强', 1], ['明显提升', 1], ['显著提升', 1],
    ['明显改善', 1], ['显著改善', 1], ['大幅', 0.6], ['得到…提升', 1], ['得到…改善', 1],
    ['得到…加强', 1], ['得到…提高', 1], ['同比增长', 1], ['增长', 0.5], ['累计', 0.7],
    ['实现了', 1], ['完成了', 1], ['加强了', 0.8], ['推进了', 0.8], ['开展了', 0.8],
    ['建立了', 0.8], ['提高了', 0.8], ['提升了', 0.8], ['出台了', 0.8], ['制定了', 0.8],
    ['形成了', 0.8], ['荣获', 1], ['获评', 1], ['被评为', 1], ['初步建立', 0.7], ['已经', 0.5],
    ['圆满完成', 1.2], ['顺利完成', 1.2], ['全面完成', 1], ['有效遏制', 1], ['位居', 0.8],
    ['首次', 0.5], ['率先', 0.5], ['万元', 0.4], ['亿元', 0.4], ['%', 0.3],
    ['进展…顺利', 1.2], ['效果…明显', 1.2], ['得到…化解', 1], ['已…出台', 0.8], ['都已', 0.8],
    ['进行了', 0.6], ['召开了', 0.8], ['成立了', 0.8], ['组织了', 0.8],
  ],
  problem: [
    ['存在…问题', 1.5], ['问题', 0.6], ['不够', 1], ['不足', 1], ['不强', 1], ['不高', 1],
    ['不到位', 1.2], ['不完善', 1], ['不健全', 1], ['不平衡', 1], ['不充分', 1], ['不明显', 1],
    ['滞后', 1], ['薄弱', 1], ['短板', 1], ['困难', 0.8], ['压力较大', 1.2], ['压力大', 1],
    ['难以', 1], ['仍然', 0.5], ['依然', 0.5], ['还比较', 0.8], ['有待', 1], ['欠缺', 1],
    ['缺乏', 1], ['偏低', 1], ['偏弱', 1], ['隐患', 1], ['风险', 0.4], ['矛盾', 0.6],
    ['瓶颈', 1], ['制约', 0.8], ['差距', 0.8], ['乏力', 1], ['亟待', 0.8], ['尚未', 1],
    ['形式主义', 1], ['官僚主义', 1], ['不作为', 1], ['弱化', 0.8], ['较弱', 1], ['较低', 1],
    ['不规范', 1], ['不严', 1], ['不实', 1], ['不一', 0.6], ['缺位', 1], ['错位', 0.8],
    ['还没', 0.8], ['没有到位', 1], ['不顺畅', 1], ['不畅', 1], ['不适应', 1], ['不能适应', 1],
    ['不彻底', 1], ['不便', 0.8], ['不敢', 0.8], ['担心', 0.8], ['不及时', 1], ['落后', 1],
    ['不熟悉', 1], ['不掌握', 1], ['不解渴', 1], ['等靠', 1],
    ['解决…问题', -1], ['防止', -0.5], ['避免', -0.5],
  ],
  recommendation: [
    ['^建议', 1.5], ['建议', 1], ['^要', 1.2], ['^应', 1], ['应当', 1], ['应该', 1], ['必须', 1.2],
    ['进一步', 1], ['加快', 0.8], ['加大', 0.8], ['加强', 0.6], ['强化', 0.6], ['推进', 0.5],
    ['推动', 0.5], ['完善', 0.4], ['健全', 0.5], ['着力', 0.8], ['切实', 0.8], ['务必', 1],
    ['需要', 0.6], ['亟需', 1], ['坚持', 0.5], ['下一步', 1.2], ['将继续', 1.2], ['我们将', 1],
    ['持续', 0.4], ['确保', 0.6], ['努力', 0.5], ['力争', 1], ['不断', 0.4], ['注重', 0.5],
    ['优化', 0.4], ['解决…问题', 1], ['防止', 0.5], ['避免', 0.5], ['^把', 0.6], ['^以', 0.4],
    // 要 as a modal before a verb (plain 要 is too common: 主要, 重要, 需要, 要求).
    ...[
      '要加', '要进', '要认真', '要切实', '要尽快', '要主动', '要抓', '要坚', '要把', '要积极', '要做',
      '要注意', '要了解', '要组织', '要真正', '要重点', '要按照', '要以', '要结合', '要严格', '要科学',
      '要充分', '要不断', '要继续', '要深入', '要全面', '要着力', '要推', '要强化', '要提高', '要建立',
      '要健全', '要完善', '要落实', '要确保', '要增强', '要树立', '要善于', '要敢于', '要勇于', '要始终',
      '要牢固', '要及时', '要大力', '要紧紧', '要围绕', '要立足', '要统筹', '要注重',
    ].map((p): R => [p, 1]),
    // A sentence that opens with a verb of action is a measure (一是加强… / 首先，完善…).
    ...['^加强', '^强化', '^加大', '^完善', '^健全', '^建立健全', '^优化', '^推进', '^推动', '^加快', '^深化', '^注重', '^坚持', '^切实', '^抓好', '^做好', '^提高', '^提升'].map(
      (p): R => [p, 1],
    ),
    ['也应', 1], ['应把', 1], ['应组织', 1], ['一定要', 1.2], ['希望', 0.8], ['尽快', 0.8],
  ],
};

export interface DefaultRule {
  code: DefaultCode;
  kind: 'cue' | 'heading';
  pattern: string;
  weight: number;
}

export const DEFAULT_RULES: readonly DefaultRule[] = (
  ['achievement', 'problem', 'recommendation'] as const
).flatMap((code) => [
  ...HEADING[code].map(([pattern, weight]) => ({ code, kind: 'heading' as const, pattern, weight })),
  ...CUE[code].map(([pattern, weight]) => ({ code, kind: 'cue' as const, pattern, weight })),
]);
