"""Arabic phrasing for the synthetic corpus, written for the benchmark (no text copied from news).

Event sentences carry slots that ``generate_corpus`` fills and annotates:

* ``{time}``   a day expression (أمس، فجر اليوم، ليل الخميس/الجمعة ...)
* ``{base}``   a base as the text names it, ``{region}`` where it lies (" بريف الحسكة" or empty)
* ``{mun_b}``  the munitions with the preposition بـ, ``{mun_acc}`` as an object
* ``{actor}``  a militia naming itself, ``{actor_attr}`` the group others blame
  (``{actor_attr_l}`` and ``{target_l}`` with the preposition لـ written on)
* ``{source}`` who reports it, as a trailing attribution; ``{source_says}`` as a lead
* ``{tail}``   casualties and outcome, starting with "،" or empty
* ``{places}`` one or more towns a strike hit, ``{target}`` whose positions they were

Filler and noise sentences contain no event on purpose: they pad articles to a
realistic length and put tallies, threats and statements where an extractor may err.
"""

WEEKDAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]  # Monday first
LEVANTINE_MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
TRANSLITERATED_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]

# Counting words for 1-10: masculine form (before a feminine noun: ثلاث طائرات) and
# feminine form (before a masculine noun: ثلاثة صواريخ), by Arabic polarity.
NUMBER_WORDS_FOR_FEMININE_NOUN = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
NUMBER_WORDS_FOR_MASCULINE_NOUN = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}

# Munition nouns by weapon: gender of the counted noun, and the forms for one, two,
# 3-10 (plural) and 11+ (singular accusative); "vague" forms carry no count.
MUNITIONS = {
    "rocket": {
        "feminine": False,
        "one_gen": ["صاروخ", "صاروخ كاتيوشا"],
        "one_acc": ["صاروخاً", "صاروخ كاتيوشا"],
        "two": ["صاروخين", "صاروخين من طراز كاتيوشا"],
        "plural": ["صواريخ", "صواريخ كاتيوشا"],
        "many": ["صاروخاً"],
        "vague": ["رشقة صاروخية", "عدة صواريخ", "صواريخ كاتيوشا", "رشقات من الصواريخ"],
    },
    "drone": {
        "feminine": True,
        "one_gen": ["طائرة مسيّرة", "طائرة مسيرة مفخخة", "طائرة بدون طيار"],
        "one_acc": ["طائرة مسيّرة", "طائرة مسيرة مفخخة"],
        "two": ["طائرتين مسيرتين", "طائرتين مسيّرتين مفخختين"],
        "plural": ["طائرات مسيّرة", "طائرات مسيرة مفخخة"],
        "many": ["طائرة مسيرة"],
        "vague": ["طائرات مسيّرة", "عدة طائرات مسيرة", "سرب من الطائرات المسيرة"],
    },
    "missile": {
        "feminine": False,
        "one_gen": ["صاروخ باليستي"],
        "one_acc": ["صاروخاً باليستياً"],
        "two": ["صاروخين باليستيين"],
        "plural": ["صواريخ باليستية"],
        "many": ["صاروخاً باليستياً"],
        "vague": ["صواريخ باليستية", "عدة صواريخ باليستية"],
    },
    "artillery": {
        "feminine": True,
        "one_gen": ["قذيفة هاون"],
        "one_acc": ["قذيفة هاون"],
        "two": ["قذيفتي هاون"],
        "plural": ["قذائف هاون"],
        "many": ["قذيفة هاون"],
        "vague": ["قذائف هاون", "عدة قذائف هاون"],
    },
}
ATTACK_WEAPON_WEIGHTS = {"rocket": 45, "drone": 42, "artillery": 8, "missile": 5}

