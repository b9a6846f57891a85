// The words that introduce, link and bound speech in news Arabic, as matching keys (text/normalize.ts):
// speech verbs in the inflected forms news uses, circumstantial participles (قائلاً، مؤكداً),
// complementisers (إن، أن، بأن with their pronoun suffixes), attribution phrases (وفقاً لـ، بحسب،
// نقلاً عن، على لسان), the nouns that name an unnamed source (مصادر، بيان) and the small words that
// tell a subject from an adverbial or a new clause.

import { matchKey } from '../../text/normalize.ts';

const keys = (...forms: string[]) => new Set(forms.map(matchKey));

/**
 * Speech verbs: third person past and present, singular, dual and plural. A leading و or ف is a
 * conjunction (وقال، فأضاف). Several spell other words too (كتب books, ذكر male, رد a reply): a verb is
 * a cue only when a complementiser, a colon or a quotation follows it (quotes.ts).
 */
export const SPEECH_VERBS = keys(
  ...['قال', 'قالت', 'قالا', 'قالتا', 'قالوا', 'يقول', 'تقول', 'يقولون', 'يقولان'],
  ...['أضاف', 'أضافت', 'أضافا', 'أضافوا', 'يضيف', 'تضيف', 'يضيفون'],
  ...['أكد', 'أكدت', 'أكدا', 'أكدوا', 'يؤكد', 'تؤكد', 'يؤكدون'],
  ...['أوضح', 'أوضحت', 'أوضحوا', 'يوضح', 'توضح'],
  ...['صرح', 'صرحت', 'صرحوا', 'يصرح', 'تصرح'],
  ...['شدد', 'شددت', 'شددوا', 'يشدد', 'تشدد'],
  ...['تابع', 'تابعت', 'أردف', 'أردفت'],
  // Not يذكر: يُذكر أن is the reporter's "it is worth mentioning that".
  ...['ذكر', 'ذكرت', 'ذكروا'],
  ...['أشار', 'أشارت', 'أشاروا', 'يشير', 'تشير'],
  ...['اعتبر', 'اعتبرت', 'اعتبروا', 'يعتبر', 'تعتبر'],
  ...['لفت', 'لفتت', 'لفتوا', 'يلفت', 'تلفت'],
  ...['نوه', 'نوهت', 'لاحظ', 'لاحظت'],
  ...['كتب', 'كتبت', 'كتبوا', 'يكتب', 'تكتب'],
  ...['غرد', 'غردت', 'غردوا', 'يغرد', 'تغرد'],
  ...['رد', 'ردت', 'ردوا', 'أجاب', 'أجابت', 'علق', 'علقت', 'تساءل', 'تساءلت'],
  ...['أعلن', 'أعلنت', 'أعلنوا', 'يعلن', 'تعلن'],
  ...['أفاد', 'أفادت', 'أفادوا', 'يفيد', 'تفيد'],
  ...['نفى', 'نفت', 'نفوا', 'ينفي', 'تنفي'],
  ...['رأى', 'رأت', 'رأوا', 'يرى', 'ترى'],
  ...['حذر', 'حذرت', 'حذروا', 'يحذر', 'تحذر'],
  ...['زعم', 'زعمت', 'زعموا', 'يزعم', 'تزعم', 'ادعى', 'ادعت'],
  ...['كشف', 'كشفت', 'يكشف', 'تكشف', 'أقر', 'أقرت', 'اعترف', 'اعترفت'],
  ...['أبلغ', 'أبلغت'],
);

/**
 * Listed verbs spelled with final ى whose key is also a noun spelled with final ي (رأى/رأي، نفى/نفي):
 * written with ي they are the noun.
 */
export const FINAL_ALEF_MAQSURA = keys('رأى', 'نفى', 'ادعى');

/**
 * Words after which a verb can stand without a conjunction: particles, relatives and conjunctions of
 * time (قد قال، كما أكد، الذي قال، عندما قال). After another word a listed form is more likely a noun
 * (حاولت رد الجميل، مجموعة كتب).
 */
