from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.numbering import DocType, format_number, parse_number
from inspector_app.domain.profile import default_prefix
from inspector_app.domain.records import new_id
from inspector_app.storage.db import open_database
from inspector_app.storage.numbers import next_number


def test_format_and_parse():
    number = format_number(DocType.ORDER, 2026, "QT01", 17, "泉台")
    assert number == "（泉台）应急责改〔2026〕QT01-017号"
    assert parse_number(number) == {"authority": "泉台", "word": "应急责改", "year": "2026",
                                    "prefix": "QT01", "seq": "017"}


def test_two_devices_never_issue_the_same_number(tmp_path):
    laptop_a = open_database(tmp_path / "a.sqlite3")
    laptop_b = open_database(tmp_path / "b.sqlite3")
    issued = []
    for _ in range(200):
        for db, prefix in ((laptop_a, "QT01"), (laptop_b, "QT02")):
            for doc_type in DocType:
                with db.atomic():
                    issued.append(next_number(db, doc_type, 2026, prefix, "泉台")[0])
    assert len(issued) == len(set(issued)) == 1200


def test_sequence_restarts_each_year_and_continues_after_reopen(tmp_path):
    db = open_database(tmp_path / "a.sqlite3")
    with db.atomic():
        assert next_number(db, DocType.RECORD, 2026, "QT01", None)[1] == 1
        assert next_number(db, DocType.RECORD, 2026, "QT01", None)[1] == 2
        assert next_number(db, DocType.RECORD, 2027, "QT01", None)[1] == 1
    db.close()
    db = open_database(tmp_path / "a.sqlite3")
    with db.atomic():
        number = next_number(db, DocType.RECORD, 2026, "QT01", None)[0]
        assert number == "应急检记〔2026〕QT01-003号"


@given(st.lists(st.uuids(), min_size=2, max_size=50, unique=True))
def test_default_prefixes_come_from_device_ids(ids):
    prefixes = [default_prefix(str(u)) for u in ids]
    assert all(len(p) == 4 and p.isalnum() for p in prefixes)


def test_default_prefix_is_stable():
    device = new_id()
    assert default_prefix(device) == default_prefix(device)