# Groups that claim attacks in their own name, and how others name who they blame.
CLAIMING_GROUPS = {
    "islamic_resistance_iraq": ["المقاومة الإسلامية في العراق", "فصائل المقاومة الإسلامية في العراق"],
    "kataib_hezbollah": ["كتائب حزب الله", "كتائب حزب الله العراقية"],
    "nujaba": ["حركة النجباء", "حركة حزب الله النجباء"],
}
CLAIMING_WEIGHTS = {"islamic_resistance_iraq": 80, "kataib_hezbollah": 12, "nujaba": 8}
BLAMED_GROUPS = {
    "iran_aligned": ["ميليشيات موالية لإيران", "فصائل مدعومة من إيران", "مجموعات موالية لطهران", "الميليشيات الإيرانية"],
    "kataib_hezbollah": ["كتائب حزب الله"],
    "irgc": ["الحرس الثوري الإيراني"],
}
BLAMED_WEIGHTS = {"iran_aligned": 80, "kataib_hezbollah": 12, "irgc": 8}

# Who reports an act: gazetteer source id (or local_sources, which no gazetteer lists),
# trailing attributions, and lead-ins that end in a verb of saying.
SOURCES = {
    "sohr": (
        ["بحسب المرصد السوري لحقوق الإنسان", "وفق ما أفاد المرصد السوري لحقوق الإنسان"],
        ["وقال المرصد السوري لحقوق الإنسان", "وأفاد المرصد السوري"],
    ),
    "reuters": (["بحسب وكالة رويترز", "وفق ما نقلت وكالة رويترز عن مصدرين أمنيين"], ["وقال مصدران أمنيان لوكالة رويترز"]),
    "afp": (["بحسب وكالة فرانس برس", "وفق ما أوردته وكالة الصحافة الفرنسية"], ["وقال مصدر أمني لوكالة فرانس برس"]),
    "deir_ezzor_24": (["بحسب شبكة دير الزور 24"], ["وقالت شبكة دير الزور 24"]),
    "shafaq": (["وفق ما أوردته شفق نيوز"], ["وذكرت شفق نيوز"]),
    "us_official": (["بحسب مسؤول عسكري أمريكي", "وفق مسؤول أميركي تحدث شرط عدم الكشف عن هويته"], ["وقال مسؤول عسكري أمريكي"]),
    "iraqi_security_media_cell": (["بحسب خلية الإعلام الأمني"], ["وقالت خلية الإعلام الأمني في بيان"]),
    "local_sources": (["وفق مصادر محلية", "بحسب ما أفاد سكان في المنطقة"], ["وقالت مصادر محلية"]),
}
SOURCE_WEIGHTS = {
    "sohr": 25,
    "local_sources": 20,
    "reuters": 12,
    "afp": 10,
    "deir_ezzor_24": 8,
    "shafaq": 8,
    "us_official": 10,
    "iraqi_security_media_cell": 7,
}

# Attack sentences. actor: claimed (a group names itself), blamed (others name a group)
# or unknown; outcome as EVENTS.md codes what the sentence says; source: needs one.
ATTACK_TEMPLATES = [
    {
        "actor": "claimed",
        "outcome": "hit",
        "source": False,
        "text": "أعلنت {actor} في بيان أن مجاهديها استهدفوا {time} {base}{region} {mun_b}، مؤكدة أنها أصابت أهدافها بشكل مباشر{tail}.",
    },
    {
        "actor": "claimed",
        "outcome": None,
        "source": False,
        "text": "تبنت {actor} {time} هجوماً {mun_b} على {base}{region}{tail}، وفق بيان نشرته عبر قناتها على تلغرام.",
    },
    {
        "actor": "claimed",
        "outcome": None,
        "source": True,
        "text": "قالت {actor} إنها استهدفت {time} {base}{region} {mun_b}{tail}، {source}.",
    },
    {
        "actor": "blamed",
        "outcome": None,
        "source": True,
        "text": "تعرضت {base}{region} {time} لهجوم {mun_b}{tail}، {source}، وسط اتهامات {actor_attr_l} بالوقوف وراءه.",
    },
    {
        "actor": "blamed",
        "outcome": None,
        "source": True,
        "text": "{source_says} إن {actor_attr} أطلقت {time} {mun_acc} باتجاه {base}{region}{tail}.",
    },
    {
        "actor": "blamed",
        "outcome": None,
        "source": True,
        "text": "استهدفت {actor_attr} {time} {base}{region} {mun_b}{tail}، {source}.",
    },
    {
        "actor": "unknown",
        "outcome": None,
        "source": True,
        "text": "تعرضت {base}{region} {time} لقصف {mun_b}{tail}، {source}، ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
    },
    {
        "actor": "unknown",
        "outcome": None,
        "source": True,
        "text": "{source_says} إن {base}{region} تعرضت {time} لهجوم {mun_b}{tail}، دون أن تتبنى أي جهة العملية.",
    },
    {
        "actor": "unknown",
        "outcome": "intercepted",
        "source": True,
        "text": "تصدت الدفاعات الجوية في {base}{region} {time} لهجوم {mun_b} وأسقطتها قبل بلوغ هدفها، {source}.",
    },
]