export const BEFORE_VERB = keys(
  ...['قد', 'لقد', 'فقد', 'وقد', 'كما', 'ثم', 'حيث', 'الذي', 'التي', 'الذين', 'عندما', 'بعدما', 'فيما'],
  ...['بينما', 'إذ', 'حين', 'حينما', 'لما', 'كذلك', 'أيضاً', 'لكن', 'ولكن', 'لكنه', 'لكنها', 'كان', 'كانت'],
  ...['ما', 'مما', 'وكان', 'وكانت', 'أمس', 'اليوم', 'سابقاً', 'لاحقاً', 'بدوره', 'بدورها'],
);

/** Circumstantial participles (حال) that carry speech after a main verb: وتابع قائلاً، مشيراً إلى أن. */
export const SPEECH_PARTICIPLES = keys(
  ...['قائلاً', 'قائلة', 'قائلين', 'مضيفاً', 'مضيفة', 'مضيفين', 'مؤكداً', 'مؤكدة', 'مؤكدين'],
  ...['موضحاً', 'موضحة', 'مشيراً', 'مشيرة', 'مشيرين', 'معتبراً', 'معتبرة', 'لافتاً', 'لافتة'],
  ...['مشدداً', 'مشددة', 'منوهاً', 'منوهة', 'محذراً', 'محذرة', 'معلناً', 'معلنة', 'مردفاً'],
);

/** وجاء في (بيان …) أن: the statement, not a person, is the source. */
export const STATEMENT_VERB = matchKey('جاء');
export const IN = matchKey('في');

/** إن، أن، بأن and the same with a pronoun suffix (إنه، أنها، بأنهم، أننا). */
const COMPLEMENTISER = /^ب?ان(?:ه|ها|هما|هم|هن|ني|نا|ك|كم)?$/;
/** The same after و (a second clause of the same speech: وأن) or ف (وفقاً لـ X، فإن). */
const JOINED_COMPLEMENTISER = /^[وف]ب?ان(?:ه|ها|هما|هم|هن|ني|نا|ك|كم)?$/;

export const isComplementiser = (key: string) => COMPLEMENTISER.test(key);
export const isJoinedComplementiser = (key: string) => JOINED_COMPLEMENTISER.test(key);

/**
 * Words before أن that make it a conjunction of time, concession or necessity, not the complement of
 * speech: بعد أن، قبل أن، إلا أن، كما أن، غير أن، يجب أن.
 */
export const NOT_BEFORE_COMPLEMENTISER = keys(
  ...['بعد', 'قبل', 'منذ', 'حتى', 'رغم', 'بدل', 'بدلاً', 'دون', 'إلا', 'مع', 'لو', 'كما', 'غير', 'ما'],
  ...['يجب', 'ينبغي', 'يمكن', 'يتعين', 'بد', 'لابد', 'شرط', 'بشرط', 'مجرد', 'بمجرد', 'لولا'],
  ...['حيث', 'بحيث', 'لأجل', 'كي'],
);
/** …and the words before من or على that do the same: على الرغم من أن، بدلاً من أن، علاوة على أن. */
export const NOT_BEFORE_LINKED_COMPLEMENTISER = keys('الرغم', 'رغم', 'بدلاً', 'بدل', 'علاوة');
export const LINKERS = keys('من', 'على');

/** Attribution heads: وفقاً لـ X، طبقاً لـ X (need ل), بحسب X، حسب X, نقلاً عن X, على لسان X. */
export const NEEDS_LAM = keys('وفقاً', 'وفق', 'طبقاً');
export const BY = keys('حسب', 'بحسب');
export const BY_WHAT = keys('حسبما', 'بحسبما');
export const CITING = keys('نقلاً');
export const FROM = matchKey('عن');
export const ON = keys('على');
export const TONGUE = matchKey('لسان');
export const WHAT = keys('ما', 'لما');
export const LAM = matchKey('لـ');

