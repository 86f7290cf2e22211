import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgstruct.errors import InputError
from orgstruct.text import MAX_CHARS, check_text, decode_bytes, detect_language, make_document, split_sentences


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_text_is_rejected(text):
    with pytest.raises(InputError, match="empty"):
        check_text(text)


def test_binary_and_non_utf8_bytes_are_rejected():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.png")
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode_bytes("Los Zetas y el Cártel del Golfo".encode("latin-1"), "x.txt")


def test_huge_text_is_rejected_with_the_limit():
    with pytest.raises(InputError, match="too large"):
        check_text("a" * (MAX_CHARS + 1))


def test_utf8_bom_is_accepted():
    assert decode_bytes("\ufeffEl clan".encode("utf-8"), "x") == "El clan"


def test_sentences_keep_offsets_and_abbreviations(seed_text):
    doc = make_document(seed_text)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    text = "Gen. Ramírez led the Cartel. Mr. Smith sold it. The U.S. court agreed."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Ramírez led the Cartel.",
        "Mr. Smith sold it.",
        "The U.S. court agreed.",
    ]


def test_language_detection():
    assert detect_language("La organización era dirigida por los hermanos del clan.") == "es"
    assert detect_language("The organization was run by the brothers of the clan.") == "en"


@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_sentence_offsets_always_point_into_the_text(text):
    try:
        doc = make_document(text)
    except InputError:
        return
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text.strip() == s.text
