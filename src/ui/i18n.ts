// Every label the UI shows, one dictionary per language. Arabic is the reference: the English one
// must name the same keys (the type says so), so a label can never exist in one language only.
// Pure data and lookups, no DOM: the tests read it under node.

import type { Auxiliary, EntityType, FigureUnit, LinkVia, PloverType } from '../core/doc.ts';

export type Lang = 'ar' | 'en';
export const LANGS: readonly Lang[] = ['ar', 'en'];
export const DEFAULT_LANG: Lang = 'ar';

const ar = {
  appName: 'مرصد',
  appTagline: 'الأخبار العربية بيانات أحداث',
  skipToContent: 'انتقل إلى المحتوى',
  navHome: 'الرئيسية',
  navSearch: 'البحث',
  navEvents: 'الأحداث',
  navAnalyze: 'تحليل نص',
  navLabel: 'التنقل الرئيسي',
  switchLanguage: 'English',
  searchLabel: 'ابحث في المقالات',
  searchPlaceholder: 'ابحث… (اضغط / للتركيز)',
  searchButton: 'بحث',
  loading: 'جارٍ التحميل…',
  errorTitle: 'تعذّر تحميل البيانات',
  notFound: 'الصفحة غير موجودة',
  notFoundBody: 'لا توجد صفحة بهذا العنوان.',
  backHome: 'العودة إلى الرئيسية',
  none: 'لا شيء',
  unknown: 'غير معروف',

  statsTitle: 'محتوى قاعدة البيانات',
  statArticles: 'مقالات',
  statNearDuplicates: 'نسخ شبه مكررة',
  statEntities: 'كيانات',
  statProvisional: 'كيانات مؤقتة',
  statMentions: 'إشارات',
  statEvents: 'أحداث',
  statQuotes: 'اقتباسات',
  latestArticles: 'أحدث المقالات',
  noArticles: 'لا توجد مقالات مخزنة بعد.',
  untitled: '(بلا عنوان)',

  searchTitle: 'البحث',
  resultCount: '{n} نتيجة',
  noResults: 'لا نتائج تطابق البحث.',
  sortLabel: 'الترتيب',
  sortRelevance: 'الصلة',
  sortDate: 'التاريخ',
  facetsTitle: 'تصفية النتائج',
  facetsEstimated: 'أعداد تقديرية من عينة من النتائج',
  facetEntityType: 'نوع الكيان',
  facetEventType: 'نوع الحدث',
  facetSource: 'المصدر',
  facetCountry: 'الدولة',
  facetEntity: 'الكيان',
  activeFilters: 'المرشحات النشطة',
  removeFilter: 'إزالة المرشح: {name}',
  dateFrom: 'من تاريخ',
  dateTo: 'إلى تاريخ',
  apply: 'تطبيق',
  clearFilters: 'مسح المرشحات',
  previousPage: 'السابق',
  nextPage: 'التالي',
  pageRange: '{from}–{to} من {total}',
  pagination: 'التنقل بين الصفحات',

  articleSource: 'المصدر',
  articlePublished: 'تاريخ النشر',
  articleAdded: 'أضيف',
  articleOriginal: 'الرابط الأصلي',
  articleDuplicateOf: 'نسخة شبه مكررة من',
  articleText: 'نص المقال',
  mentionsLegend: 'أنواع الكيانات',
  panelTitle: 'ما استخرج من المقال',
  panelEvents: 'الأحداث',
  panelQuotes: 'الاقتباسات',
  panelFigures: 'الأرقام',
  showInText: 'أظهر في النص',
  highlighted: 'مظلل: {text}',
  notLinked: 'غير مربوط بكيان',
  speakerUnknown: 'متحدث غير معروف',
  confidence: 'الثقة',
  fatalities: 'قتلى',
  injured: 'جرحى',
  location: 'المكان',
  date: 'التاريخ',
  mode: 'النمط',

  entityTitle: 'الكيان',
  entityNameAr: 'الاسم العربي',
  entityNameEn: 'الاسم الإنجليزي',
  entityType: 'النوع',
  entityKind: 'الصنف',
  entityCountry: 'الدولة',
  entityCoordinates: 'الإحداثيات',
  entityProvisional: 'كيان مؤقت (غير موجود في قاعدة المعرفة)',
  entityCounts: '{mentions} إشارة في {articles} مقالة',
  variantsTitle: 'الصيغ المكتوبة',
  timelineTitle: 'الإشارات عبر الزمن',
  timelineLabel: 'عدد الإشارات في كل يوم',
  recentMentions: 'أحدث الإشارات',
  entityEventsActor: 'أحداث هو فاعلها',
  entityEventsRecipient: 'أحداث موجهة إليه',
  cooccurrenceTitle: 'كيانات تظهر معه',
  cooccurrenceLabel: 'شبكة الكيانات التي تشاركه المقالات؛ سمك الخط بعدد المقالات المشتركة',
  sharedArticles: '{n} مقالة مشتركة',
  noData: 'لا بيانات.',
  showTable: 'اعرض البيانات جدولاً',
  dayColumn: 'اليوم',
  valueColumn: 'القيمة',

  eventsTitle: 'مستكشف الأحداث',
  filtersTitle: 'المرشحات',
  filterType: 'نوع الحدث',
  anyType: 'كل الأنواع',
  filterActor: 'الفاعل',
  filterRecipient: 'المتلقي',
  filterCountry: 'الدولة',
  entityIdHint: 'معرّف كيان؛ اكتب اسماً لترى المعرّفات المطابقة',
  eventsList: 'الأحداث',
  eventCount: '{n} حدث',
  seriesTitle: 'مؤشر PLOVER عبر الزمن',
  seriesLabel: 'مجموع شدة الأحداث في كل يوم، من −10 (صراع) إلى +10 (تعاون) للحدث',
  dyadsTitle: 'أزواج الدول',
  dyadActor: 'دولة الفاعل',
  dyadRecipient: 'دولة المتلقي',
  dyadEvents: 'الأحداث',
  dyadIntensity: 'الشدة',
  dyadTypes: 'الأنواع',
  sortBy: 'رتّب حسب {column}',
  mapTitle: 'خريطة أماكن الأحداث',
  mapLabel: 'خريطة العالم؛ حجم الدائرة بعدد الأحداث في المكان',
  mapUnplaced: '{n} مكان بلا إحداثيات',
  mapCircle: '{name}: {n} حدث',
  exportTitle: 'تصدير',
  exportPlover: 'PLOVER JSON',
  exportTsv: 'TSV',
  exportCsv: 'CSV',
  article: 'المقال',

  analyzeTitle: 'تحليل نص',
  analyzeIntro: 'الصق نص خبر عربي لترى ما يستخرجه مرصد منه. لا يُخزَّن النص.',
  analyzeText: 'النص',
  analyzeTitleField: 'العنوان (اختياري)',
  analyzeDate: 'تاريخ النشر (اختياري)',
  analyzeButton: 'حلّل',

  typePER: 'شخص',
  typeORG: 'منظمة',
  typeLOC: 'مكان',
  typeMISC: 'أخرى',

  viaName: 'بالاسم',
  viaAlias: 'باسم بديل أو تهجئة أخرى',
  viaDemonym: 'بصفة النسبة',
  viaMetonym: 'بالعاصمة عن الدولة',
  viaRole: 'بالمنصب',
  viaCoref: 'بالإحالة داخل المقال',

  auxFuture: 'مستقبلي',
  auxNegated: 'منفي',
  auxHistorical: 'سابق',
  auxHypothetical: 'افتراضي',

  quoteDirect: 'مباشر',
  quoteReported: 'منقول',

  unitMoney: 'مال',
  unitPeople: 'أشخاص',
  unitPercent: 'نسبة مئوية',

  ploverAGREE: 'اتفاق',
  ploverCONSULT: 'تشاور',
  ploverSUPPORT: 'دعم',
  ploverCONCEDE: 'تنازل',
  ploverCOOPERATE: 'تعاون',
  ploverAID: 'مساعدة',
  ploverRETREAT: 'انسحاب',
  ploverREQUEST: 'طلب',
  ploverACCUSE: 'اتهام',
  ploverREJECT: 'رفض',
  ploverTHREATEN: 'تهديد',
  ploverPROTEST: 'احتجاج',
  ploverSANCTION: 'عقوبات',
  ploverMOBILIZE: 'تعبئة',
  ploverCOERCE: 'إكراه',
  ploverASSAULT: 'اعتداء',
};