/** Nouns that name a source the text does not name: بحسب مصادر، وفقاً لبيان، نقلاً عن مسؤول. */
export const SOURCE_NOUNS = keys(
  ...['مصدر', 'مصادر', 'بيان', 'بيانات', 'تقرير', 'تقارير', 'مسؤول', 'مسؤولين', 'مسؤولون'],
  ...['وكالة', 'وكالات', 'صحيفة', 'صحف', 'موقع', 'قناة', 'وسائل', 'إعلام', 'مراسل', 'شهود', 'شاهد'],
  ...['متحدث', 'ناطق', 'خبراء', 'محللين', 'دراسة', 'إحصاءات', 'أرقام', 'معطيات', 'تصريحات', 'تصريح'],
  ...['مقربين', 'دبلوماسيين', 'دبلوماسي', 'سكان', 'ناشطين', 'رواية'],
  // The head of an unnamed body: بحسب وزارة الصحة، وفقاً للشرطة.
  ...['وزارة', 'هيئة', 'مكتب', 'منظمة', 'مركز', 'لجنة', 'شرطة', 'جيش', 'حكومة', 'سلطات'],
);

/** Standalone prepositions: a subject slot that starts with one holds an adverbial, not a subject. */
export const PREPOSITIONS = keys(
  ...['في', 'من', 'عن', 'على', 'إلى', 'مع', 'خلال', 'أمام', 'عقب', 'بعد', 'قبل', 'حول', 'لدى'],
  ...['عبر', 'أثناء', 'ضمن', 'تجاه', 'منذ', 'عند', 'بين', 'إزاء', 'له', 'لها', 'لهم', 'لنا'],
);

/** Adverbs that may stand between a verb and its subject: وقال أمس وزير الخارجية. */
export const ADVERBS = keys(
  ...['أمس', 'اليوم', 'أيضاً', 'أيضا', 'كذلك', 'مجدداً', 'مساء', 'صباح', 'الليلة'],
  ...['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
);

/** After a conjunction these open a clause that is still part of what is reported (وأن …) or a relative. */
export const RELATIVES = keys('الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللواتي', 'اللاتي');

/** Discourse openers after a comma: من جانبه، من جهته، بدوره، في المقابل، في حين، بينما. */
export const OPENER_AFTER_MIN = keys(
  ...['جانبه', 'جانبها', 'جانبهم', 'جهته', 'جهتها', 'جهتهم', 'ناحيته', 'ناحيتها'],
);
export const OPENER_AFTER_FI = keys('المقابل', 'حين');
export const OPENERS = keys('بدوره', 'بدورها', 'بدورهم', 'بينما');
export const MIN = matchKey('من');
/** وكانت X قد قالت: the particle between a subject and its verb. */
export const MAY = matchKey('قد');

/** Function words after ف that show it is a conjunction when no clitic segmentation is at hand. */
export const AFTER_CONJUNCTION = keys(
  ...['في', 'من', 'على', 'إلى', 'عن', 'مع', 'كان', 'كانت', 'قد', 'لا', 'لم', 'لن', 'ما', 'هو', 'هي'],
  ...['هم', 'هذا', 'هذه', 'ذلك', 'تلك', 'هناك', 'منذ', 'بعد', 'قبل', 'كل', 'نحن', 'إن', 'أن'],
);

/**
 * Beginnings of nouns whose و is their own first letter (وزير، وكالة، واشنطن): without a clitic
 * segmentation, any other word that starts with و is read as و + word. Verbs like وقع or وصل may
 * stay out: after a comma they open a clause either way.
 */
export const NATIVE_WAW = [
  ...['وزير', 'وزار', 'وزرا', 'وفد', 'وفود', 'وكال', 'وكيل', 'وقت', 'وسط', 'وسائل', 'وسيل', 'وضع'],
  ...['وجود', 'وجه', 'واشنطن', 'وحد', 'ولاي', 'ولي', 'وطن', 'واقع', 'وثيق', 'وثائق', 'ورق', 'وادي'],
  ...['وراء', 'وظيف', 'ولد', 'وفاة', 'وفاه', 'ودي', 'وعي', 'وباء', 'وقود', 'وقف', 'وفق'],
].map(matchKey);
