"""The Arabic words and constructions that signal acts, roles and outcomes.

Patterns are written in ordinary Arabic and compiled against folded text
(``normalize.fold``), so one spelling in a pattern meets every spelling variant in
an article. Each name says what the text means when the pattern matches.
"""

from __future__ import annotations

import csv
import re

from transforms import vocabulary
from transforms.gazetteer import GAZETTEER_DIR
from transforms.matcher import Prefiltered
from transforms.normalize import fold
from transforms.numbers import NUMBER


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a word list in the gazetteer directory."""
    with open(GAZETTEER_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rx(pattern: str) -> Prefiltered:
    """Compile a pattern written in ordinary Arabic against folded text, behind the words it needs."""
    return Prefiltered(re.compile(fold(pattern)))


WORD_START = r"(?<![\w])"  # word start
WORD_END = r"(?![\w])"  # word end
CLITICS = r"(?:[وف]?[بلك]?)"  # clitics

# Words that report violence: verbs and verbal nouns of attacking, striking, firing, falling.
TRIGGER = rx(
    WORD_START
    + CLITICS
    + r"(?:ال)?(?:استهداف|استهدف\w*|يستهدف\w*|تستهدف\w*|هجوم\w*|هجمات|هجمه|هاجم\w*|يهاجم\w*|تهاجم\w*|قصف\w*|يقصف\w*|تقصف\w*"
    r"|سقوط|سقط\w*|اطلاق|اطلق\w*|تعرض\w*|ضربه|ضربات|ضرب|ضربت|غاره|غارات|غارتين|شن|شنت|يشن|تشن|شنها|شنته"
    r"|اعتداء|اعتداءات|استهدافات|انفجار|انفجارات|دوي|اسقاط|اسقط\w*|اعتراض|اعترض\w*|احباط|احبط\w*|تصدت|تبن\w*|تبني|رشق\w*"
    r"|تضرب|يضرب|ضربوا|نزل|نزلت|نزلوا|نزلن|طالت|طال|مسووليت\w*|مسووليه|اغتال\w*|تغتال\w*|يغتال\w*)" + WORD_END
)
# Munitions name an act even when the verb is dialect or missing: "صاروخين نزلوا قرب قاعدة ...".
MUNITION = rx(WORD_START + CLITICS + r"(?:ال)?(?:صاروخ\w*|صواريخ|قذيف\w*|قذائف|مسير\w*|درون\w*|كاتيوشا|هاون|غراد)" + WORD_END)
# Every weapon of weapons.csv («طائرات بدون طيار», «طائرة مفخخة», «مدفعية»), with clitics and article -
# except the aircraft of an air strike («طائرات حربية», «مقاتلات»): flying is no act, and the strike
# itself is told by a verb or strike noun («غارة», «قصف جوي») that opens the gate.
_STRIKE_NOUN_START = re.compile(fold(r"^(?:غار|ضرب|قصف)"))
WEAPON_WORD = rx(
    WORD_START
    + CLITICS
    + r"(?:ال)?(?:"
    + "|".join(
        sorted(
            {
                re.escape(fold(row["term"]))
                for row in _rows("weapons.csv")
                if row["weapon"] != "airstrike" or _STRIKE_NOUN_START.match(fold(row["term"]))
            },
            key=len,
            reverse=True,
        )
    )
    + r")"
    + WORD_END
)
# A sentence worth reading closely names violence or a weapon (one scan instead of three).
GATE = Prefiltered(re.compile(TRIGGER.pattern + "|" + MUNITION.pattern + "|" + WEAPON_WORD.pattern))
EARLIER = rx(
    r"(?<![\w])[وف]?(?:سبق|سبقه|سبقها|سبقت|قبل)\s(?:ذلك|ذاك|هذا|هذه)(?![\w])|في وقت سابق(?! من)"
    # the pluperfect opening a sentence: «وكانت القاعدة قد تعرضت», «وكانت هزت انفجارات»
    r"|^\W{0,3}[وف]كان(?:ت)?\s(?:(?:\S+\s){0,5}قد\s|\S+ت\s)"
)
DATELINE_AFTER = re.compile(r"(?:\s?[،,]?\s?[^\s\-]+){0,3}\s?(?:-{1,2}|\(|:)\s")
# "the same group": the militia the article named last.
GROUP_ANAPHOR = rx(
    r"(?<![\w])[وف]?ب?(?:ال|لل)(?:جماعه|فصائل|مجموعه|مجموعات|ميليشيا|مليشيا|فصيل|حركه|كتائب|كيان|جهه)\s(?:ذاتها|نفسها|ذاته|نفسه|المذكوره|المذكور|ذاتهم)"
    # a short form of the group's name, or its fighters: "وأعلنت المقاومة"، "أن مجاهديها استهدفوا"
    r"|(?<![\w])[وف]?(?:ب|ل)?المقاومه(?!\s(?:الاسلاميه|العراقيه|الفلسطينيه|اللبنانيه|الوطنيه|في))"
    r"|(?<![\w])[وف]?(?:ب|ل)?(?:مجاهديها|مجاهدوها|مقاتليها|مقاتلوها|ابطالها)(?![\w])"
    r"|(?:تبنت\w*|تبناه\w*|تبنته\w*|تبني\w*)\s(?:ال)?(?:جماعه|فصائل|مجموعه|ميليشيا|مليشيا|فصيل|حركه|كتائب)(?![\w])"
)
# "قاعدتي التحالف في حقلي كونيكو والعمر": a dual place noun, then the second name without it.
DUAL_PLACE_NOUN = {fold(k): fold(v) for k, v in {"حقلي": "حقل", "قاعدتي": "قاعدة", "مطاري": "مطار", "معسكري": "معسكر"}.items()}
DUAL_PLACES = rx(r"(?<![\w])(" + "|".join(DUAL_PLACE_NOUN) + r")\s(?:\S+\s){1,3}?\s?و(\S+(?:\s\S+)?)")
# The short name of a group with none named before it: "وقالت المقاومة في بيان"، "أعلنت الكتائب" (EVENTS.md:
# "resistance factions" are iran_aligned); a longer name the gazetteer knows is that group's.
SHORT_GROUP_NAME = rx(r"(?<![\w])[وف]?(?:ب|ل)?(?:المقاومه|الكتائب)(?!\s(?:الفلسطينيه|اللبنانيه|الوطنيه|الشعبيه|السوريه))(?![\w])")
# A sentence that goes on with the last speaker's words: "وأضافت أن ...", "وأكدت في بيانها ...".
CONTINUED_SPEECH = rx(
    r"^[وف]?(?:اضافت|تابعت|اكدت|اوضحت|اشارت|قالت|ذكرت|اعلنت|بينت)\s(?:ان|انه|انها|في بيانها|في البيان|ايضا)(?![\w])"
)
# "the base", "the same base": the base the article named last, when this sentence names none.
BASE_ANAPHOR = rx(
    r"(?<!تنظيم )(?<![\w])(?:[وف]?(?:ب|ل)?ال|[وف]?لل)(?:قاعده|معسكر)(?:\s(?:ذاتها|نفسها|ذاته|نفسه|الامريكيه|الاميركيه|العسكريه|الجويه))?(?![\w])|(?<![\w])[وف]?(?:ب|ل)?نفس (?:القاعده|المعسكر)(?![\w])"
)
PLURAL_ATTACKS = rx(WORD_START + CLITICS + r"(?:ال)?(?:هجمات|هجماته|هجماتها|اعتداءات|استهدافات|الهجمات)" + WORD_END)
# Counts of acts, not acts: "13 attacks in a week", "17 on al-Omar, 15 on Conoco", "the toll of attacks".
TALLY = rx(
    rf"(?:{NUMBER}|عشرات|مئات|سلسله|سلسله من|عده|عدد من|العديد من|جمله من)\s(?:ال)?(?:هجوما|هجمات|هجوم|اعتداء|اعتداءات|استهدافا|استهدافات|عمليه|عمليات)(?![\w])"
    r"|(?<![\w.])و?\d+\s(?:هجوما\s|هجمات\s|مره\s)?(?:علي|ضد)\s(?:ال)?(?:قاعده|حقل|مطار)"
    # "حصيلة الهجمات" is a tally; "ارتفعت حصيلة الغارات إلى 25 قتيلاً" a death toll of one strike
    r"|(?:حصيله|احصائيه|احصاء|اجمالي|عدد|ارتفع عدد|ارتفاع عدد)\s(?:ال)?(?:هجمات|استهدافات|عمليات|اعتداءات)|توزعت"
    r"|(?:هجمات|الهجمات|اعتداءات|استهدافات)\s(?:\S+\s)?(?:متكرره|عديده|عده|متتاليه|متواصله|سابقه|مماثله)"
    rf"|(?:عشرات|مئات|عده|عديد)\s(?:من\s)?(?:ال)?مرات|مرات\s(?:عده|عديده|متكرره)|(?:{NUMBER})\sمرات"
)
# Between two coordinated places: "العكاشات والقائم", "حرير، وعين الأسد".
COORDINATION = re.compile(r"\s?[،,]?\s?و")
# The same, after the first place's own locating phrase: "في حقل العمر بدير الزور والتنف".
LOCATED_COORDINATION = re.compile(fold(r"\s(?:ب|في\s|بريف\s|في ريف\s)[^\s\d]+(?:\s[^\s\d]+){0,2}?\s?[،,]?\s?و"))
# "و" opening a word, or a comma: what joins two items of a list.
COORDINATOR = re.compile(r"(?:^|\s)و|،")
# Between two coordinated words: "مسيرات وصواريخ", "بالصواريخ والطائرات".
COORDINATED_WORDS = re.compile(r"\s?[،,]?\s?و(?:ب|ل)?(?:ال)?")
# A statement's words begin: "أعلنت الفصائل يوم الأحد: ..." (quotes are gone once normalised).
QUOTE_OPENS = re.compile(r"\s?[،,]?\s?:")
# A sentence that goes on about the acts just told, pointing back at them: "هذه التطورات", "هذا الهجوم".
ACT_ANAPHOR = rx(
    WORD_START
    + r"(?:هذه|هذا|تلك|ذلك)\s(?:التطورات|التطور|الهجمات|الضربات|الهجوم|القصف|الاستهداف|الاستهدافات|الحادث|الحادثه|الغارات|الغاره)"
    + WORD_END
)
# Munitions readied on a launcher or found, not fired: "صاروخين معدين للإطلاق", "مع إعداد صاروخين لإطلاقها", "عثر على صواريخ".
READIED = rx(
    r"(?<![\w])(?:معد|معده|معدين|معدتين|معدان|معدتان|جاهز\w*|مجهز\w*|اعداد|تجهيز|تهيئه|مهيا\w*)\s(?:\S+\s){0,3}?(?:ل|لل)اطلاق\w*"
    r"|(?<![\w])(?:لم\s(?:تنطلق|تطلق|يطلق|ينطلق)|عثر\w*\sعلي|العثور\sعلي|ضبط\w*|مضبوط\w*)(?![\w])"
)
# "الطائرة" alone: the aircraft the sentence before named, when that was a drone.
AIRCRAFT_ANAPHOR = rx(rf"{WORD_START}[وف]?(?:ب|ك)?(?:ال|لل)طائره{WORD_END}(?!\s(?:الحربيه|المقاتله|المروحيه))")
# The article and its clitics right before a word ("والقذيفة", "بالصاروخ", "للطائرة"): the word is definite.
ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:[وف])?(?:[بك]?ال|لل)$")
# "القصف", "الهجوم": an act already told, named by its definite noun.
DEFINITE_ACT_NOUN = rx(WORD_START + r"[وف]?(?:ال)(?:قصف|هجوم|استهداف|اعتداء)" + WORD_END)
# The day of a verb of telling: "أعلنت الفصائل، الأحد، ..." and "وكانت الجماعة، يوم الثلاثاء، قد أعلنت ...".
TELLING_BEFORE = rx(
    rf"{WORD_START}[وف]?(?:قالت|قال|ذكرت|اكدت|افادت|اعلنت|اعلن|تبنت|تبني)(?:\s(?!ان\s|انه|انها|ان$)[^\s،,:]+){{0,4}}\s?[،,]\s?$"
)
# "وفق ما ذكرت وكالة رويترز الثلاثاء 9 يناير": the day of the wire report quoted, not of the act.
WIRE_REPORT_BEFORE = rx(
    r"(?:وفق ما|وفقا لما|بحسب ما|حسب ما|حسبما|طبقا لما)\s(?:ذكرت|ذكر|نقلت|نقل|افادت|افاد|اوردت|اورد|قالت|قال|نشرت|نشر)\s(?:\S+\s){0,3}$"
)
TELLING_AFTER = rx(r"\s?[،,]\s?(?:قد\s)?(?:قالت|قال|ذكرت|اكدت|افادت|اعلنت|اعلن|تبنت|تبني)(?![\w])")
STATEMENT_BEFORE = rx(r"(?:بيان|تصريح|تصريحات|مؤتمر صحفي|مؤتمر صحافي)[^،,:]{0,40}[،,]?\s?$")
DESCRIBES_PLACE = rx(
    r"(?:تقع|يقع|الواقعه|الواقع|القريبه|القريب|المجاوره|المجاور|المحاذيه)\s(?:\S+\s){0,2}(?:قرب|من|ل|في|بالقرب من|جوار|بجوار)?\s?(?:ال)?(?:قاعده\s|حقل\s|مطار\s)?$"
)
# Alarms sounding at a place: "دوت صافرات الإنذار في السفارة".
SIRENS_AT = rx(r"(?:صافرات|صفارات|صافره|صفاره)\s(?:ال)?انذار\s(?:\S+\s){0,2}?(?:في|داخل|ب)\s?(?:ال)?(?:\S+\s)?$")
# A place named to say where another is: "خراب الجير بريف رميلان", "قرب بلدة ...".
LOCATIVE_CUE = rx(
    r"(?:ب?ريف|بلده|ببلده|مدينه|بمدينه|منطقه|بمنطقه|ناحيه|بناحيه|قضاء|بقضاء|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s(?:بلده\s|مدينه\s|منطقه\s)?(?:ال)?$"
)
# "في وقت سابق من اليوم / من الخميس" is earlier in the news window, not a recollection.
BACKGROUND = rx(
    r"سبق\s?(?:ان|وان|و)\s|سبق ل|ذكري|في وقت سابق من(?!\s(?:يوم\s|هذا\s|هذه\s)?(?:اليوم|امس|الليله|الاسبوع|صباح|مساء|فجر|ليل"
    r"|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد)(?![\w]))|العام الماضي|عام \d{4}|في \d{4}|منذ \d{4}"
)
THREAT = rx(
    WORD_START
    + r"[وف]?(?:هدد\w*|يهدد\w*|تهدد\w*|توعد\w*|يتوعد\w*|تتوعد\w*|تحذر\w*|حذر\w*|ستستهدف|سنستهدف|سيستهدف|ستواصل|سنواصل|سترد|سنرد|قد تستهدف|ستقوم|تهديد\w*)"
    + WORD_END
)
# Another state's fire: "مسيّرة تركية", "طائرات إسرائيلية", "غارات روسية" - not this conflict's acts.
FOREIGN_FIRE = rx(
    r"(?:مسيره|مسيرات|طائره|طائرات|طيران|غاره|غارات|قصف|ضربه|ضربات|مدفعيه|صاروخ|صواريخ|قذيفه|قذائف|قذيفتين|قذيفتان)\s(?:\S+\s)?(?:ال)?(?:تركيه|تركي|اسرائيليه|اسرائيلي|روسيه|روسي)(?![\w])"
)
EXPLOSIONS = rx(r"انفجار|دوي|اصوات|صوت|ومضات|ومضه")
# Explosions explained away: training, drills, controlled detonations.
DRILL = rx(
    r"(?<![\w])[وف]?(?:ب|ل)?(?:ال)?(?:تدريبات|تدريب|تدريبيه|مناورات|مناوره|تمرين|تمارين|رمايه|رمايات|تفجير مسيطر|تفجير ذخائر|اجراء خاص|اتلاف)(?![\w])"
)
# Words that report an attack and nothing else (not "strikes", "shelling", "targeting", shared with US fire).
ATTACK_WORD = rx(
    WORD_START + CLITICS + r"(?:ال)?(?:هجوم\w*|هجمات|هجمه|هاجم\w*|يهاجم\w*|تهاجم\w*|سقوط|سقط\w*|اطلاق|اطلق\w*|تعرض\w*|رشق\w*"
    r"|اعتداء|اسقاط|اسقط\w*|اعتراض|اعترض\w*|احباط|احبط\w*|تبن\w*|نزل\w*)" + WORD_END
)
# A strike noun said by a US voice: "أعلن البنتاغون أن مقاتلات من طراز إف-15 نفذت ضربات".
STRIKE_NOUN_ONLY = rx(
    rf"{WORD_START}{CLITICS}(?:ال)?(?:غارات|غاره|ضربات|ضربه|غارتين|ضربتين)(?:\s(?:جويه|الجويه|دقيقه|دفاعيه))?{WORD_END}"
)
US_VOICE = rx(
    r"البنتاغون|وزاره الدفاع الامريكيه|وزاره الدفاع الاميركيه|القياده المركزيه|سنتكوم|الجيش الامريكي|الجيش الاميركي|مسوول عسكري امريكي|مسوول عسكري اميركي|مسوول امريكي|مسوول اميركي|الولايات المتحده|واشنطن"
)
# "الغارات", "الضربات الجوية": strikes the article has already told of ("القصف" is said of both sides).
# Air raids, in an article that has told of US strikes: only a state flies them, so they are that state's.
AIR_RAID = rx(r"(?<![\w])[وف]?(?:ب|ل)?(?:ال)?(?:غارات|غاره|غارتين|قصف جوي|القصف الجوي|ضربات جويه|ضربه جويه)(?![\w])")
STRIKE_ANAPHOR = rx(r"(?<![\w])[وف]?(?:ب|ل)?(?:ال)(?:غارات|غاره|ضربات|ضربه)(?:\s(?:الجويه|الاخيره|الامريكيه|الاميركيه))?(?![\w])")
FOREIGN_STRIKER = rx(r"اسرائيل\w*|الاحتلال|الروسي\w*|روسي[هة]|التركي\w*|تركي[هة]|السوري[هة] الحكوميه|النظام السوري")

# US / coalition as agent: adjective on a strike noun, or subject right next to a strike verb.
US_ADJ = r"(?:امريكيا|اميركيا|الامريكيين|الاميركيين|امريكيين|اميركيين|الامريكي|الاميركي|الامريكيه|الاميركيه|امريكيه|اميركيه|امريكي|اميركي|للتحالف|التحالف الدولي|التحالف|الامريكيتين|الاميركيتين)"
# "عدوان أمريكي" is how pro-resistance outlets tell a US strike.
STRIKE_NOUN = r"(?:غارات|غاره|الغارات|الغاره|ضربات|ضربه|الضربات|الضربه|القصف|قصفا|قصف|مدفعيه|المدفعيه|الرد|قاذفات|القاذفات|عدوان|العدوان|عدوانا|هجوم|الهجوم|هجوما|هجمات|الهجمات)"
AIRCRAFT = r"(?:طائرات|الطائرات|طائره|مقاتلات|المقاتلات|مروحيات|المروحيات|مسيره|مسيرات|طيرانا|طيران|الطيران)"
STRIKE_VERB = r"(?:شن|شنت|نفذ|نفذت|استهدف|استهدفت|قصف|قصفت|ضرب|ضربت|اغار|اغارت|تشن|تقصف|تستهدف|يستهدف|يقصف|دمرت|تدمر|قتلت|تقتل|اغتالت|اغتال|تغتال|يغتال|وجهت|وجه|توجه|يوجه)(?:ها|ه|هم|هما)?"
# "أقدم على استهداف": a verb of undertaking with the act as its noun.
STRIKE_ACT = r"(?:(?:اقدم|اقدمت|قام|قامت)\s(?:علي\s|ب)?(?:استهداف|قصف|ضرب)|" + STRIKE_VERB + ")"
US_AGENT = rx(
    rf"{WORD_START}{CLITICS}{STRIKE_NOUN}(?:\s(?:جويه|جوي|جويا|الجوي|حربيه|مقاتله|مدفعي|مدفعيا|صاروخي|صاروخيا|الصاروخي|مسيره|الحربي|المسير|الجويه|الحربيه|المدفعي|مدفعيه|ثقيله|دقيقه))?\s{US_ADJ}{WORD_END}"
    # "بضربة بطائرة مسيّرة أمريكية": a strike noun carried out by US aircraft
    rf"|{WORD_START}{CLITICS}{STRIKE_NOUN}\s(?:ب|ل)?{AIRCRAFT}(?:\s\S+)?\s{US_ADJ}{WORD_END}"
    # aircraft only strike when a verb says so: "طائرات أمريكية استهدفت", not "تحليق طيران التحالف"
    rf"|{WORD_START}{CLITICS}{AIRCRAFT}(?:\s(?:حربيه|مسيره|الحربي|المسير|الحربيه|مقاتله|تابعه|التابعه))?\s{US_ADJ}(?:\s\S+)?\s{STRIKE_ACT}{WORD_END}"
    rf"|{WORD_START}[وف]?(?:{STRIKE_VERB}|ردت|رد|اطلقت|اطلق|تبنت|تبنى)\s(?:ال)?(?:الولايات المتحده|واشنطن|(?:ال)?(?:قوات|جيش|مدفعيه)(?:\s\S+)?\s{US_ADJ}|التحالف|قوات التحالف|{AIRCRAFT}(?:\s\S+){{0,2}}\s{US_ADJ}|قاذفات(?:\s\S+){{0,2}}\s{US_ADJ}|البنتاغون|القياده المركزيه)"
    rf"|{WORD_START}[وف]?(?:الولايات المتحده|واشنطن|البنتاغون|القياده المركزيه|الجيش الامريكي|الجيش الاميركي)\S*(?:\s\S+){{0,3}}\s(?:تعلن|يعلن|اعلنت|اعلن)\s(?:عن\s)?(?:شن|تنفيذ)\s(?:ضربات|غارات|ضربه|غاره)"
    rf"|{WORD_START}[وف]?(?:الولايات المتحده|واشنطن|التحالف الدولي|التحالف|القوات الامريكيه|القوات الاميركيه|الجيش الامريكي|الجيش الاميركي|البنتاغون|القياده المركزيه الامريكيه|القياده المركزيه الاميركيه)(?:\s(?:الامريكيه|الاميركيه|قد|كانت|كان|بدورها|بدوره|امس|اليوم))*\s(?:تشن|يشن|تقصف|يقصف|تستهدف|يستهدف|تضرب|يضرب|ترد|يرد|شنت|شن|قصفت|قصف|استهدفت|استهدف|ردت|رد|نفذت|نفذ)"
)
# A US force first, then what it did, a place or a stationing phrase between ("القوات الأمريكية
# المتمركزة في حقل العمر استهدفت ..."); a force after "على", "ضد" or "استهداف" is a target.
US_SUBJECT_VERB = rx(
    r"(?<!علي )(?<!ضد )(?<!استهداف )(?<!لهجوم )(?<!هجوم )(?<![\w])[وف]?(?:القوات|قوات|مدفعيه|المدفعيه)\s(?:العسكريه\s)?"
    r"(?:الامريكيه|الاميركيه|التحالف(?: الدولي)?)(?:\s(?!(?:فيما|بينما|ثم|بعد|عقب)\s)[^\s،؛]+){0,7}?\s"
    r"(?:استهدفت|قصفت|اطلقت|شنت|نفذت|ضربت|تستهدف|تقصف|تطلق|تشن)(?![\w])"
)
# US / coalition as target: a base, force, convoy or embassy of theirs, or "the base that hosts US forces".
US_TARGET = rx(
    rf"{WORD_START}{CLITICS}(?:ال)?(?:قاعده|قاعدتي|قاعدتين|قاعدتان|قواعد|القواعد|مقر|مقرات|معسكر|رتل|ارتال|دوريه|السفاره|مصالح|منشاه|منشات|مجمع|قافله|جيب)\w*\s(?:\S+\s){{0,2}}?{US_ADJ}{WORD_END}"
    # forces and soldiers are a target where something befalls them ("القوات الأمريكية تعرضت ...", "أصيب جنود أمريكيون")
    rf"|{WORD_START}{CLITICS}(?:ال)?(?:قوات|جنود|عسكريين|عسكريون)\s(?:\S+\s){{0,2}}?{US_ADJ}(?:\s\S+){{0,3}}?\s(?:تعرضت|تتعرض|تعرض|يتعرض|تعرضوا|اصيب\w*|قتل\w*)(?![\w])"
    rf"|(?<![\w])[وف]?(?:(?:تعرضت|تعرض|تتعرض|يتعرض|اصابه|اصيب|اصيبت|مقتل|قتل|استهداف|استهدف\w*|تستهدف|يستهدف|مهاجمه|هاجم\w*)\s(?:\S+\s){{0,4}}?|(?:علي|ضد)\s)"
    rf"(?:ال)?(?:قوات|جنود|عسكريين|عسكريا)\s(?:\S+\s)?{US_ADJ}{WORD_END}"
    # "the base that hosts US forces": hosting, housing or stationing counts only when the forces are US or coalition
    r"|(?:تستضيف|يستضيف|تضم|يضم|تتمركز فيه|تتمركز فيها|يتمركز فيه|يتمركز فيها|تتخذه|تتخذها|تنتشر فيه|تنتشر فيها|توجد فيه|توجد فيها|تؤوي)"
    rf"\s(?:\S+\s){{0,2}}?(?:ال)?(?:قوات|جنود|جنودا|عناصر|افراد|مستشارين)?\s?(?:من\s)?{US_ADJ}{WORD_END}"
    # a force named bare is a target only where the text aims at it ("استهدف القوات الأمريكية", "هجوم على قوات التحالف")
    r"|(?<![\w])[وف]?(?:(?:استهداف|استهدف\w*|تستهدف|يستهدف|علي|ضد|مهاجمه|هاجم\w*|يهاجم|تهاجم|طالت|طال)\s(?:\S+\s)?|ل|لل(?=قوات|جنود))"
    r"(?:قوات التحالف|القوات الامريكيه|القوات الاميركيه|الجنود الامريكيين|الجنود الاميركيين|قوات الامريكيه|قوات الاميركيه|جنود الامريكيين|جنود الاميركيين)"
    # "رتلاً لشركة عراقية متعاقدة مع التحالف": a convoy working for the US or the coalition
    rf"|{WORD_START}{CLITICS}(?:ال)?(?:رتل|رتلا|ارتال|قافله|شاحنات)\s(?:\S+\s){{0,4}}?(?:متعاقده|متعاقد|المتعاقده|تعمل لصالح|تعمل مع)\s(?:مع\s)?(?:ال)?(?:قوات\s)?(?:التحالف|{US_ADJ}|الجيش\s{US_ADJ}){WORD_END}"
)
# "the bases", "two bases", "two US enclaves": a mention standing for several acts the text names one by one.
SET_OF_TARGETS = rx(r"(?<![\w])[وف]?(?:ب|ل)?(?:ال)?(?:قواعد|قاعدتين|قاعدتان|قاعدتي|جيبين|جيبان|جيبي|مقرين|مقرات|معسكرين)(?![\w])")
# "تعرضت قاعدة ... لهجوم": bases, camps, convoys and embassies (a field, airport or "HQ" needs its name or a US word).
PASSIVE_TARGET = rx(
    rf"{WORD_START}[وف]?(?:تعرض|تعرضت|تتعرض|يتعرض|استهدفت|استهدف|طالت|طال)\s(?:ال)?(?:قاعده|قاعدتان|قاعدتين|قاعدتا|السفاره|معسكر|رتل|ارتال){WORD_END}"
)
# Where US fire comes from, not what it hits: "القوات الأمريكية المتمركزة في حقل العمر",
# "مدفعية التحالف في قاعدة العمر", "أطلقت القوات من قاعدتها في معمل كونيكو", "من داخل القاعدة".
# "أُطلقت قذائف من داخل القاعدة الأمريكية في حقل العمر": the base the fire comes from, right before its name.
FIRE_ORIGIN = rx(
    r"(?:اطلقت|اطلق|انطلقت|انطلق|اطلاق)\s(?:\S+\s){0,3}?(?:من داخل|من)\s(?:ال)?(?:قاعده|معسكر)\s(?:\S+\s){0,2}?(?:في|ب)\s?(?:ال)?(?:قاعده\s|حقل\s|مطار\s)?$"
)
# "باتجاه مواقع الفصائل": fire sent toward what follows.
TOWARD_BEFORE = rx(r"(?:باتجاه|نحو|صوب)\s$")
STATIONED_AT = rx(
    r"(?:(?:المتمركزه|الموجوده|المنتشره|المرابطه)\s(?:في|ب)"
    r"|(?:قوات|القوات|مدفعيه|المدفعيه|راجمات)\s(?:\S+\s){0,3}?(?:في|ب|من|داخل|من داخل)"
    r"|(?<![\w])من\s(?:داخل\s)?(?:قاعدتها|قاعدتهم|قواعدها|قاعدته)(?:\s(?:في|ب))?)"
    r"\s?(?:ال)?(?:قاعده\s|حقل\s|مطار\s|معمل\s)?$"
)
CLAIM = rx(
    rf"{WORD_START}{CLITICS}(?:تبنت|تبني|تبنى|يتبنى|اعلنت مسووليتها|اعلن مسووليته|اعلنت|اعلان|اعلانها|في بيان|بيان صادر|وفق بيان|بحسب بيان|بيانا|ببيان|عبر قناتها|نشرت)"
)
# A named group's own words about an act: "قالت المقاومة الإسلامية إنها أطلقت ...".
SAYS = rx(rf"{WORD_START}{CLITICS}(?:قالت|قال|ذكرت|اكدت|افادت|اعلنت|زعمت)")
# "No attack took place": a denial names a base without an act.
DENIAL = rx(
    r"(?:عدم|لم)\s(?:تعرض|يتعرض|تتعرض|وقوع|حدوث)\s(?:\S+\s){0,5}?(?:ل|الي\s)?(?:اي|ايه)\s(?:هجوم|هجمه|استهداف|اعتداء)|(?<![\w])[وف]?(?:ب|ل)?(?:نفي|نفيه|نفيها|نفت|ينفي|تنفي|نفى)(?![\w])|(?<![\w])لم\s(?:يستهدف|تستهدف|يطل|تطل)\w*|لا صحه|عار(?:يه)? عن الصحه"
)
# A group telling of its own dead ("مقتل أربعة من منتسبيها") speaks as the target, not as a claimant.
OWN_LOSSES = rx(
    r"(?:من|احد|اثنين من|ثلاثه من)\s(?:ال)?(?:منتسبيها|منتسبيه|عناصرها|عناصره|مقاتليها|مقاتليه|مجاهديها|افرادها|قادتها|كوادرها|ابطال)"
)
# Taking responsibility, as opposed to announcing anything at all.
CLAIM_VERB = rx(rf"{WORD_START}{CLITICS}(?:تبنت|تبني|تبنى|يتبنى|تتبنى|تبنيها|تبنيه|مسووليتها عن|مسووليته عن|مسووليتهم عن)")
ATTRIBUTION = rx(
    rf"{WORD_START}{CLITICS}(?:اتهم\w*|يتهم\w*|تتهم\w*|بالوقوف وراء|نسبت\w*|نسبه|حمل\w* (?:\S+ )?مسووليه|رجح\w* (?:ان )?(?:تكون|يكون)|مرجحا|مرجحه)"
)
# One act referred to ("الهجوم", "العملية"), as opposed to attacks in general ("هجمات").
SINGULAR_ATTACK = rx(rf"{WORD_START}{CLITICS}(?:ال)?(?:هجوم|استهداف|قصف|عمليه|اعتداء|ضربه|رشقه|اطلاق)(?:ين|ان)?{WORD_END}")
NO_CLAIM = rx(
    r"لم (?:تتبن|يتبن|تتبناه|يتبناه|تعلن)|دون (?:ان تتبن|الكشف عن الجهه)|لم تعرف الجهه|مجهول[هة]? المصدر|جهه مجهوله|لم يتم التعرف"
)
INTERCEPTED = rx(rf"{WORD_START}{CLITICS}(?:اسقاط|اسقط\w*|اعتراض|اعترض\w*|تصدت|تصدي|التصدي|تدمير الطائره)")
FOILED = rx(rf"{WORD_START}{CLITICS}(?:احباط|احبط\w*|افشال|افشل\w*)")
# "ولم تنجح في اعتراض الصواريخ", "فشلت في التصدي": the interception that did not happen.
FAILED_BEFORE = rx(r"(?:لم\s(?:تنجح|ينجح|تتمكن|يتمكن|تستطع|يستطع)|فشلت|فشل|عجزت|عجز)\s(?:\S+\s){0,2}?(?:في|من)?\s?$")
# "غداة إحباط هجوم مماثل على قاعدة أخرى": a step of another act, told as the time of this one.
OTHER_ACT_BEFORE = rx(r"(?<![\w])(?:غداه|بعد|عقب|قبل|اثر)\s(?:\S+\s(?:من|علي)\s)?$")
# "لا إصابات", "لم يسفر عن خسائر بشرية", "من دون تسجيل إصابات", "لم يوقع إصابات" - but not
# "دون معلومات عن قتلى" or "لم ترد تقارير عن إصابات", which say nothing is known (EVENTS.md v2).
_NOT_KNOWN = r"معلومات|انباء|تفاصيل|تاكيد|ورود|اعلان|ذكر|تقارير|ترد|يرد|تتضح|يتضح|تعرف|يعرف|حصيله|حجم"
# "ونفى مسؤول تسجيل أي إصابات": a denial of casualties, not of the attack.
CASUALTY_DENIAL = rx(
    r"(?<![\w])[وف]?(?:نفي|نفيه|نفيها|نفت|ينفي|تنفي|نفى)\s(?:\S+\s){0,4}?(?:تسجيل\s|وقوع\s|سقوط\s)?(?:اي\s|ايه\s)?"
    r"(?:اصابات|اصابه|خسائر|ضحايا|قتلي|جرحي)(?![\w])"
)
NO_CASUALTIES = rx(
    rf"(?<![\w])[وف]?(?:لم|لا|دون|بدون|عدم|لن)\s(?:(?!{_NOT_KNOWN})\S+\s){{0,6}}?"
    r"(?:اي\s|ايه\s)?(?:اصابات|اصابه|خسائر(?!\sماديه)|ضحايا|قتلي|مقتل او اصابه|اضرار او اصابات|يصاب|تصاب)(?![\w])"
    # "دون أن يقتل أو يجرح أحداً": a verb of harm with nobody as its object
    r"|(?<![\w])[وف]?(?:لم|لا|دون ان)\s(?:يقتل|تقتل|يجرح|تجرح|يصيب|تصيب)(?:\s(?:او|ولم|ولا)\s(?:يقتل|تقتل|يجرح|تجرح|يصيب|تصيب))?\sاحدا(?![\w])"
    r"|(?:اضرار|خسائر) ماديه فقط|اقتصرت (?:الاضرار|الخسائر) علي|لا وجود لاصابات|" + CASUALTY_DENIAL.pattern
)
# "لم تسجل مقتل أو إصابة أي مدني": a denial for civilians says nothing of the fighters or troops hit.
OF_CIVILIANS = rx(r"\s(?:(?:اي|ايه|بين|في صفوف|من)\s)?(?:ال)?(?:مدني|مدنيين|مدنيه|المدنيين)(?![\w])")
NO_DAMAGE = rx(
    r"دون (?:وقوع )?(?:اضرار|خسائر)|لا اضرار|اضرار ماديه فقط|مكان خال|منطقه خاليه|خارج القاعده|ارض خاليه|لم (?:تسفر|يسفر) عن (?:اي )?(?:اضرار|خسائر)"
    # "دون أن يلحق ضرراً بأي من المرافق", "لم يتم الإبلاغ عن أي أضرار"
    r"|(?<![\w])[وف]?(?:لم|لا|دون|بدون|عدم)\s(?:\S+\s){0,4}?(?:اي\s|ايه\s)?(?:اضرار|ضررا|ضرر)(?![\w])"
)
# The munitions struck, or did harm: damage caused («تسبب بأضرار», «ألحقت أضراراً»), the target hit
# («أصاب الهدف بشكل مباشر»), casualties without a figure («إصابة عدد من الجنود»).
HIT = rx(
    r"اصاب(?:ت|تا|ا)? (?:ال)?(?:اهداف|هدف)\w*|اصابه مباشره|اصابات مباشره|حدوث انفجارات|اضرار ماديه|اندلاع حريق|تدمير|دمرت|سقطت داخل|سقط داخل"
    r"|(?:تسبب\w*|الحق\w*|احدث\w*|خلف\w*|ادي الي|ادت الي|اسفر\w* عن|مع)\s(?:ب|في\s)?(?:حدوث\s|وقوع\s)?(?:ب)?(?:اضرار|اضرارا)(?![\w])"
    r"|(?<![\w])[وف]?[بل]?(?:مقتل|اصابه|جرح)\s(?:و(?:اصابه|جرح)\s)?(?:عدد|العشرات|عشرات)(?![\w])"
)
APPROX = r"(?:ما\s)?(?:يقرب\sمن|يزيد\sعن|يزيد\sعلي|لا\sيقل\sعن|نحو|حوالي|قرابه|اكثر\sمن|اقل\sمن|ما لا يقل عن)?\s?"
# Nouns a figure is told with instead of a number («مقتل جندي», «إصابة ضابطين»), and how many each names.
VICTIMS = {fold(row["term"]): int(row["number"]) for row in _rows("victims.csv")}
VICTIM = "(?:" + "|".join(sorted(VICTIMS, key=len, reverse=True)) + ")"
# Plurals of victim nouns, which a number before them counts («أربعة من أفراد الخدمة», «ثلاثة جنود»).
VICTIMS_PLURAL = fold(r"(?:افراد|عناصر|جنود|عسكريين|مدنيين|اشخاص|منتسبي|مقاتلين|موظفين|متعاقدين|ضباط|حراس)")
# Victims on the US side: «أفراد الخدمة», «جنود أمريكيين», «متعاقد أمريكي».
US_VICTIMS = rx(
    r"افراد الخدمه|(?:جنود|جندي|جنديين|عسكري|عسكريين|متعاقد|متعاقدين|مقاول|مقاولين|موظف)\S{0,2}\s(?:\S+\s)?(?:ال)?(?:امريكي|اميركي|امريكيين|اميركيين|امريكيان|اميركيان)"
)
# The accusative «متعاقداً», «عنصراً» of a singular victim noun (tanwin folds to a final alef).
VICTIM_ONE = "(?:" + "|".join(sorted((w for w, n in VICTIMS.items() if n == 1), key=len, reverse=True)) + ")ا?"
# "الذي أصيب فيه متعاقد": the pronoun of the act between the verb and its victim.
_ACT_PRONOUN = r"(?:(?:فيه|فيها|خلاله|خلالها|جراءه|جراءها|بسببه)\s)?"
# A dual toll noun is a figure on its own: «ارتقاء شهيدين», «سقوط قتيلين».
DUAL_TOLL = {fold(w): 2 for w in ("قتيلين", "قتيلان", "شهيدين", "شهيدان", "جريحين", "جريحان", "مصابان")}
# A number word after a noun is its count («شرطيين اثنين», «حارسان اثنان»).
APPOSED_NUMBER = r"(?:اثنين|اثنان|اثنتين|اثنتان|واحد|واحده)"
# "شرطيين اثنين": a noun, then the number word that counts it.
APPOSED = re.compile(rf"(?P<noun>\S+)\s(?P<n>{APPOSED_NUMBER})")
# One group of victims: a number, a victim noun, or any noun counted by the word after it.
VICTIM_ITEM = (
    rf"(?:{NUMBER}|{VICTIM}(?:\s{APPOSED_NUMBER})?|(?!(?:اصاب|اصيب|جرح|قتل|مقتل|مصرع|استشهاد)\S*\s)\S+\s{APPOSED_NUMBER})(?![\w])"
)
# "اللواء 45", "الفرقة الـ19": a number right after a definite noun names a unit, it counts nobody.
LABEL_BEFORE = re.compile(r"(?:^|\s)(?!الي\s)ال\S{2,}\s(?:ال)?$")
# "مقتله وشخص آخر": the one the pronoun names is counted with those coordinated after him.
SELF_TOLL = r"(?:ه|ها|هما)(?=\sو" + VICTIM_ITEM + ")"
# Verbs told after their subject: «8 جنود أميركيين جرحوا», «وكانت خمسة عناصر من الحراسة قد أصيبوا».
# The words between them never cross "إن" (another clause) or a digit (another figure).
_SUBJECT_GAP = r"\s(?:(?!ان\s|انه\s|\S*\d)\S+\s){0,4}?(?:قد\s)?"
# The nouns of a figure of one kind: "خلفت 16 شهيداً و25 جريحاً" is 16 dead, not 41.
KILLED_NOUN = r"(?:قتلي|قتيلا|قتيل|شهداء|شهيدا|قتيلين|قتيلان|شهيدين|شهيدان)(?![\w])"
INJURED_NOUN = r"(?:جرحي|مصابين|مصابا|جريحا|جريح|اصابات|جريحين|جريحان)(?![\w])"
KILLED = rx(
    rf"{WORD_START}{CLITICS}(?:مقتل|قتل|تقتل|يقتل|قتلت|مصرع|استشهاد|ارتقاء|اسفر عن مقتل|خلف\w*|(?:اودي|اودت|يودي|تودي)\s(?:\S+\s){{0,3}}?بحياه)\s{_ACT_PRONOUN}{APPROX}(?P<n>{VICTIM_ITEM})(?!\s{INJURED_NOUN})"
    # the count as subject: «بلغ عدد القتلى 5», «عدد القتلى بلغ خمسة»
    rf"|{WORD_START}(?:حصيله|عدد)\s(?:ال)?(?:قتلي|ضحايا|شهداء|وفيات)\s(?:\S+\s){{0,2}}?(?:بلغ|بلغت|وصل|وصلت)\s(?:الي\s)?{APPROX}(?P<n8>{NUMBER})(?![\w])"
    rf"|{WORD_START}{CLITICS}(?:مقتل|مصرع|استشهاد){SELF_TOLL}"
    rf"|{WORD_START}[وبل]?(?P<n2>{NUMBER})\s(?:قتلي|قتيلا|قتيل|شهداء|شهيدا)"
    rf"|{WORD_START}(?:ال)?(?P<n3>{VICTIM_ITEM}){_SUBJECT_GAP}(?:قتلوا|قتلا|قتلن|لقوا حتفهم|لقيا حتفهما|لقوا مصرعهم|لقيا مصرعهما|قضوا|استشهدوا|استشهدا)"
    rf"|{WORD_START}(?P<n4>قتيلين|قتيلان|شهيدين|شهيدان){WORD_END}"
    # one victim, the verb after it: «وإن متعاقداً مدنياً قُتل»
    rf"|{WORD_START}(?P<n5>{VICTIM_ONE})\s(?:(?!ان\s)\S+\s){{0,2}}?(?:قد\s)?(?:قتل|قتلت|لقي حتفه|لقي مصرعه|لقيت حتفها)(?![\w])"
)
INJURED = rx(
    rf"{WORD_START}{CLITICS}(?:اصابه|جرح|اصيب|اصيبت|تصيب|يصيب)\s{_ACT_PRONOUN}{APPROX}(?P<n>{VICTIM_ITEM})(?!\s{KILLED_NOUN})"
    rf"|{WORD_START}(?:حصيله|عدد)\s(?:ال)?(?:جرحي|مصابين|اصابات)\s(?:\S+\s){{0,2}}?(?:بلغ|بلغت|وصل|وصلت)\s(?:الي\s)?{APPROX}(?P<n8>{NUMBER})(?![\w])"
    # «أصاب أربعة من أفراد الخدمة»: the active verb's object is its victims; a bare number is its
    # subject («أصاب اثنان محيطها»: two of the rockets hit around it)
    rf"|{WORD_START}[وف]?اصاب\s{APPROX}(?:(?P<n6>{NUMBER})(?=\s(?:من\s)?(?:ال)?(?:{VICTIM}|{VICTIMS_PLURAL})(?![\w]))|(?P<n7>{VICTIM})(?![\w]))"
    rf"|{WORD_START}{CLITICS}(?:اصابت|جرح){SELF_TOLL}"
    rf"|{WORD_START}[وبل]?(?P<n2>{NUMBER})\s(?:جرحي|مصابين|مصابا|جريحا|اصابات)"
    rf"|{WORD_START}(?:ال)?(?P<n3>{VICTIM_ITEM}){_SUBJECT_GAP}(?:جرحوا|جرحا|اصيبوا|اصيبا|اصبن)"
    rf"|{WORD_START}(?P<n4>جريحين|جريحان|مصابان){WORD_END}"
    # one victim, the verb after it: «وإن متعاقداً مدنياً أصيب بجروح طفيفة»
    rf"|{WORD_START}(?P<n5>{VICTIM_ONE})\s(?:(?!ان\s)\S+\s){{0,2}}?(?:قد\s)?(?:اصيب|اصيبت|جرح|جرحت)(?![\w])"
)
# "وارتفعت حصيلة الجرحى لاحقاً إلى 9": a toll updated later replaces the one told first (EVENTS.md v2).
_UPDATE = r"(?<![\w])[وف]?(?:ارتفع|ارتفعت|ترتفع|يرتفع|ارتفاع|وصلت|وصل|بلغت|بلغ)\s(?:\S+\s){0,2}?(?:حصيله|عدد)\s(?:ال)?"
_TO = r"(?:\s\S+){0,4}?\s(?:الي|ل)\s?" + APPROX + rf"(?P<n>{NUMBER})(?![\w])"
KILLED_UPDATE = rx(_UPDATE + r"(?:قتلي|ضحايا|شهداء|وفيات)" + _TO)
INJURED_UPDATE = rx(_UPDATE + r"(?:جرحي|مصابين|اصابات|المصابين|الجرحي)" + _TO)
# More victims coordinated with a group: «إصابة ضابط وثلاثة من منتسبي القوة», «مقتل 3 عسكريين وشرطيين اثنين ومدني».
MORE_VICTIMS = re.compile(rf"(?:\s(?!و)\S+){{0,4}}?\sو(?P<n>{VICTIM_ITEM})(?!\s(?:{KILLED_NOUN}|{INJURED_NOUN}))")
# Two figures of one kind added up: «وأصيب أربعة آخرون، إضافة إلى جرح مترجم».
ALSO_TOLL = rx(r"^(?:\s?\S+){0,2}?\s?[،,]?\s?(?:و|ف)?(?:اضافه الي|بالاضافه الي|فضلا عن|علاوه علي|و)\s?$")
# The words of each country of the vocabulary (transforms/vocabulary/countries.csv).
COUNTRY_WORDS = {
    code: rx(rf"{WORD_START}{CLITICS}(?:{'|'.join(map(re.escape, country.spellings))}){WORD_END}")
    for code, country in vocabulary.countries().items()
}
STRONG_BREAK = rx(
    r"،\s?(?:و|ف|كما|فيما|في ما|بينما|ثم)|؛|\sفيما\s|\sبينما\s|\sفي حين\s|\sثم\s|\sردت\s|\sوردت\s|\sوردا\s|\sردا\s|\sرد\s|\sعلي الاثر"
)
SOURCE_CUE = rx(
    r"(?:قناه|وكاله|موقع|صحيفه|شبكه|بحسب|وفق|حسب|نقلت|قالت|ذكرت|افادت|افاد|اوردت|اعلنت|نقلا عن|لوكاله)(?:\sبه|\sبها)?\s?(?:ال)?$"
)
PLACE_CUE = rx(
    r"(?:(?:مدينه|بلده|منطقه|قريه|ناحيه)(?:تي|تين)?|مدينتي|بلدتي|منطقتي|قريتي|ريف|بادي[هة]|صحراء|محيط|اطراف|قرب|بالقرب من|في|ب|علي)\s?$|\sو$"
)
# Nouns only an attack is told with (not "launching" or "targeting", said of strikes too).
ATTACK_NOUN = rx(WORD_START + CLITICS + r"(?:ال)?(?:هجوم\w*|هجمات|هجمه|اعتداء\w*|تعرض\w*)" + WORD_END)

NAMED_ACTORS = vocabulary.named_militias()
GENERIC_IRAN_ALIGNED = rx(
    r"(?:موال|موالي|موالين|موالون|مواليه|تابع|تابعه|تابعين|مدعوم|مدعومه|مدعومين|مرتبط|مرتبطه|مرتبطين|مقرب|مقربه|حليف|حليفه|وكلاء)\w*\s(?:ل|من\s|من\sقبل\s|ب)?(?:ايران|طهران|الحرس الثوري)"
    r"|(?:الميليشيات|المليشيات|الميلشيات|ميليشيات|مليشيات|الفصائل|فصائل|الجماعات|جماعات|المجموعات|مجموعات)\s(?:المسلحه\s)?(?:الايرانيه|الموالي\w*|التابعه|المدعومه|العراقيه المسلحه)"
    r"|مدعومه ايرانيا|مدعومين ايرانيا|وكلاء ايران|ميليشيا عراقيه|فصائل عراقيه|فصيل عراقي|فصائل مسلحه عراقيه"
    # an Iranian-made weapon fired at a US base: "بواسطة طائرات إيرانية مسيرة"
    r"|(?:طائرات|طائره|مسيرات|مسيره|صواريخ|صاروخ)\s(?:\S+\s)?(?:ايرانيه|ايراني)(?![\w])(?!\s(?:الصنع|المنشا|المنشاه|التصميم))"
)

COMBINED_TOLL = re.compile(fold(r"(?:قتل|مقتل|سقوط)\s?و\s?(?:جرح|اصابه|اصابات|جرحي)\s?$|(?:قتل|مقتل)\sو$"))
# "بعد منتصف الليل", "بعد الظهر", "بعد الساعة السابعة": a time of day, not a cause.
CLOCK_AFTER = rx(r"\s(?:منتصف|الظهر|ظهر|العصر|عصر|الساعه|ساعات|ساعه|دقائق|الفجر|المغرب|العشاء)(?![\w])")
# "على بعد كيلومترين": a distance, not a cause.
DISTANCE_BEFORE = rx(r"(?<![\w])علي\s$")
CAUSE = rx(
    r"(?<![\w])(?:بعد|عقب|اثر|علي اثر|اعقاب|في اعقاب|علي خلفيه|بسبب|(?:ردا|رد|ردها|رده|كرد|انتقاما|ثارا)\s(?:\S+\s)?(?:علي|ل))(?![\w])"
)
# "بعد يوم واحد من استهداف ...", "بعد ساعات من": how long after the act named next this one came.
INTERVAL_AFTER = rx(
    rf"(?<![\w])(?:بعد|عقب)\s(?:(?P<one>يوم واحد|يوم)|(?P<two>يومين)|(?P<n>{NUMBER})\sايام|(?P<hours>ساعات|ساعه|ساعتين|اقل من يوم|اقل من 24 ساعه))\s(?:من|علي)(?![\w])"
)
# "من هجمات مثل تلك التي وقعت في 15 أغسطس": a day in the relative clause of another act is that act's.
OTHER_ACT_RELATIVE = rx(
    r"(?<![\w])(?:ال)?(?:هجوم|هجمات|اعتداء|اعتداءات|ضربات|غارات)(?![\w])(?:\s\S+){0,3}?\s(?:التي|الذي)\s(?:وقع|وقعت|استهدف|استهدفت|شن|شنت|نفذ|نفذت)\s(?:\S+\s){0,3}?$"
)
# "ويأتي الهجوم بعد ...", "وجاءت الغارات عقب ...": the act is told as coming after another one.
COMES_AFTER = rx(r"(?<![\w])[وف]?(?:ياتي|تاتي|جاء|جاءت|اتي|اتت)(?![\w])")
# "as a result of": what is told before it came of the act right after it, at its time.
RESULT_OF = rx(r"(?:اثر|علي اثر|بسبب)")
# Someone killed or hurt, told as a verb or verbal noun.
KILLED_OR_HURT_VERB = rx(r"(?<![\w])[وف]?(?:قتل|قتلت|مقتل|مصرع|اصيب|اصيبت|اصابه|جرح|استشهد|استشهاد)(?![\w])")
CASUALTY_WORD = re.compile(
    fold(r"قتل|مقتل|مصرع|اصاب|اصيب|يصاب|تصاب|جرح|جريح|ضحايا|خسائر|اضرار|شهيد|شهداء|استشهاد|حتف|قضوا|مصاب|بحياه|قتلي|وفيات")
)
COUNT_BEFORE = re.compile(rf"(?:^|[\s])(?:ب|و|وب|ل|ول)?(?P<n>{NUMBER})\s(?:من\s)?$")
# "هجومين صاروخيين / هجومين صاروخين": the weapon word describes the attacks, it counts nothing.
ATTACK_NOUN_BEFORE = re.compile(fold(r"(?:هجوم|هجومين|هجومان|هجمات|هجوما|اعتداء|اعتداءين|ضربات|غارات|قصف)\s$"))
AIRCRAFT_NUMBER = {
    fold(k): v
    for k, v in {"طائرات": "plural", "طائرتين": "2", "طائرتان": "2", "طائرة": "1", "طيارات": "plural", "طيارة": "1"}.items()
}
# "بطائرات مسيرة", "طائرات إيرانية مسيرة": the noun with its clitics, and a nisba adjective between.
AIRCRAFT_BEFORE = re.compile(r"(?:^|\s)" + CLITICS + r"(" + "|".join(AIRCRAFT_NUMBER) + r")\s(?:\S+يه\s)?$")
# Aircraft named as the means of an air strike, as opposed to the strike nouns «غارة», «ضربة جوية».
AIRCRAFT_MEANS = rx(r"طائرات|طائره|مقاتلات|قاذف|الطيران|طيران|مروحيات")
# "بصواريخ", "بالقذائف", "بقصف صاروخي": the clitic of the instrument, before a weapon word or its act.
# "بصواريخ", "بالقذائف", "بقصف صاروخي", and with a count between: "بثلاثة صواريخ", "بـ3 قذائف".
# "أطلقت القوات الأمريكية من قاعدتها ... صباح اليوم قذائف نحو القرى": munitions a force fires are its strike's means.
FORCE_FIRES_BEFORE = rx(r"(?<![\w])[وف]?(?:اطلقت|اطلق|تطلق|يطلق)\s(?:ال)?(?:قوات|جيش|مدفعيه|راجمات)(?![\w])(?:\s\S+){0,14}?\s$")
# Shells, as against rockets: fired by a force from its base, they are its artillery.
SHELL_WORD = rx(r"(?<![\w])[وف]?[بل]?(?:ال)?(?:قذيفه|قذائف|قذيفتين|قذيفتان)(?![\w])(?!\s(?:صاروخيه|الصاروخيه))")
INSTRUMENT_BEFORE = re.compile(fold(rf"(?:^|\s)[وف]?ب(?:ال)?(?:(?:قصف|رشقه|رشقات|ضربه|ضربات)\s(?:ال)?|(?:{NUMBER})\s)?$"))
# "صاروخ على فكتوريا", "على قاعدة فكتوريا": a weapon aimed at a target named after it; the target
# already told of comes back with the article ("باتجاه السفارة", "على القاعدة").
OTHER_TARGET = rx(r"\s(?:\S+\s)?(?:علي|الي|باتجاه|نحو)\s(?!ال|نفس)")
# "مخازن للصواريخ والطائرات المسيرة": the "and" that joins a second weapon word to the first.
AND_BETWEEN = re.compile(r"\s?و\s?(?:ال)?")
# A weapon word after these names something spoken of, not the means of an act: «أصوات الصواريخ»,
# «شحنة صواريخ», «مخازن للصواريخ», «منصة صواريخ».
NOT_FIRED_BEFORE = rx(
    r"(?:اصوات|صوت|شحنه|شحنات|مخازن|مخزن|مستودع|مستودعات|مستودعا|تخزين|منصه|منصات|مصنع|مصانع|ورشه|ورش|تصنيع|تهريب)"
    r"\s(?:ل|لل)?(?:ال)?$"
)
# "صواريخ موجهة نحو القاعدة": «موجهة» as "aimed", with the direction after it, not "guided".
AIMED_AT = rx(r"\S+\s(?:ال)?موجه\w*\s(?:نحو|الي|باتجاه|صوب|ضد)(?![\w])")
# "صواريخ اعتراضية", "صواريخ مضادة للطائرات": the defence's weapons, not the attack's.
NOT_FIRED_AFTER = rx(r"\s(?:ال)?(?:اعتراضيه|اعتراضي|الاعتراضيه|دفاعيه|مضاده|المضاده)(?![\w])")
# "من نوع صواريخ فاتح", "من طراز": the words give the type of a weapon told of more loosely.
TYPE_BEFORE = rx(r"(?:من\s)?(?:نوع|طراز)\s$")
VAGUE_BEFORE = re.compile(fold(r"(?:عده|عدد من|بعض|رشقات|رشقه|سلسله|عشرات|مئات)\s(?:من\s)?(?:ال)?$"))

# A count that introduces a list ("توزعت الهجمات على النحو التالي: 17 على ...") governs the whole sentence.
# So does a count over a period ("منذ 19 تشرين الأول ما مجموعه 103 هجمات"): every place the sentence names is counted.
LIST_TALLY = rx(r"توزعت|علي النحو التالي|كالتالي|كما يلي")
SINCE = rx(r"(?<![\w])[وف]?منذ(?![\w])")
# A count of attacks in figures ("103 هجمات", "خمسين هجوماً", "مئات الهجمات"), not "a series" or "the deadliest since".
COUNTED_ATTACKS = rx(
    rf"(?:{NUMBER}|عشرات|مئات)\s(?:من\s)?(?:ال)?(?:هجوما|هجمات|هجوم|اعتداء|اعتداءات|استهدافا|استهدافات|عمليه|عمليات)(?![\w])"
)
# --- modifiers that govern their clause (not the sentence, not the article) ---------------
# Where one clause ends and the next begins: a comma with a conjunction ("، و", "، فيما"; not a bare
# "، ف", which opens "، فجر اليوم" as often as a clause), a semicolon, or a conjunction that opens a new
# act ("ثم", "رداً").
CLAUSE_BREAK = rx(
    r"،\s?(?:و|كما|فيما|في ما|بينما|ثم)|؛|\sفيما\s|\sبينما\s|\sفي حين\s|\sثم\s"
    # a comment ranking the act: "، في أكثر الهجمات دموية منذ سنوات", "، هو الأعنف منذ"
    r"|،\s?(?:في|هو|هي)\s(?:ال)?(?:اكثر|اعنف|اسوا|اكبر|اخطر|احدث|اخر)(?![\w])"
    r"|\sردت\s|\sوردت\s|\sوردا\s|\sردا\s|\sرد\s|\sعلي الاثر"
    # a clause of time tells its own act: "، بعد مقتل 3 جنود في قاعدة البرج 22", "، قبل أن تتوقف"
    r"|،\s?(?:بعد|قبل|عقب|اثر|منذ)\s"
    # a participle of saying opens the speaker's next statement: "، موضحةً أن الهجوم الأبرز استهدف ..."
    r"|،\s?(?:موضحا|موضحه|مضيفا|مضيفه|مشيرا|مشيره|مؤكدا|مؤكده|لافتا|لافته|معتبرا|معتبره)(?![\w])"
)
# A clause ends at a strong break, or at a comma that opens an item of an enumeration:
# "أربع هجمات، اثنتان على قاعدة حرير وواحدة على التنف" itemises what the count sums up.
ENUMERATION_BREAK = rx(
    r"،\s?(?=(?:اثنتان|اثنان|واحده|واحد|الاولي|الاول|الثانيه|الثاني|احداها|احدها|اولاها|اخرها|احدثها|كان احدثها|كان اخرها|بينها|منها)(?![\w]))"
)
# Verbs that say what a place holds or where it lies: a clause of them describes, it tells no act.
DESCRIBING = rx(
    WORD_START + r"[وف]?(?:يضم|تضم|توجد|يوجد|تستضيف|يستضيف|تقع|يقع|تحتضن|يحتضن|تتمركز|يتمركز|تنتشر|ينتشر|تؤوي|يؤوي)" + WORD_END
)
# A drill as what the clause tells ("أجرت القوات تدريبات بالذخيرة الحية"): not a training camp struck.
DRILL_ACT = rx(
    WORD_START
    + r"[وف]?(?:اجرت|اجري|تجري|يجري|نفذت|نفذ|تنفذ|ينفذ|اجراء|تنفيذ)\s(?:\S+\s){0,12}?(?:تدريبات|مناورات|تمرين|تمارين|رمايات|رمايه)"
    + WORD_END
)
# Acts in general, not an act: present-tense or continuing verbs, "since" a time, "daily".
HABITUAL = rx(
    WORD_START
    + r"[وف]?(?:تتعرض|يتعرض|تتعرضان|يتعرضون|تواصل|يواصل|تستمر|يستمر|تتواصل|يتواصل|تتكرر|يتكرر|اعتادت|اعتاد)"
    + WORD_END
    + r"|(?<![\w])منذ\s(?:\S+\s)?(?:ايام|اسابيع|اشهر|شهور|اعوام|سنوات|بدء|بدايه|اندلاع)(?![\w])"
    + r"|(?:اليومي|اليوميه|المتكرر|المتكرره|المستمر|المستمره|المتواصل|المتواصله)(?![\w])"
    # "خلال الأعوام الماضية", "في الأشهر الأخيرة": over a span of time, not on a day
    + r"|(?:خلال|في|طيله|علي مدي|علي مدار)\s(?:ال)?(?:اعوام|سنوات|اشهر|شهور|اسابيع|الاعوام|السنوات|الاشهر|الشهور|الاسابيع)\s(?:ال)?(?:ماضيه|اخيره|الماضيه|الاخيره|الفايته|المنصرمه)(?![\w])"
    # "تعرضت القواعد الأمريكية ... منذ 19 تشرين الأول": bases, plural, over a period
    + r"|(?<![\w])[وف]?(?:ال)?قواعد(?:\s\S+){0,12}?\sمنذ(?![\w])"
)
# Acts feared or prevented, not acts: "تحسباً لأي هجمات", "خشية هجوم", "لصد أي هجوم".
HYPOTHETICAL = rx(
    WORD_START
    + r"(?:تحسبا|تحسب|خشيه|تخوفا|استعدادا|تاهبا|لمنع|لصد|لردع|لاحباط)"
    + WORD_END
    + r"|(?<![\w])[لو]?(?:اي|ايه)\s(?:هجوم|هجمات|هجمه|اعتداء|اعتداءات|استهداف|تهديد|تهديدات)(?![\w])"
)

# A photo caption scraped with the page ("قصف سابق على القاعدة – أرشيف"): it shows an older act.
# A line that links another story ("اقرأ أيضاً: ...", "ذات صلة"): the headline after it is not this report's news.
CROSS_REFERENCE_LINE = rx(
    r"^\W{0,3}(?:(?:اقرا|طالع|شاهد)\s(?:ايضا|المزيد)|(?:مواضيع|اخبار|مقالات)?\s?ذات صله|للمزيد|قد يهمك|يهمك ايضا)(?![\w])"
)
CAPTION = rx(r"(?:[-–—(]\s?|\s)(?:ارشيف|ارشيفيه|صوره ارشيفيه|صوره تعبيريه|صوره من الارشيف)\s?\)?\s?[.]?$")
# The Islamic State as the target: out of this conflict's scope (the coalition's own name contains it).
ISIS = rx(r"(?<![\w])[وفبل]?(?:داعش|تنظيم الدوله|الدوله الاسلاميه|خلايا التنظيم)(?![\w])")
COALITION_NAME_BEFORE = rx(r"التحالف(?:\s\S+){0,3}\s(?:ضد|لمحاربه|لمكافحه|لقتال)\s(?:تنظيم\s)?$")
# A militia's positions, depots or vehicles as the object: the act aimed at them is a strike
# ("ردت باستهداف مواقع للمليشيات الإيرانية").
MILITIA_TARGET = rx(
    WORD_START
    + CLITICS
    + r"(?:ال)?(?:مواقع|موقع|مقرات|مقر|نقاط|نقطه|مستودعات|مستودع|مخازن|مخزن|اهداف|معسكر|منشات|منشاه|اليات|اليه|سياره|شاحنات|تجمعات)"
    # "مواقع للفصائل", "مواقع تابعة للفصائل", and the construct "مواقع الفصائل"
    r"\s(?:(?:\S+\s)?(?:لل|ل|تابعه\sل|تابع\sل|تتبع\sل|يستخدمها\s|تستخدمها\s)(?:ال)?|ال)"
    r"(?:ميليشيات|مليشيات|ميلشيات|ميليشيا|مليشيا|فصائل|فصيل|حشد|حزب الله|كتائب|حرس|مجموعات|جماعات|قوات الرديفه|ايران)"
)
# "شمالي بغداد", "جنوب شرقي العاصمة بغداد": a place given relative to a town is not the town.
DIRECTION_BEFORE = rx(
    r"(?:(?<![\w])(?:شمال|جنوب|شرق|غرب)(?:ي|ا)?(?:\s(?:شرق|غرب)(?:ي)?)?"
    # "10 كم عن البوكمال", "على بعد 7 كيلومترات من القاعدة"
    r"|(?:كم|كيلومتر|كيلومترات|كلم|ميل|اميال)\s(?:\S+\s)?(?:عن|من)"
    # "القحطانية التابعة للقامشلي": the administrative parent of the place named before it
    r"|(?:التابعه|التابع)\sل"
    # "الطريق الرابط بين كربلاء والنجف": the two ends of what lies between them
    r"|(?<![\w])بين|(?<![\w])بين\s\S+(?:\s\S+)?\sو"
    r")\s?(?:ال)?(?:عاصمه\s|مدينه\s)?$"
)
# Where munitions were launched from, not what they hit: "أُطلقت من مدينة الموصل باتجاه ...".
LAUNCHED_FROM = rx(
    # "بالقرب من", "على مقربة من": near, not from.
    r"(?:اطلقت|اطلق|انطلقت|انطلق|تنطلق|ينطلق|اطلاقها|اطلاقه|اطلاق|اطلقها|اطلقه)(?:\s\S+){0,4}?\s(?<!القرب\s)(?<!\sقرب\s)(?<!مقربه\s)(?:من|انطلاقا من)\s(?:داخل\s)?"
    r"(?:ال)?(?:مدينه\s|منطقه\s|بلده\s|قضاء\s|ناحيه\s|محافظه\s|بساتين\s|اطراف\s)?$"
)
# "X في منطقة Y": X lies inside Y (a crossing named after a town across the border is no town).
INSIDE = rx(r"\s?(?:الرئيسي|الحدودي|العسكري)?\s?(?:في|ضمن|داخل|ب)\s?(?:ال)?(?:منطقه\s|مدينه\s|بلده\s|ريف\s)?")
# A match that opens with a strike verb: its subject may stand before it.
STRIKE_VERB_FIRST = rx(rf"[وف]?{STRIKE_VERB}\s")
# An attack or munition noun just before a verb is its subject: "هجمات استهدفت ...", "صواريخ تستهدف ...".
ATTACK_OR_MUNITION_BEFORE = rx(
    r"(?:هجوم|هجمات|هجوما|هجمه|صاروخ|صواريخ|قذيفه|قذائف|مسيره|مسيرات|طائره مسيره|طائرات مسيره|عبوه|عبوات)(?:\s\S+){0,2}\s?$"
)
GOVERNORATE_WORD_BEFORE = rx(r"(?:محافظه|محافظتي|محافظتين|محافظات)\s?(?:ال)?$")
# "ويأتي هذا الهجوم ضمن سلسلة من الهجمات التي تشنها الميليشيات ...": the act told before is one of a
# series the sentence gives to a group, so that group is its attacker.
PLACED_IN_A_SERIES = rx(
    r"(?<![\w])(?:هذا|هذه)\s(?:ال)?(?:هجوم|هجمه|استهداف|ضربه|عمليه|قصف)(?![\w])[^.،]{0,40}?\s(?:ضمن|في اطار|في سياق)\s"
    r"(?:سلسله\s(?:من\s)?|موجه\s(?:من\s)?)?(?:ال)?(?:هجمات|عمليات|اعتداءات|ضربات)\s(?:\S+\s)?(?:التي\s)?"
    r"(?:تشنها|يشنها|شنتها|تنفذها|ينفذها|نفذتها|تقوم بها)(?![\w])"
)
# "تلك الغارات", "هذه الضربات", "هذا الهجوم", "الهجوم ذاته": the act told before, not another one.
# "وكان الجنود في البرج 22", "ووقع الهجوم في قاعدة التنف": where the people hit were, or the act took place.
LOCATED_IN = rx(r"(?<![\w])[وف]?(?:كانوا|كان|كانت|وقع|وقعت|حدث|جري)\s(?:\S+\s){0,3}?(?:في|داخل|ب)(?=\s|ال)")
# "وأُغلق المطار عقب الهجوم": the act told before, named after a cause word as what led to something else.
CAUSE_RIGHT_BEFORE = rx(r"(?<![\w])(?:عقب|بعد|اثر|جراء|بسبب)\s$")
DEMONSTRATIVE_ACT = rx(
    r"(?<![\w])(?:تلك|هذه|هذا|ذلك)\s(?:ال)?(?:غارات|غاره|ضربات|ضربه|ضربتين|ضربتان|هجوم|هجمات|قصف|استهداف|عمليه|هجمه)(?![\w])"
    r"|(?<![\w])(?:ال)?(?:غارات|غاره|ضربات|ضربه|هجوم|قصف|استهداف|عمليه)\s(?:ذاتها|نفسها|ذاته|نفسه|المذكوره|المذكور|الاخيره|الاخير)(?![\w])"
)
# Between a place and the town that contains it: "الحيدرية ببادية الميادين", "السعيدات في ناحية جرف النصر".
LOCATOR_BETWEEN = rx(
    r"\s(?:[،,]\s)?(?:في|ب|ضمن|داخل|قرب|بالقرب من)?\s?(?:ال)?(?:ريف|بادي[هة]|منطقه|مدينه|بلده|قضاء|ناحيه|اطراف|محيط)?\s?(?:ال)?"
)
SPEAKER_PLACE = rx(r"(?:تعليق|رد|موقف|بيان|تصريح|تعقيب)(?:\s\S+)?\sمن\s$")
# The US or the coalition named anywhere, with any clitic ("للتحالف", "الأمريكية").
US_OR_COALITION_WORD = rx(r"تحالف|امريك|اميرك")
# An attack that did not happen because something stopped it: "ما حال دون وقوع هجوم على قاعدة عين الأسد".
PREVENTED = rx(r"(?:حال|حالت|يحول|تحول|للحيلوله)\sدون\s(?:وقوع\s)?|(?<![\w])(?:منع|منعت|يمنع|لمنع)\s(?:وقوع\s)?")
# "أن" / "إن" opens what a statement says: a day after it is the act's, not the statement's.
COMPLEMENTIZER = rx(r"(?<![\w])(?:ان|انه|انها|بان|بانه|بانها)(?![\w])")
# Before a militia that threatens, is struck or is killed rather than acts: "وسط تهديد فصائل ...",
# "اغتيال القائد في الحشد", "مواقع لكتائب ..." (not a verb before its subject: "استهدفت الكتائب ...").
NON_AGENT_BEFORE = rx(
    r"(?:تهديد|تهديدات|تهدد|هدد\w*|توعد\w*|اغتيال|مقتل|ضد|مواقع|مقرات|مقر|مخازن)"
    r"\s(?:\S+\s){0,3}?(?:(?:في|من|ل|لل|عن)\s?)?(?:ال)?$"
)
# Attacks announced for later: "بدء العد التنازلي لشن هجمات", "الاستعداد لشن هجمات".
ATTACKS_TO_COME = rx(r"(?:العد التنازلي|الاستعداد|التحضير|التجهيز)\s(?:\S+\s){0,2}?(?:ل|ب)?شن\s(?:ال)?هجمات")
# Launched from ground a militia holds: "أُطلقت من بادية تسيطر عليها مجموعات موالية لإيران".
LAUNCHED_FROM_HELD = rx(
    r"(?:اطلقت|اطلق|انطلقت|انطلق)(?:\s\S+){0,3}?\s(?:من|انطلاقا من)\s(?:\S+\s){1,4}?"
    r"(?:تسيطر عليها|يسيطر عليها|الخاضعه لسيطره|الخاضع لسيطره|تنتشر فيها|ينتشر فيها|تتمركز فيها|يتمركز فيها|تابعه ل|التابعه ل)"
)
# A sentence set aside as a reminder ("يذكر أن ...", "الجدير بالذكر أن ..."): commentary on the story.
ASIDE = rx(r"^[وف]?(?:يذكر|يشار الي|الجدير بالذكر|جدير بالذكر|يجدر بالذكر)\s(?:ايضا\s)?ان(?![\w])")
# "من جانبه، أفاد موقع ... بأن": a sentence opened by a turn to another party, which reports on its own.
OTHER_VOICE = rx(r"^\W{0,3}[وف]?من\s(?:جانبه|جانبها|جانبهم|جهته|جهتها|جهتهم)(?![\w])")
# A strike from the air that names no striker: "قصف بطائرة مسيرة استهدف سيارتهما", "طائرة مسيرة قصفت مخزناً".
UNATTRIBUTED_AERIAL = rx(
    r"(?<![\w])[وف]?(?:قصف|غاره|غارات|ضربه|ضربات|استهداف|هجوم)\s(?:جوي\S*\s)?(?:ب|من قبل\s)(?:ال)?(?:طائره|طائرات|مسيره|مسيرات)(?![\w])"
    r"|(?<![\w])[وف]?(?:ال)?(?:طائره|طائرات)\s(?:ال)?(?:مسيره|مسيرات|حربيه)\s(?:\S+\s)?(?:استهدفت|قصفت|ضربت|اغارت)(?![\w])"
    r"|(?<![\w])[وف]?(?:استهدفت|قصفت|ضربت|اغارت)\s(?:ال)?(?:طائره|طائرات)\s(?:ال)?(?:مسيره|مسيرات|حربيه)(?![\w])"
    r"|(?<![\w])[وف]?(?:غارات|غاره|قصف)\s(?:ل|من\s)?(?:ال)?طيران\s(?:ال)?مجهول"
)
# Who such a strike hit: a militia's people or its places («قياديان في كتائب حزب الله», «مخزناً للحشد الشعبي»).
MILITIA_HIT = rx(
    r"(?:قيادي|قياديان|قياديين|قاده|القياديين|عناصر|مقاتلين|قائد|مسؤول|مسؤولين)\s(?:\S+\s)?(?:في|من|ب)\s?(?:ال)?(?:كتائب|الكتائب|الحشد|حزب الله|فصيل|الفصائل|فصائل|حركه|النجباء)"
    r"|(?:مخزن|مخزنا|مستودع|مقر|مقرا|معسكر|موقع|موقعا|سياره|عجله)\s(?:\S+\s)?(?:لل|ل|تابع\S*\sل)(?:ال)?(?:حشد|كتائب|فصيل|فصائل|ميليشيا|مليشيا|ميليشيات|مليشيات)"
)
# "ردت الطائرات الأمريكية على الهجوم من خلال تكثيف طيران الاستطلاع": watching, no strike.
SURVEILLANCE = rx(r"(?:من خلال|عبر|ب)\s?(?:ال)?(?:تكثيف|تحليق|استطلاع|رصد|تمشيط|مراقبه)(?![\w])|(?:طيران|طائرات) الاستطلاع")
# "ردت الفصائل على الغارات": the act answered, named right after the answer's verb and its subject.
ANSWERED_BEFORE = rx(r"(?<![\w])[وف]?(?:ردت|رد|ترد|يرد)\s(?:\S+\s){0,2}?علي\s$")
ANSWER_BEFORE = rx(r"(?<![\w])[وف]?(?:ردت|رد|ترد|يرد)\s$")
# The act told again is another one: "مجدداً", "من جديد", "للمرة الثانية", "هجوم جديد", "ثم استهدفت ... بعد ساعات".
RENEWED = rx(
    r"(?<![\w])(?:مجددا|من جديد|للمره الثانيه|للمره الثالثه|مره اخري|مره ثانيه)(?![\w])"
    r"|(?<![\w])(?:ال)?(?:هجوم|استهداف|قصف|هجمه)\s(?:ال)?(?:جديد|اخر|ثان)(?![\w])"
)