# The casualty tail of an attack: (text, killed, injured, weight). "count" is a planted
# number: the first figure of a tail names the people (جندي، جنديين، 3 جنود أمريكيين),
# a second one is a bare number of others; 0 means the text says there were none.
ATTACK_TAILS = [
    ("", None, None, 70),
    ("، دون وقوع إصابات في صفوف القوات الأمريكية", 0, 0, 15),
    ("، دون تسجيل أي إصابات بشرية", 0, 0, 5),
    ("، ما أسفر عن إصابة {injured} بجروح", None, "count", 8),
    ("، ما أدى إلى مقتل {killed} وإصابة {injured} آخرين", "count", "count", 2),
]

US_STRIKERS = ["مقاتلات أمريكية", "طائرات حربية أميركية", "القوات الأمريكية", "مقاتلات أميركية من طراز إف-15"]
COALITION_STRIKERS = ["طائرات التحالف الدولي", "مقاتلات التحالف الدولي", "مروحيات التحالف الدولي"]
STRIKE_TARGETS = [
    "الحرس الثوري الإيراني",
    "الميليشيات الموالية لإيران",
    "كتائب حزب الله",
    "فصائل مدعومة من إيران",
    "ميليشيا لواء فاطميون",
]

# Strike sentences: striker kind (us / coalition), the weapon EVENTS.md codes.
STRIKE_TEMPLATES = [
    {
        "striker": "us",
        "weapon": "airstrike",
        "text": "شنت {striker} {time} غارات جوية على مواقع {target_l} في {places}{tail}، {source}.",
    },
    {
        "striker": "us",
        "weapon": "airstrike",
        "text": "استهدفت غارات أمريكية {time} مستودعات أسلحة تابعة {target_l} في {places}{tail}.",
    },
    {
        "striker": "coalition",
        "weapon": "airstrike",
        "text": "قصفت {striker} {time} مقرات {target_l} في {places}{tail}، {source}.",
    },
    {
        "striker": "coalition",
        "weapon": "artillery",
        "text": "قصفت مدفعية التحالف الدولي {time} مواقع {target_l} في {places}{tail}، {source}.",
    },
    {
        "striker": "us",
        "weapon": "gunfire",
        "text": "استهدفت مروحيات أمريكية {time} بالرشاشات الثقيلة مواقع {target_l} في {places}{tail}، {source}.",
    },
]
STRIKE_TAILS = [
    ("", None, None, 55),
    ("، ما أسفر عن مقتل {killed}", "count", None, 30),
    ("، ما أسفر عن مقتل {killed} وإصابة {injured} آخرين", "count", "count", 15),
]

# A past act recalled concretely: EVENTS.md background, {date} a full day, month and year.
BACKGROUND_TEMPLATES = [
    "ويذكر أن {base} سبق أن تعرضت لهجوم {mun_b} في {date}.",
    "وكانت {base} قد تعرضت لهجوم مماثل {mun_b} في {date}، بحسب ما وثقه المرصد السوري في حينه.",
]

