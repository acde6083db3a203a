import json

import pytest

from inspector_app.domain.company import Company, credit_check_char
from inspector_app.errors import ValidationError
from inspector_app.storage.companies_repo import CompanyRepo


def code(serial: int) -> str:
    first17 = f"91350100MA{serial:06d}X"
    return first17 + credit_check_char(first17)


@pytest.fixture
def repo(ctx):
    return CompanyRepo(ctx.db, ctx.device.id, "张伟")


def audit(repo, company_id):
    return repo.db.execute(
        "SELECT action, field, old_value, new_value, actor, reason FROM audit_log "
        "WHERE entity = 'company' AND entity_id = ? ORDER BY rowid", [company_id]).fetchall()


def test_add_stores_every_field_and_audits_the_creation(repo):
    added = repo.add(Company(
        name="泉台机械厂", credit_code=code(1).lower(), address="城关镇工业路 8 号",
        town="城关镇", industry="machinery", special_areas=("confined_space", "combustible_dust"),
        legal_rep="陈明", contact_name="林强", contact_phone="13812345678", risk_level="high",
        notes="有喷涂车间"))
    assert added.id and added.credit_code == code(1)
    assert repo.get(added.id) == added
    assert repo.get_by_credit_code(code(1)) == added
    assert added.special_areas == ("combustible_dust", "confined_space")
    [(action, field, old, new, actor, _)] = audit(repo, added.id)
    assert (action, field, old, actor) == ("create", None, None, "张伟")
    assert json.loads(new)["name"] == "泉台机械厂"


def test_add_refuses_invalid_data_and_a_taken_credit_code(repo):
    with pytest.raises(ValidationError, match="check character"):
        repo.add(Company(name="x", credit_code=code(1)[:17] + "0"
                         if code(1)[-1] != "0" else code(1)[:17] + "1"))
    repo.add(Company(name="泉台机械厂", credit_code=code(1)))
    with pytest.raises(ValidationError, match="泉台机械厂"):
        repo.add(Company(name="另一家", credit_code=code(1)))
    assert repo.count() == 1


def test_update_audits_each_changed_field_with_old_and_new_values(repo):
    company = repo.add(Company(name="泉台机械厂", town="城关镇", special_areas=("confined_space",)))
    before = repo.db.execute("SELECT updated_at FROM companies").fetchone()[0]
    changed = Company(**{**company.content(), "town": "东园镇",
                         "special_areas": ("confined_space", "liquid_ammonia")}, id=company.id)
    repo.update(changed, reason="纠正乡镇")
    assert repo.get(company.id).town == "东园镇"
    rows = audit(repo, company.id)[1:]
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == [
        ("update", "town", "城关镇", "东园镇", "纠正乡镇"),
        ("update", "special_areas", '["confined_space"]', '["liquid_ammonia", "confined_space"]',
         "纠正乡镇"),  # stored in vocabulary order
    ]
    assert repo.db.execute("SELECT updated_at FROM companies").fetchone()[0] >= before
    repo.update(changed)  # nothing changed: nothing written
    assert len(audit(repo, company.id)) == 3


def test_update_cannot_take_another_companys_credit_code(repo):
    repo.add(Company(name="甲厂", credit_code=code(1)))
    second = repo.add(Company(name="乙厂", credit_code=code(2)))
    with pytest.raises(ValidationError):
        repo.update(Company(**{**second.content(), "credit_code": code(1)}, id=second.id))
    assert repo.get(second.id).credit_code == code(2)


def test_upsert_by_credit_code_never_doubles(repo):
    first = Company(name="泉台机械厂", credit_code=code(1), town="城关镇")
    assert repo.upsert_by_credit_code(first) == "added"
    original_id = repo.get_by_credit_code(code(1)).id
    assert repo.upsert_by_credit_code(first) == "unchanged"
    renamed = Company(name="泉台机械有限公司", credit_code=code(1).lower(), contact_name="林强")
    assert repo.upsert_by_credit_code(renamed) == "updated"
    stored = repo.get_by_credit_code(code(1))
    assert (stored.id, stored.name, stored.town, stored.contact_name) == (
        original_id, "泉台机械有限公司", "城关镇", "林强")  # the blank town kept its value
    assert repo.count() == 1


def test_upsert_without_a_code_matches_by_name(repo):
    assert repo.upsert_by_credit_code(Company(name="东园纺织厂")) == "added"
    assert repo.upsert_by_credit_code(Company(name="东园纺织厂", town="东园镇")) == "updated"
    # The code arrives later: the same company gets it.
    assert repo.upsert_by_credit_code(Company(name="东园纺织厂", credit_code=code(3))) == "updated"
    assert repo.count() == 1
    assert repo.get_by_credit_code(code(3)).town == "东园镇"


@pytest.fixture
def seeded(repo):
    for company in (
        Company(name="泉台机械厂", credit_code=code(1), town="城关镇", contact_name="林强",
                industry="machinery"),
        Company(name="东园纺织厂", town="东园镇", contact_name="王芳", industry="textile"),
        Company(name="城关食品厂", town="城关镇", legal_rep="陈明", industry="light_industry"),
        Company(name="100%纯棉制衣", town="东园镇"),
        Company(name="A_B 贸易", town="西湖乡"),
        Company(name="AxB 贸易", town="西湖乡"),
    ):
        repo.add(company)
    return repo


def names(companies):
    return sorted(c.name for c in companies)


def test_search_finds_two_and_one_character_chinese_queries(seeded):
    assert names(seeded.list("机械")) == ["泉台机械厂"]
    assert names(seeded.list("纺")) == ["东园纺织厂"]
    assert names(seeded.list("厂")) == ["东园纺织厂", "城关食品厂", "泉台机械厂"]
    assert names(seeded.list("城关")) == ["城关食品厂", "泉台机械厂"]  # name or town
    assert names(seeded.list("王芳")) == ["东园纺织厂"]  # contact
    assert names(seeded.list("陈明")) == ["城关食品厂"]  # legal representative
    assert names(seeded.list(code(1)[4:10].lower())) == ["泉台机械厂"]  # part of the code
    assert names(seeded.list("城关 食品")) == ["城关食品厂"]  # every word must match
    assert len(seeded.list(None)) == len(seeded.list("  ")) == 6


def test_like_metacharacters_are_searched_literally(seeded):
    assert names(seeded.list("%")) == ["100%纯棉制衣"]
    assert names(seeded.list("_")) == ["A_B 贸易"]
    assert names(seeded.list("A_B")) == ["A_B 贸易"]
    assert seeded.list("\\") == []


def test_filters_by_town_and_industry(seeded):
    assert names(seeded.list(town="东园镇")) == ["100%纯棉制衣", "东园纺织厂"]
    assert names(seeded.list("厂", industry="machinery")) == ["泉台机械厂"]
    assert seeded.towns() == sorted({"城关镇", "东园镇", "西湖乡"})
    assert seeded.count() == 6
