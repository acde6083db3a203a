"""Building records for tests through the same code paths the program uses."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.checklist import canonical_json, content_hash
from inspector_app.domain.records import new_id, record_stamp

SMALL_TEMPLATE: dict[str, Any] = {
    "format": "inspector-template/1",
    "id": "test-small",
    "version": "1",
    "title": {"zh": "测试检查表", "en": "Test checklist"},
    "sections": [
        {
            "id": "s1",
            "title": {"zh": "基本要求", "en": "Basics"},
            "items": [
                {"id": "a1", "type": "check", "grade": "general",
                 "text": {"zh": "安全出口畅通", "en": "Exits clear"},
                 "legal_basis": {"zh": "第五条", "en": "Art. 5"}},
                {"id": "a2", "type": "check", "grade": "major",
                 "text": {"zh": "特种作业人员持证上岗", "en": "Special workers certified"},
                 "legal_basis": {"zh": "第三条第（二）项", "en": "Art. 3 (2)"}},
                {"id": "dust", "type": "yes_no",
                 "text": {"zh": "存在粉尘作业", "en": "Dust operations present"}},
                {"id": "d1", "type": "check", "grade": "major",
                 "show_if": {"item": "dust", "equals": True},
                 "text": {"zh": "除尘系统完好", "en": "Dust extraction works"}},
                {"id": "n1", "type": "number", "min": 0, "max": 10, "normal_max": 5,
                 "text": {"zh": "灭火器数量", "en": "Extinguishers"}},
                {"id": "remark", "type": "long_text", "required": False,
                 "text": {"zh": "备注", "en": "Remarks"}},
            ],
        },
        {
            "id": "s2",
            "title": {"zh": "纺织", "en": "Textile"},
            "applies_to": {"industries": ["textile"]},
            "items": [
                {"id": "t1", "type": "check", "grade": "major",
                 "text": {"zh": "纺织设备防护", "en": "Textile machine guards"}},
            ],
        },
    ],
}


def own_device(db: Database) -> str:
    """The device a record made on this computer names (as the services stamp it)."""
    row = db.execute("SELECT id FROM devices WHERE is_self = 1").fetchone()
    return row[0] if row else "test"


def add_template(db: Database, definition: dict[str, Any] | None = None,
                 device_id: str | None = None) -> str:
    definition = definition or SMALL_TEMPLATE
    key = f"{definition['id']}@{definition['version']}"
    with db.atomic():
        db["templates"].insert({
            "key": key, "template_id": definition["id"], "version": definition["version"],
            "title_zh": definition["title"]["zh"], "title_en": definition["title"].get("en"),
            "content_hash": content_hash(definition), "definition": canonical_json(definition),
            "item_count": sum(len(s["items"]) for s in definition["sections"]),
            **record_stamp(device_id or own_device(db))})
    return key


def add_company(db: Database, name: str = "泉台纺织有限公司", industry: str = "textile",
                special_areas: list[str] | None = None, town: str = "城关镇",
                device_id: str | None = None) -> str:
    company_id = new_id()
    with db.atomic():
        db["companies"].insert({
            "id": company_id, "name": name, "industry": industry, "town": town,
            "special_areas": json.dumps(special_areas or []), "address": "泉台区工业园 1 号",
            **record_stamp(device_id or own_device(db))})
    return company_id


def completed_self_inspection(ctx: Any) -> str:
    """A self-inspection of the default template, every item answered and completed, by a
    profile's inspector and a colleague: ready to sign."""
    from inspector_app.domain.profile import Profile
    from inspector_app.services.inspections import InspectionService
    from inspector_app.storage.repositories import InspectorRepo, ProfileRepo

    ProfileRepo(ctx.db, ctx.device).save(Profile("张伟", "3205001", "泉台区应急管理局", "QT01"))
    repo = InspectorRepo(ctx.db, ctx.device.id)
    team = [repo.add("张伟", "1", "局").id, repo.add("李娜", "2", "局").id]
    svc = InspectionService(ctx.db, ctx.device, "张伟")
    inspection = svc.start(company_id=add_company(ctx.db), template_key=add_template(ctx.db),
                           kind="self", inspector_ids=team)
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "compliant")):
        svc.set_answer(inspection, item, value)
    assert svc.complete(inspection) == []
    return inspection