TITLES_ATTACK = [
    "هجوم ب{title_weapon} على {base}{region}",
    "استهداف {base} ب{title_weapon}",
    "{base} تحت النار مجدداً",
    "{title_weapon} تستهدف {base}{region}",
]
TITLE_WEAPONS = {"rocket": "صواريخ", "drone": "مسيّرات", "missile": "صواريخ باليستية", "artillery": "قذائف هاون"}
TITLES_STRIKE = [
    "غارات أمريكية على مواقع للميليشيات في {place}",
    "التحالف الدولي يقصف مواقع في {place}",
    "ضربات جوية تطال مواقع مسلحين في {place}",
]
TITLES_QUIET = [
    "قراءة في مستقبل الوجود الأمريكي شرق الفرات",
    "أزمة المحروقات تتفاقم في {governorate}",
    "مباحثات عراقية أمريكية حول جدول انسحاب قوات التحالف",
    "تقرير: تراجع إنتاج القمح في الجزيرة السورية",
    "العشائر العربية في دير الزور بين الضغوط والتحالفات",
    "وفد أممي يطالب بتحسين الظروف في مخيم الركبان",
]

# Where a base lies, by the gazetteer's governorate: words that name no other gazetteer place.
REGIONS = {
    "deir_ez_zor": ["بريف دير الزور الشرقي", "شرقي دير الزور", "بريف دير الزور", "شرق سوريا"],
    "hasakah": ["بريف الحسكة", "بريف الحسكة الشمالي", "شمال شرقي سوريا"],
    "homs": ["في البادية السورية", "قرب المثلث الحدودي مع الأردن والعراق", "جنوب شرقي سوريا"],
    "aleppo": ["بريف حلب الشمالي الشرقي"],
    "anbar": ["غربي الأنبار", "في محافظة الأنبار غربي العراق"],
    "salahuddin": ["شمال العاصمة", "في محافظة صلاح الدين"],
    "kirkuk": ["في محافظة كركوك"],
    "nineveh": ["جنوب الموصل"],
    "erbil": ["في إقليم كردستان العراق", "شمالي العراق"],
    "baghdad": [""],
    "mafraq": ["شمال شرقي الأردن", "قرب الحدود الأردنية السورية"],
    "zarqa": ["شرقي الأردن"],
}

# How often each base and each struck place appears (others named in the gazetteer get 1).
BASE_WEIGHTS = {
    "conoco": 30,
    "al_omar": 28,
    "al_tanf": 22,
    "ain_al_asad": 25,
    "harir": 14,
    "al_shaddadi": 16,
    "kharab_al_jir": 14,
    "erbil_airport": 14,
    "rumeilan": 8,
    "tal_baydar": 6,
    "qasrak": 8,
    "green_village": 6,
    "baghdad_airport": 10,
    "us_embassy_baghdad": 6,
    "tower_22": 3,
    "al_malikiyah": 4,
    "rukban": 3,
    "tell_tamr": 3,
    "union_iii": 3,
    "balad": 3,
    "taji": 2,
    "k1_kirkuk": 2,
}
STRIKE_PLACE_WEIGHTS = {
    "al_mayadin": 30,
    "albu_kamal": 30,
    "al_qaim": 15,
    "jurf_al_sakhar": 8,
    "akashat": 4,
    "hamdan_airport": 5,
    "imam_ali_base": 6,
    "al_ashara": 5,
    "al_quriyah": 4,
    "mahkan": 3,
    "al_hiri": 4,
    "al_sukkariyah": 3,
    "deir_ez_zor_airport": 3,
}
# Spellings of a base that already say what it is; any other gets قاعدة before it.
BASE_NOUNS = (
    "قاعدة",
    "حقل",
    "حقول",
    "حقلي",
    "مطار",
    "معسكر",
    "مركز",
    "المركز",
    "المنطقة",
    "مجمع",
    "مبنى",
    "السفارة",
    "سفارة",
    "القنصلية",
    "معبر",
    "منطقة",
    "مخيم",
    "معمل",
    "ناحية",
    "مدينة",
    "البرج",
    "برج",
    "القرية",
    "قضاء",
    "بادية",
)

