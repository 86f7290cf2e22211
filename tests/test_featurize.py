import re
from pathlib import Path

from orgstruct.extract import extract
from orgstruct.featurize import MASK, feature_names, featurize_group, group_sentences, mask_names, own_segments

ROOT = Path(__file__).resolve().parent.parent


def test_every_feature_is_documented():
    doc = (ROOT / "features" / "FEATURES.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_0-9]+)` \|", doc, flags=re.M))
    assert set(feature_names()) <= documented, set(feature_names()) - documented


def test_names_are_masked_so_they_cannot_vote():
    text = "The Clan del Golfo (Urabeños) runs a military command. The Urabeños have blocs."
    x = extract(text)
    g = x.group_by_name("Clan del Golfo")
    view = featurize_group(x, g)
    assert all("Clan" not in m and "Urabeños" not in m for m in view.masked)
    assert MASK in view.masked[0]
    assert mask_names("Los Zetas y los zetas", ["Los Zetas"]) == f"{MASK} y {MASK}"


def test_group_discourse_takes_following_sentences_without_other_groups(seed_text):
    x = extract(seed_text)
    kings = x.group_by_name("Kings of Shejo Port")
    ids = [s.index for s in group_sentences(x, kings)]
    assert 11 in ids and 13 in ids  # 13 names no group: it continues the Kings' analysis
    andean = x.group_by_name("Andean Cartel")
    assert 13 not in [s.index for s in group_sentences(x, andean)]


def test_kinship_text_raises_kin_features():
    text = (
        "Los Cachiros were run by the brothers Javier Rivera Maradiaga and Devis Rivera Maradiaga. "
        "Their father Santos Rivera Cardona founded Los Cachiros."
    )
    x = extract(text)
    f = featurize_group(x, x.group_by_name("Los Cachiros")).features
    assert f["rel_kin_of"] >= 1
    assert f["graph_shared_surnames"] >= 1
    assert set(f) == set(feature_names())


def test_broker_statements_are_counted():
    text = (
        "The Andean Cartel is a loose network of brokers from several nationalities. "
        "It works case by case with whoever pays."
    )
    x = extract(text)
    f = featurize_group(x, x.group_by_name("Andean Cartel")).features
    assert f["stmt_brokerage"] >= 3
    assert f["stmt_kinship"] == 0


def test_a_sentence_naming_two_groups_gives_each_its_own_stretch():
    text = (
        "The Sol Clan is run by two brothers and their cousins. "
        "The Sol Clan sells to the Luna Cartel, a loose network of brokers from several nationalities."
    )
    x = extract(text)
    sol, luna = x.group_by_name("Sol Clan"), x.group_by_name("Luna Cartel")
    second = x.document.sentences[1]
    own, share = own_segments(x, sol, second)
    assert "brokers" not in own and "sells" in own and 0 < share < 1
    assert "brokers" in own_segments(x, luna, second)[0]
    f_sol = featurize_group(x, sol).features
    f_luna = featurize_group(x, luna).features
    assert f_sol["stmt_brokerage"] == 0 and f_sol["doc_cue_brokerage"] == 0
    assert f_luna["stmt_brokerage"] > 0
    assert own_segments(x, luna, x.document.sentences[0]) == ("", 0.0)


def test_a_sentence_about_a_group_s_partners_belongs_to_the_partners():
    text = (
        "The Sol Clan is run by two brothers and their cousins. "
        "Cocaine then passes to international traffickers, like the Sol Clan's alleged collaborators, the Luna "
        "Cartel, which broker deals case by case. "
        "El Cartel Luna, socio del Clan Sol, negocia con importadores de varios países."
    )
    x = extract(text)
    sol, luna = x.group_by_name("Sol Clan"), x.group_by_name("Luna Cartel")
    for sentence in x.document.sentences[1:]:
        assert own_segments(x, sol, sentence) == ("", 0.0)
        assert own_segments(x, luna, sentence)[1] == 1.0
