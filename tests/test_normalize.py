from transforms.normalize import aligned, fold, from_aligned, match_key, normalize


def test_letter_variants_fold_to_one_form():
    assert fold("أإآٱ") == "اااا"
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("قاعدة") == "قاعده"
    assert fold("مسؤول") == "مسوول"
    assert fold("یک") == "يك"  # Persian yeh and keheh


def test_marks_and_tatweel_are_removed():
    assert fold("قـاعدة") == fold("قاعدة")
    assert fold("مُسَيَّرَة") == fold("مسيرة")
    assert fold("\u200fكونيكو\u200e\u200b") == "كونيكو"


def test_every_digit_script_becomes_ascii():
    assert fold("٤ صواريخ") == "4 صواريخ"
    assert fold("۴ صواريخ") == "4 صواريخ"
    assert fold("٢٠٢٤/٠٧/٢٦") == "2024/07/26"


def test_quotes_become_spaces_and_spaces_collapse():
    assert normalize("حقل “كونيكو” «للغاز»") == "حقل كونيكو للغاز"
    assert normalize('قاعدة  "التنف"\n\tجنوب') == "قاعده التنف جنوب"


def test_dashes_and_slashes_unify_and_read_as_spaces_for_names():
    assert normalize("ليل الخميس／الجمعة") == "ليل الخميس/الجمعه"
    assert normalize("البرج–22") == "البرج-22"
    assert match_key(normalize("البرج–22")) == "البرج 22"
    assert len(match_key("ا-ب/ج")) == len("ا-ب/ج")


def test_a_slice_of_the_aligned_text_normalises_as_the_slice_does():
    """The sentence pass maps an article once and slices its sentences out of the mapping."""
    text = "قالَ  «المصدرُ»:\tسقطـــت ٣ صواريخ\u200c على قاعدة\u00a0حرير.\nولم تُسجَّل إصابات"
    mapped = aligned(text)
    assert len(mapped) == len(text) and from_aligned(mapped) == normalize(text)
    for a in range(len(text)):
        for b in range(a, len(text) + 1, 3):
            assert from_aligned(mapped[a:b]) == normalize(text[a:b]), (a, b)