OUTLETS = [
    "فرات بوست",
    "شبكة الشرق الإخبارية",
    "موقع النهرين",
    "صوت الجزيرة",
    "بوابة البادية",
    "شبكة أخبار الرافدين",
    "المرصد الإخباري",
    "نشرة المشرق",
]
OUTLET_SLUGS = [
    "furat-post",
    "sharq-news",
    "nahrain",
    "jazira-voice",
    "badia-gate",
    "rafidain-news",
    "marsad-news",
    "mashreq-bulletin",
]
DATELINES = ["دير الزور", "الحسكة", "بغداد", "أربيل", "الأنبار", "دمشق", "عمّان", "واشنطن", "بيروت"]

# Context prose, no act of violence in it.
FILLER = [
    "ويشهد ريف {governorate} منذ أشهر توتراً متصاعداً بين القوى المحلية والفصائل المسلحة المنتشرة على ضفتي نهر الفرات.",
    "ويتقاسم السيطرة على المنطقة أكثر من طرف، فيما تبقى خطوط التماس عرضة للتغير بحسب التفاهمات الإقليمية.",
    "وتنتشر القوات الأمريكية في عدد من المواقع شمال شرقي سوريا، ضمن مهمة تقول واشنطن إنها تهدف إلى منع عودة تنظيم الدولة.",
    "وتقول الحكومة العراقية إن وجود قوات التحالف الدولي على أراضيها يقتصر على مهام التدريب والاستشارة.",
    "وتجري بغداد وواشنطن منذ مطلع العام مباحثات بشأن جدول زمني لإنهاء مهمة التحالف الدولي في العراق.",
    "ويعاني سكان المنطقة من انقطاع الكهرباء لساعات طويلة يومياً، إلى جانب ارتفاع أسعار المحروقات والمواد الغذائية.",
    "وتراجع منسوب نهر الفرات خلال السنوات الأخيرة إلى مستويات غير مسبوقة، ما أثر على الزراعة ومياه الشرب.",
    "وتعتمد آلاف العائلات في ريف {governorate} على المساعدات الإنسانية التي تقدمها منظمات دولية ومحلية.",
    "ويرى محللون أن التصعيد الأخير مرتبط بالتطورات الإقليمية، وبالضغوط المتبادلة بين واشنطن وطهران.",
    "وتتهم الولايات المتحدة إيران بتمويل وتسليح فصائل مسلحة في العراق وسوريا، وهو ما تنفيه طهران.",
    "وتطالب قوى سياسية عراقية بإخراج القوات الأجنبية من البلاد، فيما يرى آخرون أن الانسحاب المتسرع قد يعيد الفوضى.",
    "ويبلغ عدد الجنود الأمريكيين في سوريا نحو {troops_sy} جندي، فيما ينتشر قرابة {troops_iq} جندي في العراق.",
    "وتضم حقول النفط في المنطقة معظم احتياطيات سوريا من الخام، وقد تراجع إنتاجها كثيراً خلال سنوات الحرب.",
    "وتعبر يومياً عشرات الشاحنات المحملة بالبضائع بين ضفتي النهر عبر المعابر النهرية غير الرسمية.",
    "وشهدت المنطقة خلال الأسابيع الماضية حركة نزوح محدودة لعائلات من القرى القريبة من خطوط التماس.",
    "وأكدت مصادر دبلوماسية أن اتصالات تجري بعيداً عن الأضواء لاحتواء التوتر ومنع اتساع رقعته.",
    "وتعقد العشائر العربية في المنطقة اجتماعات دورية لبحث الأوضاع الأمنية والخدمية وسبل حماية الأهالي.",
    "ويقول ناشطون إن الطرق الرئيسية في البادية باتت خطرة على المدنيين بسبب الألغام ومخلفات الحرب.",
    "وفي سياق متصل، أعلنت مديرية الزراعة في {governorate} عن خطة لدعم الفلاحين بالبذور والأسمدة للموسم المقبل.",
    "وتتحدث تقارير صحفية عن تعزيزات لوجستية وصلت إلى المنطقة خلال الأيام الماضية، من دون تأكيد رسمي.",
    "وتشير تقديرات أممية إلى أن أكثر من نصف سكان المنطقة يحتاجون إلى مساعدة إنسانية عاجلة.",
    "وتعد المنطقة الحدودية بين سوريا والعراق ممراً رئيسياً لنقل البضائع والأفراد، وتخضع لرقابة مشددة.",
    "وتقول مصادر محلية إن أسعار الخبز ارتفعت بنسبة {percent} بالمئة خلال شهر واحد.",
    "ويطالب الأهالي بتحسين الخدمات الصحية، إذ يفتقر معظم المستشفيات إلى الأدوية والكوادر المتخصصة.",
    "وتواصل منظمات المجتمع المدني حملات للتوعية بمخاطر الألغام في المدارس والقرى النائية.",
    "وكان البرلمان العراقي قد صوّت في وقت سابق على قرار غير ملزم يدعو الحكومة إلى إنهاء وجود القوات الأجنبية.",
    "ويؤكد مسؤولون أمريكيون أن بلادهم لا تسعى إلى توسيع المواجهة في المنطقة، لكنها ستحمي قواتها.",
    "وتنشط في المنطقة شبكات تهريب للمحروقات والسلاح، بحسب تقارير صادرة عن منظمات رقابية.",
    "وتتوزع في البادية السورية نقاط عسكرية لأطراف متعددة، ما يجعل المشهد الميداني شديد التعقيد.",
    "وتراجعت حركة التجارة في أسواق المدينة خلال الأيام الأخيرة، بحسب ما أفاد تجار محليون.",
]