export type LabelKey = keyof typeof ar;

const en: Record<LabelKey, string> = {
  appName: 'Marsad',
  appTagline: 'Arabic news as event data',
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navSearch: 'Search',
  navEvents: 'Events',
  navAnalyze: 'Analyze text',
  navLabel: 'Main navigation',
  switchLanguage: 'العربية',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Search… (press / to focus)',
  searchButton: 'Search',
  loading: 'Loading…',
  errorTitle: 'Could not load the data',
  notFound: 'Page not found',
  notFoundBody: 'There is no page at this address.',
  backHome: 'Back to the home page',
  none: 'None',
  unknown: 'Unknown',

  statsTitle: 'In the store',
  statArticles: 'Articles',
  statNearDuplicates: 'Near duplicates',
  statEntities: 'Entities',
  statProvisional: 'Provisional entities',
  statMentions: 'Mentions',
  statEvents: 'Events',
  statQuotes: 'Quotes',
  latestArticles: 'Latest articles',
  noArticles: 'No articles stored yet.',
  untitled: '(untitled)',

  searchTitle: 'Search',
  resultCount: '{n} results',
  noResults: 'No articles match.',
  sortLabel: 'Sort by',
  sortRelevance: 'Relevance',
  sortDate: 'Date',
  facetsTitle: 'Refine',
  facetsEstimated: 'Counts estimated from a sample of the matches',
  facetEntityType: 'Entity type',
  facetEventType: 'Event type',
  facetSource: 'Source',
  facetCountry: 'Country',
  facetEntity: 'Entity',
  activeFilters: 'Active filters',
  removeFilter: 'Remove filter: {name}',
  dateFrom: 'From',
  dateTo: 'To',
  apply: 'Apply',
  clearFilters: 'Clear filters',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageRange: '{from}–{to} of {total}',
  pagination: 'Pages',

  articleSource: 'Source',
  articlePublished: 'Published',
  articleAdded: 'Added',
  articleOriginal: 'Original link',
  articleDuplicateOf: 'Near duplicate of',
  articleText: 'Article text',
  mentionsLegend: 'Entity types',
  panelTitle: 'Extracted from the article',
  panelEvents: 'Events',
  panelQuotes: 'Quotes',
  panelFigures: 'Figures',
  showInText: 'Show in text',
  highlighted: 'Highlighted: {text}',
  notLinked: 'Not linked to an entity',
  speakerUnknown: 'Unknown speaker',
  confidence: 'Confidence',
  fatalities: 'killed',
  injured: 'injured',
  location: 'Location',
  date: 'Date',
  mode: 'Mode',

  entityTitle: 'Entity',
  entityNameAr: 'Arabic name',
  entityNameEn: 'English name',
  entityType: 'Type',
  entityKind: 'Kind',
  entityCountry: 'Country',
  entityCoordinates: 'Coordinates',
  entityProvisional: 'Provisional entity (not in the knowledge base)',
  entityCounts: '{mentions} mentions in {articles} articles',
  variantsTitle: 'Written forms',
  timelineTitle: 'Mentions over time',
  timelineLabel: 'Mentions per day',
  recentMentions: 'Recent mentions',
  entityEventsActor: 'Events it acts in',
  entityEventsRecipient: 'Events aimed at it',
  cooccurrenceTitle: 'Entities seen with it',
  cooccurrenceLabel: 'Entities sharing articles with it; edge width by shared articles',
  sharedArticles: '{n} shared articles',
  noData: 'No data.',
  showTable: 'Show the data as a table',
  dayColumn: 'Day',
  valueColumn: 'Value',

  eventsTitle: 'Event explorer',
  filtersTitle: 'Filters',
  filterType: 'Event type',
  anyType: 'Any type',
  filterActor: 'Actor',
  filterRecipient: 'Recipient',
  filterCountry: 'Country',
  entityIdHint: 'An entity id; type a name to see matching ids',
  eventsList: 'Events',
  eventCount: '{n} events',
  seriesTitle: 'PLOVER score over time',
  seriesLabel: 'Sum of event intensity per day, −10 (conflict) to +10 (cooperation) per event',
  dyadsTitle: 'Country pairs',
  dyadActor: 'Actor country',
  dyadRecipient: 'Recipient country',
  dyadEvents: 'Events',
  dyadIntensity: 'Intensity',
  dyadTypes: 'Types',
  sortBy: 'Sort by {column}',
  mapTitle: 'Where events happened',
  mapLabel: 'World map; circle size by the number of events at the place',
  mapUnplaced: '{n} places without coordinates',
  mapCircle: '{name}: {n} events',
  exportTitle: 'Export',
  exportPlover: 'PLOVER JSON',
  exportTsv: 'TSV',
  exportCsv: 'CSV',
  article: 'Article',

  analyzeTitle: 'Analyze text',
  analyzeIntro: 'Paste an Arabic news text to see what Marsad extracts. Nothing is stored.',
  analyzeText: 'Text',
  analyzeTitleField: 'Title (optional)',
  analyzeDate: 'Publication date (optional)',
  analyzeButton: 'Analyze',

  typePER: 'Person',
  typeORG: 'Organisation',
  typeLOC: 'Place',
  typeMISC: 'Other',

  viaName: 'by name',
  viaAlias: 'by an alias or spelling variant',
  viaDemonym: 'by a demonym',
  viaMetonym: 'a capital for its state',
  viaRole: 'by an office',
  viaCoref: 'by coreference in the article',

  auxFuture: 'future',
  auxNegated: 'negated',
  auxHistorical: 'historical',
  auxHypothetical: 'hypothetical',

  quoteDirect: 'direct',
  quoteReported: 'reported',

  unitMoney: 'money',
  unitPeople: 'people',
  unitPercent: 'percent',

  ploverAGREE: 'Agree',
  ploverCONSULT: 'Consult',
  ploverSUPPORT: 'Support',
  ploverCONCEDE: 'Concede',
  ploverCOOPERATE: 'Cooperate',
  ploverAID: 'Aid',
  ploverRETREAT: 'Retreat',
  ploverREQUEST: 'Request',
  ploverACCUSE: 'Accuse',
  ploverREJECT: 'Reject',
  ploverTHREATEN: 'Threaten',
  ploverPROTEST: 'Protest',
  ploverSANCTION: 'Sanction',
  ploverMOBILIZE: 'Mobilize',
  ploverCOERCE: 'Coerce',
  ploverASSAULT: 'Assault',
};

