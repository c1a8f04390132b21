import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { COMMITMENT_KINDS } from '../../shared/sla/commitments';
import { initI18n, type MessageKey } from '../../renderer/src/i18n';

/**
 * Compile-time half of this file: `npm run typecheck` compiles it with the renderer, and each
 * `@ts-expect-error` below fails the build the day its line stops being an error, i.e. the day `t()`
 * accepts keys that are not in shared/locales/en.ts again (renderer/src/i18n/i18next.d.ts).
 */
export function callsThatDoNotCompile(t: TFunction, text: string): string[] {
  return [
    // @ts-expect-error a key that is not in the message tree
    t('app.noSuchKey'),
    // @ts-expect-error a key that misses its last part
    t('kpi.metrics'),
    // @ts-expect-error any string is not a key
    t(text),
    // @ts-expect-error a key built from a plain string is not known to exist
    t(`kpi.metrics.${text}`),
    // @ts-expect-error a default value does not make a missing key acceptable (strictKeyChecks)
    t(`kpi.metrics.${text}`, { defaultValue: text }),
    // @ts-expect-error the message has a {{field}} placeholder: the call must fill it (strictInterpolationChecks)
    t('common.required'),
  ];
}

/** Keys built from an `as const` tuple are checked one by one; this line compiles because each exists. */
export function kindLabels(t: TFunction): string[] {
  return COMMITMENT_KINDS.map((kind) => t(`sla.kinds.${kind}`));
}

describe('message keys', () => {
  it('translates keys built from a tuple in both languages (none falls back to the key itself)', () => {
    for (const language of ['en', 'ja'] as const) {
      const i18n = initI18n(language);
      const labels = kindLabels(i18n.t);
      expect(labels).toHaveLength(COMMITMENT_KINDS.length);
      for (const label of labels) expect(label).not.toMatch(/^sla\.kinds\./);
    }
    expect(initI18n('ja').t('sla.kinds.volume')).toBe('リード件数');
  });

  it('a MessageKey is a plain string at run time', () => {
    const key: MessageKey = 'common.save';
    expect(initI18n('en').t(key)).toBe('Save');
  });
});