NOISE = [
    "ووفق إحصائية للمرصد، تعرضت القواعد الأمريكية في سوريا لـ {tally} هجوماً منذ منتصف تشرين الأول الماضي.",
    "وأحصت وزارة الدفاع الأمريكية أكثر من {tally} هجوماً على قواتها في العراق وسوريا خلال الأشهر الأخيرة.",
    "وتوعدت الفصائل المسلحة بمواصلة عملياتها ضد القوات الأمريكية حتى خروجها من المنطقة.",
    "ودانت الحكومة العراقية ما وصفته بالاعتداءات المتكررة على السيادة الوطنية، داعية جميع الأطراف إلى التهدئة.",
    "وسمع دوي انفجارات قوية في المنطقة، تبعها تحليق مكثف للطيران في الأجواء.",
    "وحذرت طهران من أن أي تصعيد أمريكي سيقابل برد مناسب، وفق تصريحات لمسؤولين إيرانيين.",
]

READ_ALSO = [
    "تعزيزات أمريكية جديدة تصل إلى {base}",
    "وفد عسكري أمريكي يزور {base} لبحث الوضع الأمني",
    "ارتفاع أسعار المحروقات في {governorate}",
    "اجتماع أمني في بغداد لبحث مستقبل التحالف الدولي",
    "منظمة دولية تحذر من تدهور الوضع الصحي في مخيمات الشمال السوري",
]

FOOTERS = [
    "شارك هذا المقال",
    "شارك:  فيسبوك | تويتر | واتساب | تلغرام",
    "تابعونا على قناتنا في تلغرام",
    "جميع الحقوق محفوظة © {year}",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "زر الذهاب إلى الأعلى",
    "الأكثر قراءة",
    "المصدر: {outlet}",
    "كلمات مفتاحية: سوريا، العراق، الوجود الأمريكي",
]