export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<LabelKey, string>>>> = { ar, en };

/** A translator bound to one language: `t('resultCount', { n: 3 })` fills `{n}`. */
export type Translate = (key: LabelKey, values?: Readonly<Record<string, string | number>>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  return (key, values) => {
    const label = dictionary[key];
    return values
      ? label.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
      : label;
  };
}

export function isLang(value: unknown): value is Lang {
  return value === 'ar' || value === 'en';
}

/** The text direction of the UI language (Arabic article text is always rtl whatever this says). */
export function directionOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

// Labels of the domain's closed vocabularies. An unknown value (a type a newer server adds) shows as
// written rather than as nothing.

export function ploverLabel(t: Translate, type: PloverType | string): string {
  return labelOr(t, `plover${type}`, type);
}

export function entityTypeLabel(t: Translate, type: EntityType | string): string {
  return labelOr(t, `type${type}`, type);
}

export function viaLabel(t: Translate, via: LinkVia | string): string {
  return labelOr(t, `via${capitalise(via)}`, via);
}

export function auxiliaryLabel(t: Translate, auxiliary: Auxiliary | string): string {
  return labelOr(t, `aux${capitalise(auxiliary)}`, auxiliary);
}

export function quoteKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `quote${capitalise(kind)}`, kind);
}

export function unitLabel(t: Translate, unit: FigureUnit | string): string {
  return labelOr(t, `unit${capitalise(unit)}`, unit);
}

function labelOr(t: Translate, key: string, fallback: string): string {
  return key in ar ? t(key as LabelKey) : fallback;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
