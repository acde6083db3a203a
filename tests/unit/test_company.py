import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.domain.company import (
    CREDIT_CODE_CHARSET,
    AmbiguousMatchError,
    Company,
    CompanyIndex,
    credit_check_char,
    credit_code_problem,
    industry_code,
    industry_label,
    merge_keep_blanks,
    normalise_credit_code,
    phone_plausible,
    plan_upsert,
    risk_label,
    risk_level_code,
    special_area_code,
    validate_credit_code,
)
from inspector_app.errors import ValidationError


def make_code(first17: str) -> str:
    """17 characters plus the check character, computed here independently of the module."""
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    total = sum(charset.index(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + charset[(31 - total % 31) % 31]


VALID = make_code("91350100M000100Y4")


@pytest.mark.parametrize("first17", ["91350100M000100Y4", "12100000400000770", "91110108MA01XYW00",
                                     "00000000000000000", "YYYYYYYYYYYYYYYYY"])
def test_a_code_with_its_computed_check_character_is_valid(first17):
    assert validate_credit_code(make_code(first17)) is None


def test_the_check_character_31_becomes_zero():
    # sum % 31 == 0 makes 31 - 0 = 31, which wraps to the first character, "0".
    assert credit_check_char("00000000000000000") == "0"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=CREDIT_CODE_CHARSET, min_size=17, max_size=17))
def test_only_the_computed_check_character_is_accepted(first17):
    good = make_code(first17)
    assert validate_credit_code(good) is None
    wrong = next(c for c in CREDIT_CODE_CHARSET if c != good[-1])
    message = validate_credit_code(first17 + wrong)
    assert message is not None and f"expected “{good[-1]}”" in message


def test_a_wrong_check_character_names_the_expected_one_in_both_languages():
    bad = VALID[:17] + ("0" if VALID[-1] != "0" else "1")
    assert validate_credit_code(bad) == (
        f"wrong check character “{bad[-1]}”, expected “{VALID[-1]}”")
    assert validate_credit_code(bad, "zh_CN") == f"校验位“{bad[-1]}”错误，应为“{VALID[-1]}”"
    problem = credit_code_problem(bad)
    assert problem.text("zh_CN") == f"统一社会信用代码：校验位“{bad[-1]}”错误，应为“{VALID[-1]}”"


@pytest.mark.parametrize("code", [VALID[:17], VALID + "0", "9"])
def test_a_wrong_length_is_reported(code):
    assert validate_credit_code(code) == f"must be 18 characters, not {len(code)}"


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_letters_i_o_z_s_v_are_invalid_at_their_position(letter):
    code = VALID[:4] + letter + VALID[5:]
    message = validate_credit_code(code)
    assert message.startswith(f"invalid character “{letter}” at position 5")
    assert "第 5 位" in validate_credit_code(code, "zh_CN")


def test_normalising_strips_spaces_lowercase_and_full_width():
    assert normalise_credit_code("  " + VALID.lower() + " ") == VALID
    full_width = VALID.translate({ord(c): ord(c) + 0xFEE0 for c in VALID})
    assert normalise_credit_code(full_width) == VALID
    assert validate_credit_code(VALID[:9] + " " + VALID[9:].lower()) is None


def test_validated_normalises_and_lists_every_problem():
    company = Company(name="  泉台机械厂 ", credit_code=VALID.lower(), town=" ",
                      special_areas=("confined_space", "combustible_dust")).validated()
    assert company.name == "泉台机械厂" and company.credit_code == VALID
    assert company.town is None
    assert company.special_areas == ("combustible_dust", "confined_space")  # vocabulary order

    with pytest.raises(ValidationError) as exc:
        Company(name=" ", credit_code="123", industry="shipbuilding",
                special_areas=("radiation",), risk_level="extreme",
                contact_phone="张三").validated()
    text = exc.value.message
    for part in ("Company name: is required", "credit code: must be 18", "unknown industry",
                 "unknown special area", "unknown risk level", "phone"):
        assert part in text
    assert "(use one of: Major risk, High risk" in text


@pytest.mark.parametrize("phone", ["13812345678", "0595-22345678", "(0595)2234567",
                                   "+86 138 1234 5678", "22345678转801",
                                   "13812345678 / 0595-22345678"])
def test_plausible_phones(phone):
    assert phone_plausible(phone)


@pytest.mark.parametrize("phone", ["张三", "123", "350100198001011234X", "abc-defg-hij"])
def test_implausible_phones(phone):
    assert not phone_plausible(phone)


def test_labels_and_codes_in_both_languages():
    assert industry_label("machinery", "zh_CN") == "机械"
    assert industry_label("machinery", "en") == "Machinery"
    assert risk_label("high", "zh_CN") == "较大风险"
    assert industry_label(None, "en") == "" and industry_label("odd", "en") == "odd"
    assert industry_code("化工和危险化学品") == industry_code("化工") == "chemical"
    assert industry_code("Light industry") == industry_code("light_industry") == "light_industry"
    assert risk_level_code("较大") == risk_level_code("橙色") == risk_level_code("HIGH") == "high"
    assert special_area_code("有限空间作业") == special_area_code("有限空间") == "confined_space"
    assert industry_code("造船") is None


def test_a_blank_incoming_field_keeps_the_stored_value():
    stored = Company(name="泉台机械厂", credit_code=VALID, town="城关镇", id="a")
    merged = merge_keep_blanks(stored, Company(name="泉台机械厂", credit_code=VALID,
                                               contact_phone="13812345678"))
    assert (merged.id, merged.town, merged.contact_phone) == ("a", "城关镇", "13812345678")
    assert plan_upsert(stored, Company(name="泉台机械厂", credit_code=VALID))[0] == "unchanged"
    assert plan_upsert(None, stored)[0] == "added"


def test_the_index_matches_by_code_then_by_name():
    coded = Company(name="泉台机械厂", credit_code=VALID, id="1")
    uncoded = Company(name="东园纺织厂", id="2")
    twins = [Company(name="红星厂", id="3"), Company(name="红星厂", id="4")]
    index = CompanyIndex([coded, uncoded, *twins])
    assert index.match(Company(name="改名后的机械厂", credit_code=VALID)) is coded
    assert index.match(Company(name="东园纺织厂")) is uncoded
    # A code arriving for a company stored without one completes it instead of doubling it.
    other = make_code("91350100M000200Y4")
    assert index.match(Company(name="东园纺织厂", credit_code=other)) is uncoded
    assert index.match(Company(name="新厂")) is None
    with pytest.raises(AmbiguousMatchError):
        index.match(Company(name="红星厂"))
    index.put(Company(name="东园纺织厂", credit_code=other, id="2"))
    assert index.match(Company(name="x", credit_code=other)).id == "2"
