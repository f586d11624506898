import type { ActorType, ClaimKind } from '@/lib/schema';
import type { Category } from '@/lib/categories';
import { t } from '@/lib/i18n';

export const CATEGORY_LABEL: Record<Category, () => string> = {
  person: () => t('typePerson'),
  organization: () => t('typeOrganization'),
  'armed-group': () => t('typeArmedGroup'),
  government: () => t('typeGovernment'),
  military: () => t('typeMilitary'),
  media: () => t('typeMedia'),
  country: () => t('typeCountry'),
  place: () => t('typePlace'),
  claim: () => t('typeClaim'),
  footnote: () => t('typeFootnote'),
};

/** One line on what each category highlights (options page). */
export const CATEGORY_HINT: Record<Category, () => string> = {
  person: () => t('hintPerson'),
  organization: () => t('hintOrganization'),
  'armed-group': () => t('hintArmedGroup'),
  government: () => t('hintGovernment'),
  military: () => t('hintMilitary'),
  media: () => t('hintMedia'),
  country: () => t('hintCountry'),
  place: () => t('hintPlace'),
  claim: () => t('hintClaim'),
  footnote: () => t('hintFootnote'),
};

export const KIND_LABEL: Record<ClaimKind, () => string> = {
  casualties: () => t('kindCasualties'),
  count: () => t('kindCount'),
  percent: () => t('kindPercent'),
  money: () => t('kindMoney'),
  measure: () => t('kindMeasure'),
  other: () => t('kindOther'),
};

export const typeLabel = (type: ActorType) => CATEGORY_LABEL[type]();
