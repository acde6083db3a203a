"""A realistic synthetic dataset, held to the same rules as data typed in the window.

Everything random comes from one ``random.Random(seed)``, so a seed always gives the same
companies, people, answers and hazard states. Dates are drawn relative to ``today`` (the day the
demo runs unless given), so the data always looks current: recent drafts, overdue hazards.

Companies, people, units and emergency plans go through the services. Inspections are built in
memory step by step as the inspection, signature and photo services build them (the same domain
checks, numbering, hazard wording, audit entries and signed-content fingerprints), with the
orders to rectify the document service issues and the re-inspections the re-inspection service
records (its rules for results, governance plans and acceptances), and written by
batch: one transaction and one prepared statement per table for every ``BATCH`` inspections.
Going through the services row by row cost ~20 statements and a savepoint per answer (24
inspections a second); an interrupted demo keeps whole batches only. A batch is built without
the database; its records take their numbers inside the transaction that stores them, which a
second thread writes and commits while the next batch is built.
"""

from __future__ import annotations

import io
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain import inspection as rules
from inspector_app.domain.answers import normalise_answer
from inspector_app.domain.checklist import (
    Answer,
    Item,
    ItemType,
    Section,
    Template,
    missing_required,
    walk_items,
)
from inspector_app.domain.company import Company, credit_check_char
from inspector_app.domain.finding import Finding, FindingStatus, Grade, default_deadline
from inspector_app.domain.finding import check_transition as check_finding_transition
from inspector_app.domain.governance import PLAN_COLUMNS, Acceptance
from inspector_app.domain.inspection import Kind, Status, inspector_problems
from inspector_app.domain.inspection_record import InspectionRecord
from inspector_app.domain.legal import hazard_wording, legal_citation
from inspector_app.domain.numbering import DocType
from inspector_app.domain.photo import Photo, PhotoTag
from inspector_app.domain.profile import Device, Inspector, Profile
from inspector_app.domain.records import new_ids, ordered_ids, record_stamp, utcnow_iso
from inspector_app.domain.signature import (
    DEFAULT_PAD_SIZE,
    TOO_SHORT,
    SignerRole,
    clean_name,
    normalise_strokes,
    signature_problem,
    strokes_to_json,
)
from inspector_app.errors import NotFoundError, ValidationError
from inspector_app.i18n import N_, Listing
from inspector_app.paths import DataDir
from inspector_app.services.district_demo import ensure_district
from inspector_app.services.documents import check_order, signed_content_digest
from inspector_app.services.emergency_demo import ensure_emergency
from inspector_app.services.forms import ensure_shipped_templates
from inspector_app.services.pdf.model import CompanyInfo, RecordData, ResultInfo
from inspector_app.services.photos import PhotoService
from inspector_app.services.pki import PkiService
from inspector_app.services.progress import Progress
from inspector_app.services.reinspection import NOT_RECTIFIED, RECTIFIED, require_plan
from inspector_app.services.signatures import check_png
from inspector_app.services.sync.row_schema import check_entry
from inspector_app.storage.audit import AUDIT_COLUMNS, audit_text
from inspector_app.storage.bulk_writer import (
    BatchCommitter,
    BulkWriter,
    bulk_load,
    template_source,
)
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.storage.inspections_repo import InspectionRepo
from inspector_app.storage.numbers import next_number
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo, SettingsRepo
from inspector_app.storage.templates_repo import TemplateRepo

# -- which checklist fits a company ------------------------------------------------------------

GM_STANDARD = "gm-major-hazard-2023"
HC_STANDARD = "hc-major-hazard-2017"
FIRE_SAFETY = "fire-safety-routine"
EMERGENCY_READINESS = "emergency-readiness"
# The seven industries of the 2023 industry-and-trade standard (Order No. 10, Art. 4-10).
GM_INDUSTRIES = frozenset({"metallurgy", "nonferrous", "building_materials", "machinery",
                           "light_industry", "textile", "tobacco"})


def suggested_template_id(industry: str | None, special_areas: Sequence[str] = ()) -> str:
    """The checklist an inspector would normally use first for a company of this kind."""
    if industry == "chemical" or "hazardous_chemicals" in special_areas:
        return HC_STANDARD
    if industry in GM_INDUSTRIES:
        return GM_STANDARD
    return FIRE_SAFETY


# -- vocabularies of the synthetic district ------------------------------------------------------

_PLACES = ("泉台", "东山", "西湖", "南岭", "北辰", "金桥", "华丰", "永兴", "宏达", "恒通", "瑞丰",
           "新港", "长青", "鑫源", "天成", "明珠", "龙腾", "嘉禾", "锦程", "顺发")
_SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "厂")
# industry -> (weight, name words, special areas that often come with it)
_INDUSTRY_PROFILES: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "machinery": (16, ("机械", "精密机械", "机电", "汽车零部件", "五金制品"),
                  ("combustible_dust", "confined_space")),
    "textile": (12, ("纺织", "织造", "印染", "服饰"), ("combustible_dust",)),
    "building_materials": (10, ("建材", "水泥", "新型建材", "陶瓷", "玻璃制品"),
                           ("confined_space",)),
    "metallurgy": (6, ("冶金", "钢铁", "铸造", "特钢"), ("confined_space",)),
    "nonferrous": (4, ("铝业", "铜业", "有色金属"), ("combustible_dust",)),
    "light_industry": (12, ("食品", "造纸", "家具", "塑料制品", "酿造"),
                       ("liquid_ammonia", "combustible_dust", "confined_space")),
    "tobacco": (1, ("卷烟",), ()),
    "chemical": (12, ("化工", "精细化工", "涂料", "新材料"),
                 ("hazardous_chemicals", "confined_space")),
    "commerce": (8, ("商贸", "物流", "冷链仓储", "百货"), ("liquid_ammonia",)),
    "other": (6, ("实业", "电子", "包装", "印务"), ()),
}
_TOWNS = ("城关镇", "东山镇", "西湖街道", "南湖街道", "北山镇", "金桥镇", "开发区管委会")
_ROADS = ("工业大道", "兴业路", "创新路", "东环路", "滨河路", "园区一路", "园区二路", "建设路")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明",
          "超", "秀英", "建国", "海燕", "志强", "丽", "红梅", "文", "斌", "宇", "晨", "晓东")
_PLACES_INSPECTED = ("生产车间", "一号车间", "二号车间", "成品仓库", "原料仓库", "配电房",
                     "锅炉房", "厂区及办公楼", "全厂区域", "危化品仓库", "除尘系统区域")
_POSITIONS = ("安全员", "安全科长", "生产主管", "设备主管", "车间主任")

_NOTES_OK = ("现场查看，符合要求。", "查阅台账记录齐全。", "抽查三名作业人员，均持证上岗。",
             "设施运行正常。", "查看检测报告在有效期内。")
_NOTES_BAD = ("现场发现问题，已拍照取证。", "企业负责人在场确认。", "相关记录缺失。",
              "现场询问作业人员，回答不清。")
_REQUIREMENTS = {
    Grade.MAJOR: ("立即停止相关作业，制定重大事故隐患治理方案，落实资金、人员和防范措施，"
                  "限期整改到位。",
                  "立即采取措施消除隐患，整改期间停止使用相关设备设施。"),
    Grade.GENERAL: ("限期整改到位，并将整改情况书面报告。", "立即整改。",
                    "完善相关制度和记录，加强日常检查。"),
}
_ONSITE = ("已责令立即停止该区域作业。", "已现场清理，撤离无关人员。", "已设置警示标志。")
# Everyday problems no checklist item covers: what inspectors add by hand on almost every visit.
_FREE_FORM = ("消防通道堆放杂物", "部分灭火器压力不足", "配电箱门缺失，线路裸露",
              "安全出口指示标志损坏", "车间内私拉乱接电线", "应急照明灯不亮",
              "员工安全培训记录不全", "危险作业未办理审批手续")
_DEMO_PLAN = {
    "plan_goal": "消除该重大事故隐患，达到判定标准和相关国家标准的要求",
    "plan_method": "停用相关设施，委托有资质单位设计整改方案并组织施工",
    "plan_funds": "企业安排专项资金，所需设备物资已采购到位",
    "plan_organisation": "企业安全生产管理部门牵头，主要负责人为第一责任人",
    "plan_timeline": "在整改期限内完成整改并申请复查",
    "plan_safety": "整改期间停止相关作业，设置警戒，落实专人监护和应急处置措施",
}
_RECTIFIED_OK = ("已整改到位，同意销号。", "复查合格，隐患已消除。")
_RECTIFIED_BAD = ("整改不到位，责令继续整改。", "复查发现问题依然存在。")
_RESULT_COLUMNS = ("id", "reinspection_id", "finding_id", "result", "new_deadline", "note",
                   "accepted_on", "accepted_by", "acceptance_conclusion", "created_at",
                   "updated_at", "device_id")

# Items that apply to one kind of company only; the demo answers "not applicable" elsewhere,
# as the item's own guidance tells the inspector to.
_ONLY_FOR_INDUSTRIES = {"gm-3-3": frozenset({"metallurgy", "nonferrous"})}

# The answers as stored, read once: an enum member's ``.value`` is a property lookup, and these
# are compared for every answer of a large demo.
_COMPLIANT = Answer.COMPLIANT.value
_NON_COMPLIANT = Answer.NON_COMPLIANT.value
_NOT_APPLICABLE = Answer.NOT_APPLICABLE.value
_NEW_VALUE = AUDIT_COLUMNS.index("new_value")
_REASON = AUDIT_COLUMNS.index("reason")
_ANSWER_COLUMNS = ("id", "inspection_id", "item_id", "value", "note", "created_at",
                   "updated_at", "device_id")

DISTRICT_CODE = "320512"  # the (fictitious) district's administrative division code
ORGANISATION = "泉台区应急管理局"


@dataclass
class DemoSummary:
    companies: int = 0
    inspectors: int = 0
    inspections: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    hazards: int = 0
    by_hazard_status: Counter[str] = field(default_factory=Counter)
    photos: int = 0
    reinspections: int = 0   # 复查 records, beside the inspections asked for
    orders: int = 0          # 责令限期整改指令书 issued
    seconds: float = 0.0
    seed: int = 0
    # Where the district's units, campaigns and deadlines came from: "office" (this computer
    # holds the organisation key, or is no laptop yet, and made them), "laptop" (enrolled: left
    # to the office).
    registry: str = "office"
    set_up: bool = False        # the organisation key or an office-issued identity is here

    def line(self) -> str:
        statuses = ", ".join(f"{self.by_status[s.value]} {s.value}" for s in Status)
        hazards = ", ".join(f"{self.by_hazard_status[s.value]} {s.value}" for s in FindingStatus)
        return (f"demo: {self.companies} companies, {self.inspectors} inspectors, "
                f"{self.inspections} inspections ({statuses}), {self.hazards} hazards "
                f"({hazards}), {self.reinspections} re-inspections, {self.orders} orders, "
                f"{self.photos} photos in {self.seconds:.1f} s (seed {self.seed})")


# -- small generators ----------------------------------------------------------------------------

def credit_code(rng: random.Random, district: str = DISTRICT_CODE) -> str:
    """A valid unified social credit code (GB 32100-2015) of an enterprise in ``district``.

    Position 1-2 "91": registered with market regulation, an enterprise; 3-8 the division code;
    9-17 an organisation code with its own GB 11714 check digit; 18 the GB 32100 check.
    """
    body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    org_check = {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
    first17 = f"91{district}{body}{org_check}"
    return first17 + credit_check_char(first17)


def person_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def mobile_phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "150", "152", "158", "177", "181", "189")) + "".join(
        rng.choice("0123456789") for _ in range(8))


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# -- the builder -----------------------------------------------------------------------------------

BATCH = 500          # inspections (or companies) written per transaction (one commit)
PHOTO_POOL = 48      # different demo pictures: a photo is one of them, kept once by content
HANDWRITINGS = 12    # different demo signatures


class DemoBuilder:
    def __init__(self, db: Database, device: Device, photos_dir: Path, *,
                 seed: int | None = None, today: date | None = None) -> None:
        self.db = db
        self.device = device
        self.photos_dir = photos_dir
        self.seed = seed if seed is not None else random.SystemRandom().randrange(1_000_000)
        self.rng = random.Random(self.seed)
        self.today = today or date.today()
        # The records are written in China's time (+08:00); none may end after this moment.
        self._now_cn = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=8)
        self.summary = DemoSummary(seed=self.seed)
        self._visits: Counter[str] = Counter()          # company id -> inspections so far
        self._hands: list[tuple[str, bytes]] = []        # signatures drawn once, reused
        self._sources: dict[str, _Source] = {}           # template key -> parsed template
        self._pool: list[dict[str, Any]] = []            # photo files kept, by pool index
        self._ids: list[str] = []                        # new ids, made a few thousand at once
        self._ordered: list[str] = []                    # ordered ids, the same
        self._json: dict[tuple[type, Any], str] = {}     # answer value -> its JSON text
        self._audit_texts: dict[tuple[type, Any], str | None] = {}  # value -> as audited
        self.actor = "demo"  # the profile inspector's name, once build() made sure of one

    # -- public --------------------------------------------------------------------------------
    def build(self, companies: int, inspections: int, photos_per_inspection: int = 0,
              progress: Progress | None = None) -> DemoSummary:
        """Add the companies and inspections, one transaction per batch: an interruption keeps
        whole batches only. ``progress.progress(done, total)`` follows each batch of inspections."""
        if companies < 0 or inspections < 0 or photos_per_inspection < 0:
            raise ValidationError(N_("The numbers of companies, inspections and photos must not "
                                     "be negative."))
        if inspections and not companies:
            raise ValidationError(N_("Inspections need companies: ask for 1 company or more."))
        started = time.perf_counter()
        ensure_shipped_templates(TemplateRepo(self.db, self.device.id))
        self.templates = self._template_keys()
        # Every audit entry speaks for the profile's inspector, as the program's own would: a
        # bundle of the demo's data then passes the sync policy's authorship rules.
        actor = self.actor = self._ensure_profile()
        self.repo = InspectionRepo(self.db)
        self.photos = PhotoService(self.db, DataDir(self.photos_dir.parent), self.device, actor)
        self.team = self._team()
        company_repo = CompanyRepo(self.db, self.device.id, actor=actor)
        names = {c.name for c in company_repo.list()}
        company_list: list[Company] = []
        for start in range(0, companies, BATCH):
            with self.db.atomic():  # one commit (one fsync) per batch, not per row
                company_list += [self._company(company_repo, names)
                                 for _ in range(min(BATCH, companies - start))]
        self.summary.companies = len(company_list)
        # The district's units and campaigns, before any inspection records its unit. On a
        # laptop enrolled with an office they are the office's to make: a laptop's bundle never
        # carries them, so its rows may name only those the office sent it.
        laptop = enrolled_laptop(self.db, self.device)
        self.summary.registry = "laptop" if laptop else "office"
        self.summary.set_up = laptop or PkiService(self.db, self.device).org() is not None
        if not laptop:
            ensure_district(self.db, self.device.id, [c.town for c in company_list if c.town],
                            self.seed + 17, self.today)
        ensure_emergency(self.db, self.device.id, DataDir(self.photos_dir.parent),
                         self.seed + 18, self.today, deadlines=not laptop)
        settings = SettingsRepo(self.db)
        self.unit_id = settings.get("unit_id")
        self.authority_short = settings.get("authority_short")
        self._hands = self._handwritings()
        plan = self._plan(company_list, inspections)
        for key in self.templates.values():  # read now: the connection is the writer's below
            self._source(key)
        with bulk_load(self.db):
            committer = BatchCommitter(self.db)
            handed = reported = 0  # inspections handed to the committer; reported written
            try:
                for start in range(0, len(plan), BATCH):
                    visits = self._batch(plan[start:start + BATCH], photos_per_inspection)
                    committer.wait()  # the batch before is written: the connection is free
                    if progress is not None and handed > reported:
                        reported = handed
                        progress.progress(handed, len(plan))
                    self._write(visits, committer)
                    handed = start + len(visits)
            finally:
                # Also when stopped (Ctrl-C) while a batch was being written: it is written
                # whole, and counted.
                committer.wait()
                if progress is not None and handed > reported:
                    reported = handed
                    progress.progress(handed, len(plan))
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _batch(self, plan: list[tuple[Company, datetime, Status]], photos: int
               ) -> dict[str, _Visit]:
        """Build a batch of inspections in memory, without the database: their numbers are
        given by ``_write``, inside the transaction that stores them."""
        self.out = BulkWriter(self.db)
        hazards = self.summary.hazards
        visits = {v.id: v for v in (self._inspection(company, when, target, photos)
                                    for company, when, target in plan)}
        issued = [f for v in visits.values() for f in v.issued]
        self._hazard_states(issued, visits)
        self.summary.by_hazard_status.update(f["status"] for f in issued)
        # Hazards of drafts stay open: no order has been issued for them yet.
        self.summary.by_hazard_status[FindingStatus.OPEN.value] += (
            self.summary.hazards - hazards - len(issued))
        return visits

    def _write(self, visits: dict[str, _Visit], committer: BatchCommitter) -> None:
        """Number the batch's records, in the order they were started, and hand the batch to
        the committer: one transaction, begun here and committed in the background."""
        followups = sorted((r for v in visits.values() for r in v.followups),
                           key=lambda r: r.row["started_at"])
        with committer.batch(self.out):
            for visit in visits.values():
                self._number(visit)
            # Re-inspections are numbered when they start, weeks after what they follow.
            for reinspection in followups:
                self._number_reinspection(reinspection)
            # The checklists the batch's records were started with, kept by content as
            # InspectionService.start keeps them (once: the same content is kept once).
            for source in {v.source.key: v.source for v in visits.values()}.values():
                self.repo.keep_template(source.content_hash, source.template_id,
                                        source.version, source.definition)
            for visit in visits.values():
                self._queue(visit)
            for reinspection in followups:
                self._queue_reinspection(reinspection)

    def _number(self, visit: _Visit) -> None:
        """The record's number (as InspectionService.start takes it), and with it what names
        the number: the creation's audit entry and the signatures' fingerprint."""
        number, _ = next_number(self.db, DocType.RECORD, int(visit.row["started_at"][:4]),
                                self.device.id, self.device.doc_prefix, self.authority_short)
        visit.row["number"] = visit.created["number"] = number
        visit.created_entry[_NEW_VALUE] = audit_text(visit.created)
        if visit.signed is not None:
            fingerprint = signed_content_digest(replace(
                visit.signed, record=replace(visit.signed.record, number=number)))
            for row in visit.signature_rows:
                row["record_fingerprint"] = fingerprint
        if visit.order:  # as DocumentService.issue numbers it
            order = visit.order
            order["number"], order["seq"] = next_number(
                self.db, DocType.ORDER, order["year"], self.device.id, self.device.doc_prefix,
                self.authority_short)
            visit.order_entry[_NEW_VALUE] = audit_text({"type": DocType.ORDER.value,
                                                        "number": order["number"]})

    def _number_reinspection(self, reinspection: _Reinspection) -> None:
        """A re-inspection's number, as ReinspectionService.start takes it, and what names it:
        its creation's audit entry and the reasons of the hazards' changes it made."""
        row = reinspection.row
        number, _ = next_number(self.db, DocType.RECORD, int(row["started_at"][:4]),
                                self.device.id, self.device.doc_prefix, self.authority_short)
        row["number"] = number
        follows = reinspection.follows.row["number"] or reinspection.follows.id
        reinspection.created_entry[_NEW_VALUE] = audit_text(
            {"number": number, "kind": Kind.REINSPECTION.value, "follows": follows})
        for entry, reason in reinspection.reasons:
            entry[_REASON] = reason.format(label=number)
        fingerprint = signed_content_digest(self._reinspection_content(reinspection))
        for signature in reinspection.signature_rows:
            signature["record_fingerprint"] = fingerprint

    def _reinspection_content(self, reinspection: _Reinspection) -> RecordData:
        """What the re-inspection's signatures vouch for, as load_record_data reads it back:
        no checklist of its own, its team, its results."""
        visit, row = reinspection.follows, reinspection.row
        company = visit.company
        record = InspectionRecord(
            id=reinspection.id, number=row["number"], revision=1, supersedes_id=None,
            superseded_by=None, status=Status.COMPLETED, kind=Kind.REINSPECTION,
            company_id=company.id, company_name=company.name, company_address=company.address,
            template=visit.source.template, section_ids=[], place=row["place"],
            started_at=row["started_at"], ended_at=row["ended_at"], current_item=None,
            amend_reason=None, inspectors=reinspection.team, answers={}, notes={},
            findings=[], photo_counts={})
        return RecordData(
            record=record, template_hash=visit.source.content_hash,
            company=CompanyInfo(company.id or "", company.name, company.credit_code,
                                company.address, company.legal_rep, company.contact_name,
                                company.contact_phone, company.legal_rep_position),
            photos=[], follows_inspection_id=visit.id,
            results=[ResultInfo(*values[2:9]) for values in reinspection.results])

    # -- people and companies ------------------------------------------------------------------
    def _ensure_profile(self) -> str:
        profiles = ProfileRepo(self.db, self.device)
        current = profiles.current_inspector()
        if current is None:
            current = profiles.save(Profile(
                name=person_name(self.rng), enforcement_id=self._enforcement_id(),
                organisation=ORGANISATION, doc_prefix=self.device.doc_prefix,
                authority_short="泉台"))
            self.summary.inspectors += 1
        return current.name

    def _enforcement_id(self) -> str:
        return DISTRICT_CODE[:4] + "".join(self.rng.choice("0123456789") for _ in range(4))

    def _team(self) -> list[Inspector]:
        repo = InspectorRepo(self.db, self.device.id)
        team = [i for i in repo.all() if i.enforcement_id]
        for _ in range(max(0, 5 - len(team))):
            organisation = self.rng.choice((ORGANISATION, ORGANISATION, "东山镇人民政府"))
            team.append(repo.add(person_name(self.rng), self._enforcement_id(), organisation,
                                 mobile_phone(self.rng)))
            self.summary.inspectors += 1
        return team

    def _company(self, repo: CompanyRepo, names: set[str]) -> Company:
        rng = self.rng
        industry = _weighted(rng, {k: v[0] for k, v in _INDUSTRY_PROFILES.items()})
        _, words, areas = _INDUSTRY_PROFILES[industry]
        special = [a for a in areas if rng.random() < (0.7 if a == "hazardous_chemicals" else 0.35)]
        attempts = 0
        while True:  # a second demo in the same data dir must not double a name or a code
            attempts += 1
            # Two place words once the simple names of an industry run out (large demos).
            place = rng.choice(_PLACES) + (rng.choice(_PLACES) if attempts > 20 else "")
            # A serial as the last resort: it changes every attempt, so the loop always ends.
            serial = str(attempts) if attempts > 200 else ""
            name = place + rng.choice(words) + serial + rng.choice(_SUFFIXES)
            code = credit_code(rng)
            if name not in names and repo.get_by_credit_code(code) is None:
                names.add(name)
                break
        town = rng.choice(_TOWNS)
        legal_rep = person_name(rng)
        contact = person_name(rng) if rng.random() < 0.6 else legal_rep
        return repo.add(Company(
            name=name, credit_code=code, town=town,
            address=f"泉台区{town}{rng.choice(_ROADS)}{rng.randint(1, 399)}号",
            industry=industry, special_areas=tuple(special), legal_rep=legal_rep,
            contact_name=contact, contact_phone=mobile_phone(rng),
            risk_level=_weighted(rng, {"major": 1, "high": 3, "moderate": 8, "low": 6}),
        ), reason="demo data")

    # -- planning ----------------------------------------------------------------------------------
    def _template_keys(self) -> dict[str, str]:
        repo = TemplateRepo(self.db, self.device.id)
        keys: dict[str, str] = {}
        for record in repo.list():  # sorted by id then version: the newest version wins
            keys[record.template_id] = record.key
        if not keys:
            raise ValidationError(N_("No checklist template in the library; the shipped templates "
                                     "(forms/*.yaml) could not be imported."))
        return keys

    def _plan(self, companies: list[Company], count: int
              ) -> list[tuple[Company, datetime, Status]]:
        """Who is inspected when, and how far it gets: every company once before any twice."""
        order: list[Company] = []
        while len(order) < count:
            batch = list(companies)
            self.rng.shuffle(batch)
            order.extend(batch)
        plan = []
        for company in order[:count]:
            day = self.today - timedelta(days=self.rng.randint(0, 180))
            while day.weekday() >= 5:  # inspectors visit on working days
                day -= timedelta(days=1)
            minute = self.rng.choice(range(8 * 60 + 30, 16 * 60, 15))
            plan.append((company, self._visit_time(day, minute)))
        plan.sort(key=lambda p: p[1])  # numbers then rise with the date, as on paper
        targets = [self._target_status(when) for _, when in plan]
        # Every status appears once there are enough inspections; the newest ones change, as
        # the inspections still under way are the recent ones.
        if len(targets) >= len(Status):
            for status in Status:
                if status not in targets:
                    common = Counter(targets).most_common(1)[0][0]
                    targets[max(i for i, t in enumerate(targets) if t is common)] = status
        return [(company, when, target)
                for (company, when), target in zip(plan, targets, strict=True)]

    def _template_for(self, company: Company) -> str:
        first = suggested_template_id(company.industry, company.special_areas)
        # A second visit usually checks something else: fire safety, emergency readiness.
        options = [first] if not self._visits[company.id or ""] else [
            first, FIRE_SAFETY, EMERGENCY_READINESS]
        options = [t for t in options if t in self.templates] or sorted(self.templates)
        return self.templates[self.rng.choice(options)]

    def _target_status(self, when: datetime) -> Status:
        age = (self.today - when.date()).days
        if age <= 7:
            weights = {"draft": 6, "completed": 3, "signed": 2}
        elif age <= 30:
            weights = {"draft": 2, "completed": 3, "signed": 6}
        else:
            weights = {"draft": 1, "completed": 2, "signed": 10}
        return Status(_weighted(self.rng, weights))

    # -- one inspection ----------------------------------------------------------------------------
    # Each inspection is built in memory the way the services build it while an inspector types
    # (InspectionService.start, set_answer, set_note, add_finding, update_finding, complete,
    # SignatureService.add, lock), with the same domain checks and audit entries, and queued for
    # the batch's writer: a signature's fingerprint is that of the record as written.
    def _source(self, key: str) -> _Source:
        source = self._sources.get(key)
        if source is None:
            found = template_source(self.db, key)
            if found is None:
                raise NotFoundError(N_("No template {template_key} in the library."),
                                    template_key=key)
            template_id, version, content_hash, definition = found
            source = self._sources[key] = _Source(
                key, Template.from_dict(json.loads(definition)), template_id, version,
                content_hash, definition)
        return source

    def _audit(self, visit: _Visit, entity: str, entity_id: str, action: str, *,
               field: str | None = None, old: Any = None, new: Any = None,
               reason: str | None = None, inspection_id: str | None = None) -> list[Any]:
        """An audit entry as AuditLog.record writes it, at the time the visit is written (of
        ``visit``'s record, or of ``inspection_id``'s: a re-inspection's)."""
        entry = [
            self._ordered_id(), visit.at, self.device.id, self.actor, entity, entity_id,
            inspection_id or visit.id,
            action, field, old if old is None or type(old) is str else self._audit_text(old),
            new if new is None or type(new) is str else self._audit_text(new), reason]
        self.out.add("audit_log", AUDIT_COLUMNS, entry)
        return entry

    def _audit_text(self, value: Any) -> str | None:
        """``audit_text(value)``, made once for each of the few numbers and yes/no answers that
        repeat (a JSON encoding for every answer's audit entry was a tenth of the build)."""
        if type(value) not in (bool, int, float):
            return audit_text(value)
        key = (type(value), value)
        text = self._audit_texts.get(key)
        if text is None:
            text = self._audit_texts[key] = audit_text(value)
        return text

    def _answer_json(self, value: Any) -> str:
        """An answer as stored (JSON), made once for each of the few values that repeat."""
        if type(value) is list:
            return json.dumps(value, ensure_ascii=False)
        key = (type(value), value)
        text = self._json.get(key)
        if text is None:
            text = self._json[key] = json.dumps(value, ensure_ascii=False)
        return text

    def _new_id(self) -> str:
        """A random id, for the records people name by the start of their id (the check code
        printed on a record's pages, a hazard given to a command): ordered ids made together
        share their first characters."""
        if not self._ids:
            self._ids = new_ids(4096)
        return self._ids.pop()

    def _visit_time(self, day: date, minute: int) -> datetime:
        """When a visit on ``day`` starts: moved back to an earlier working day when it (or
        its end, at most four hours later) would still be to come. No draw from the random
        stream: a seed and a `today` long past still make the same district."""
        when = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
        while when + timedelta(hours=4) > self._now_cn or when.weekday() >= 5:
            when -= timedelta(days=1)
        return when

    def _ordered_id(self) -> str:
        """An ordered id (``ordered_ids``), for the answers and audit entries, nine rows in ten:
        each batch's go at the end of their keys' indexes, not into pages all over them."""
        if not self._ordered:
            self._ordered = ordered_ids(4096)[::-1]  # taken from the end
        return self._ordered.pop()

    def _inspection(self, company: Company, when: datetime, target: Status,
                    photos: int) -> _Visit:
        """Build one inspection (in memory: ``_queue`` hands its rows to the writer)."""
        rng = self.rng
        kind = Kind.OFFICIAL if rng.random() < 0.8 else Kind.SELF
        size = 2 if kind is Kind.OFFICIAL else 1
        team = rng.sample(self.team, size + (rng.random() < 0.2))
        started_at = when.isoformat(timespec="minutes") + "+08:00"
        visit = self._start(company, self._template_for(company), kind, team, started_at,
                            rng.choice(_PLACES_INSPECTED))
        self._visits[company.id or ""] += 1
        self._answer(visit, target, photos)
        status = Status.DRAFT
        if target is not Status.DRAFT and self._complete(visit, when):
            status = Status.COMPLETED
            if target is Status.SIGNED:
                self._sign_all(visit)
                self._lock(visit)
                status = Status.SIGNED
                if kind is Kind.OFFICIAL and visit.finding_rows:
                    self._order(visit)
        visit.status = status
        self.summary.inspections += 1
        self.summary.by_status[status.value] += 1
        self.summary.hazards += len(visit.finding_rows)
        return visit

    def _queue(self, visit: _Visit) -> None:
        """The visit's rows for the batch's writer, parents first."""
        out = self.out
        out.insert("inspections", visit.row)
        for position, inspector in enumerate(visit.team):
            out.insert("inspection_inspectors", {
                "inspection_id": visit.id, "inspector_id": inspector.id, "position": position})
        for row in visit.answer_rows.values():  # plain values: no conversion to look for
            out.add("answers", _ANSWER_COLUMNS, [row[c] for c in _ANSWER_COLUMNS])
        for row in visit.finding_rows:
            out.insert("findings", row)
        for row in visit.photo_rows:
            out.insert("photos", row)
        for row in visit.signature_rows:
            out.insert("signatures", row)
        if visit.order:
            out.insert("documents", visit.order)
        if visit.lock:
            out.update("inspections", visit.id, visit.lock)

    def _queue_reinspection(self, reinspection: _Reinspection) -> None:
        out = self.out
        out.insert("inspections", reinspection.row)
        for position, inspector in enumerate(reinspection.team):
            out.insert("inspection_inspectors", {
                "inspection_id": reinspection.id, "inspector_id": inspector.id,
                "position": position})
        for values in reinspection.results:
            out.add("reinspection_results", _RESULT_COLUMNS, values)
        for signature in reinspection.signature_rows:
            out.insert("signatures", signature)

    def _start(self, company: Company, key: str, kind: Kind, team: list[Inspector],
               started_at: str, place: str | None) -> _Visit:
        source = self._source(key)
        sections = source.template.applicable_sections(company.industry, company.special_areas)
        if not sections:  # no section of that template applies to this company
            source = self._source(self.templates.get(FIRE_SAFETY,
                                                     next(iter(self.templates.values()))))
            sections = source.template.applicable_sections(company.industry,
                                                           company.special_areas)
            place = None
        if not sections:
            raise ValidationError(
                N_("No section of {zh} applies to {company}: check the "
                   "company's industry and special areas, or choose another template."),
                zh=source.template.title.zh, company=company.name)
        problems = inspector_problems(kind, team)
        if problems:
            raise ValidationError(N_("Cannot start: {problems}."), problems=Listing(problems))
        number = None  # given by _number when the batch is written
        stamp = record_stamp(self.device.id)
        visit = _Visit(self._new_id(), company, source, sections, team, kind, stamp)
        visit.row = {
            "id": visit.id, "revision": 1, "company_id": company.id, "subject_unit_id": None,
            "template_key": source.key, "template_id": source.template_id,
            "template_version": source.version, "template_hash": source.content_hash,
            "kind": kind.value, "status": Status.DRAFT.value, "number": number,
            "place": place, "started_at": started_at,
            "section_ids": json.dumps([s.id for s in sections]),
            "unit_id": self.unit_id, **stamp}
        visit.created = {"number": number, "company": company.name, "template": source.key,
                         "kind": kind.value}
        visit.created_entry = self._audit(visit, "inspection", visit.id, "create",
                                          new=visit.created)
        return visit

    def _answer(self, visit: _Visit, target: Status, photos: int) -> None:
        rng = self.rng
        template, company = visit.source.template, visit.company
        answers: dict[str, Any] = {}  # as the rules read them: photo counts included
        # A draft is an inspection under way: the first part of the list is answered.
        share = 1.0 if target is not Status.DRAFT else rng.uniform(0.2, 0.9)
        total = sum(len(s.items) for s in visit.sections)
        photo_budget = photos
        for index, (item, shown) in enumerate(walk_items(template, answers, visit.sections)):
            if index >= share * total:
                break
            if not shown:
                continue
            if item.type is ItemType.PHOTO:
                # A required photo is part of the checklist: without it the record can never be
                # completed, so it is taken even when no photos were asked for.
                count = max(item.min_photos, 1) if item.required or photo_budget > 0 else 0
                photo_budget -= self._photos(visit, count, item_id=item.id)
                answers[item.id] = count
                continue
            if item.type is ItemType.SIGNATURE:
                if target is not Status.DRAFT:
                    visit.signature_items.append(item)
                continue
            value = self._value(item, company, template, started=visit.row["started_at"])
            value = None if value is None else normalise_answer(item, value)
            if value is None:
                continue
            answers[item.id] = visit.answers[item.id] = value
            visit.answer_rows[item.id] = {
                "id": self._ordered_id(), "inspection_id": visit.id, "item_id": item.id,
                "value": self._answer_json(value), "note": None, **visit.stamp}
            self._audit(visit, "answer", item.id, "create", field="value", new=value)
            if item.type is ItemType.CHECK and value == _NON_COMPLIANT:
                finding = self._hazard(visit, item)
                self._complete_finding(visit, finding)
                if photo_budget > 0:
                    photo_budget -= self._photos(visit, 1, finding_id=finding["id"])
            if rng.random() < (0.6 if value == _NON_COMPLIANT else 0.08):
                notes = _NOTES_BAD if value == _NON_COMPLIANT else _NOTES_OK
                note = rng.choice(notes)
                check_entry("answers", {"note": note})
                visit.answer_rows[item.id]["note"] = visit.notes[item.id] = note
                self._audit(visit, "answer", item.id, "update", field="note", new=note)
        if rng.random() < 0.35:
            grade = Grade.GENERAL
            finding = self._free_form_hazard(
                visit, description=rng.choice(_FREE_FORM), grade=grade,
                requirement=rng.choice(_REQUIREMENTS[grade]),
                responsible=company.contact_name or company.legal_rep)
            if photo_budget > 0:
                photo_budget -= self._photos(visit, 1, finding_id=finding["id"])
        if photo_budget > 0:  # the rest are general site photos
            self._photos(visit, photo_budget)

    def _value(self, item: Item, company: Company, template: Template, started: str) -> Any:
        rng = self.rng
        kind = item.type
        if kind is ItemType.CHECK:
            only_for = _ONLY_FOR_INDUSTRIES.get(item.id)
            if only_for is not None and company.industry not in only_for:
                return _NOT_APPLICABLE
            # Major-hazard standards are failed less often than routine checklists.
            bad = 0.03 if template.kind == "major_hazard_standard" else 0.06
            roll = rng.random()
            if roll < bad:
                return _NON_COMPLIANT
            return _NOT_APPLICABLE if roll > 0.93 else _COMPLIANT
        if kind is ItemType.YES_NO:
            return rng.random() < 0.75
        if kind is ItemType.NUMBER:
            low = item.normal_min if item.normal_min is not None else item.min
            high = item.normal_max if item.normal_max is not None else item.max
            low = 0 if low is None else low
            high = low + 10 if high is None else high
            whole = all(float(v).is_integer() for v in (low, high))
            return rng.randint(int(low), int(high)) if whole else round(rng.uniform(low, high), 1)
        if kind is ItemType.SINGLE_CHOICE:
            return rng.choice(item.choices).value if item.choices else None
        if kind is ItemType.MULTI_CHOICE:
            if not item.choices:
                return None
            return [c.value for c in rng.sample(item.choices, rng.randint(1, len(item.choices)))]
        if kind is ItemType.DATE:
            return (date.fromisoformat(started[:10]) - timedelta(days=rng.randint(10, 300))
                    ).isoformat()
        if kind is ItemType.DATETIME:
            return started
        if kind is ItemType.TEXT:
            if "姓名" in item.text.zh or "负责人" in item.text.zh:
                text = company.legal_rep or person_name(rng)
            else:
                text = rng.choice((rng.choice(_POSITIONS), "见附件", "已核实"))
            return text[: item.max_length] if item.max_length else text
        if kind is ItemType.LONG_TEXT:
            return rng.choice(("现场检查未发现其他问题。",
                               "企业安全管理制度基本健全，现场管理有待加强。"))
        return None

    def _hazard(self, visit: _Visit, item: Item) -> dict[str, Any]:
        """The hazard a non-compliant answer raises, worded from the checklist."""
        template = visit.source.template
        grade = item.grade or Grade.GENERAL
        found_on = date.fromisoformat(visit.row["started_at"][:10])
        row = {"id": self._new_id(), "inspection_id": visit.id, "item_id": item.id,
               "seq": len(visit.finding_rows) + 1,
               "description": hazard_wording(template, item, template.language),
               "grade": grade.value,
               "legal_basis": legal_citation(template, item, template.language),
               "deadline": default_deadline(grade, found_on).isoformat(),
               "status": FindingStatus.OPEN.value, **visit.stamp}
        visit.finding_rows.append(row)
        self._audit(visit, "finding", row["id"], "create",
                    new={"item": item.id, "grade": grade.value}, reason="non-compliant answer")
        return row

    def _free_form_hazard(self, visit: _Visit, *, description: str, grade: Grade,
                          requirement: str, responsible: str | None) -> dict[str, Any]:
        """A hazard no checklist item covers, as the inspector adds it."""
        check_entry("findings", {"description": description, "requirement": requirement,
                                 "responsible": responsible})
        found_on = date.fromisoformat(visit.row["started_at"][:10])
        row = {"id": self._new_id(), "inspection_id": visit.id, "item_id": None,
               "seq": len(visit.finding_rows) + 1, "description": description,
               "grade": grade.value, "legal_basis": None, "requirement": requirement,
               "deadline": default_deadline(grade, found_on).isoformat(),
               "responsible": responsible, "onsite_measure": None,
               "status": FindingStatus.OPEN.value, **visit.stamp}
        visit.finding_rows.append(row)
        self._audit(visit, "finding", row["id"], "create",
                    new={"description": description, "grade": grade.value},
                    reason="added by inspector")
        return row

    def _complete_finding(self, visit: _Visit, finding: dict[str, Any]) -> None:
        rng = self.rng
        company = visit.company
        major = finding["grade"] == Grade.MAJOR.value
        changes: dict[str, Any] = {
            "requirement": rng.choice(_REQUIREMENTS[Grade(finding["grade"])]),
            "responsible": company.legal_rep if major else company.contact_name,
        }
        if major or rng.random() < 0.2:
            changes["onsite_measure"] = rng.choice(_ONSITE)
        check_entry("findings", changes)
        for name, value in changes.items():
            if finding.get(name) != value:
                self._audit(visit, "finding", finding["id"], "update", field=name,
                            old=finding.get(name), new=value)
                finding[name] = value

    def _complete(self, visit: _Visit, started: datetime) -> bool:
        """Completed when nothing is missing (InspectionService.complete), ended a few hours
        after it began."""
        record = self._record(visit, Status.DRAFT)
        given = {item.role or "inspector" for item in visit.signature_items}
        missing = [item for item in missing_required(record.template,
                                                     record.answers_for_rules(),
                                                     record.sections)
                   if not (item.type is ItemType.SIGNATURE and (item.role or "inspector")
                           in given)]
        if missing or any(f.incomplete_fields() for f in record.findings):
            return False
        rules.check_transition(Status.DRAFT, Status.COMPLETED)
        self._audit(visit, "inspection", visit.id, "update", field="status",
                    old=Status.DRAFT.value, new=Status.COMPLETED.value)
        ended = started + timedelta(minutes=self.rng.randint(60, 240))
        visit.row.update(status=Status.COMPLETED.value,
                         ended_at=ended.isoformat(timespec="minutes") + "+08:00")
        return True

    def _record(self, visit: _Visit, status: Status) -> InspectionRecord:
        """The record as InspectionService.get would read it back."""
        row, company = visit.row, visit.company
        photo_counts = Counter(p["item_id"] for p in visit.photo_rows if p["item_id"])
        return InspectionRecord(
            id=visit.id, number=row["number"], revision=1, supersedes_id=None,
            superseded_by=None, status=status, kind=visit.kind, company_id=company.id,
            company_name=company.name, company_address=company.address,
            template=visit.source.template, section_ids=[s.id for s in visit.sections],
            place=row["place"], started_at=row["started_at"], ended_at=row.get("ended_at"),
            current_item=None, amend_reason=None, inspectors=visit.team,
            answers=dict(visit.answers), notes=dict(visit.notes),
            findings=[_finding(f) for f in visit.finding_rows],
            photo_counts=dict(photo_counts))

    def _signed_content(self, visit: _Visit) -> RecordData:
        """What a signature given on this record now is tied to (its fingerprint is taken once
        the record has its number)."""
        company = visit.company
        photos = [Photo(id=p["id"], sha256=p["sha256"], inspection_id=visit.id,
                        item_id=p["item_id"], finding_id=p["finding_id"], caption=None,
                        tag=PhotoTag(p["tag"]), original_name=p["original_name"],
                        mime=p["mime"], size_bytes=p["size_bytes"], width=p["width"],
                        height=p["height"], orientation=p["orientation"],
                        taken_at=p["taken_at"], gps_lat=p["gps_lat"], gps_lon=p["gps_lon"],
                        camera=p["camera"]) for p in visit.photo_rows]
        return RecordData(
            record=self._record(visit, Status.COMPLETED),
            template_hash=visit.source.content_hash,
            company=CompanyInfo(company.id or "", company.name, company.credit_code,
                                company.address, company.legal_rep, company.contact_name,
                                company.contact_phone, company.legal_rep_position),
            photos=photos)

    def _lock(self, visit: _Visit) -> None:
        """Completed → signed, keeping the company and the team as they were (lock)."""
        rules.check_transition(Status.COMPLETED, Status.SIGNED)
        self._audit(visit, "inspection", visit.id, "update", field="status",
                    old=Status.COMPLETED.value, new=Status.SIGNED.value)
        company = visit.company
        snapshot = {"id": company.id, "name": company.name, "credit_code": company.credit_code,
                    "address": company.address, "legal_rep": company.legal_rep,
                    "contact_name": company.contact_name, "contact_phone": company.contact_phone,
                    "legal_rep_position": company.legal_rep_position}
        team = [{"id": i.id, "name": i.name, "enforcement_id": i.enforcement_id,
                 "organisation": i.organisation, "phone": i.phone} for i in visit.team]
        now = utcnow_iso()
        visit.lock = {"status": Status.SIGNED.value, "signed_at": now, "updated_at": now,
                      "device_id": self.device.id,
                      "company_snapshot": json.dumps(snapshot, ensure_ascii=False,
                                                     sort_keys=True),
                      "team_snapshot": json.dumps(team, ensure_ascii=False, sort_keys=True)}

    # -- the order ---------------------------------------------------------------------------------
    def _order(self, visit: _Visit) -> None:
        """The order to rectify (责令限期整改指令书), issued as the record is signed on site: the
        office issues one for every official inspection that found hazards, and the window
        issues it from the signed record (DocumentService.issue, dated when the inspectors
        signed). Numbered with the record, by ``_number``."""
        issued_at = max(r["signed_at"] for r in visit.signature_rows
                        if r["role"] == SignerRole.INSPECTOR.value)
        check_order(None, visit.kind.value, len(visit.finding_rows),
                    [(f["seq"], f.get("requirement"), f["deadline"])
                     for f in visit.finding_rows], issued_at[:10])
        visit.order = {"id": self._new_id(), "inspection_id": visit.id,
                       "doc_type": DocType.ORDER.value, "number": None,
                       "prefix": self.device.doc_prefix, "year": int(issued_at[:4]),
                       "seq": None, "follows_document_id": None, "issued_at": issued_at,
                       **visit.stamp}
        visit.order_entry = self._audit(visit, "document", visit.order["id"], "create",
                                        new={"type": DocType.ORDER.value, "number": None})
        self.summary.orders += 1

    # -- hazard lifecycle --------------------------------------------------------------------------
    def _hazard_states(self, findings: list[dict[str, Any]], visits: dict[str, _Visit]) -> None:
        """Move issued hazards along open → rectified → closed / reopened, as the company's
        reports and re-inspections (复查) would: each step checked against the domain rules
        and audited like any other change."""
        rng = self.rng
        targets: list[FindingStatus] = []
        for f in findings:
            overdue = date.fromisoformat(f["deadline"] or self.today.isoformat()) <= self.today
            weights = ({"open": 2, "rectified": 2, "closed": 5, "reopened": 2} if overdue
                       else {"open": 6, "rectified": 3, "closed": 1, "reopened": 0.5})
            targets.append(FindingStatus(_weighted(rng, weights)))
        # Every state appears once there are enough hazards: lists and filters need them all.
        if len(findings) >= len(FindingStatus):
            for state in FindingStatus:
                if state not in targets:
                    common = Counter(targets).most_common(1)[0][0]
                    index = rng.choice([i for i, t in enumerate(targets) if t is common])
                    targets[index] = state
        by_visit: dict[str, list[tuple[dict[str, Any], FindingStatus]]] = {}
        for finding, target in zip(findings, targets, strict=True):
            by_visit.setdefault(finding["inspection_id"], []).append((finding, target))
        for visit_id, hazards in by_visit.items():
            self._follow_up(visits[visit_id], hazards)

    def _follow_up(self, visit: _Visit, hazards: list[tuple[dict[str, Any], FindingStatus]]
                   ) -> None:
        """What follows one inspection's order. The company works on the hazards it is to
        close (a major one with its governance plan) and reports them rectified; when one is
        to be closed or reopened, one re-inspection re-checks every hazard of the inspection
        not closed (ReinspectionService: a result for each, or it cannot be completed): a
        hazard still open there is reopened with a new deadline, and one the company reports
        rectified again afterwards awaits the next re-inspection. So about three orders in four
        are followed by a re-inspection within the half-year (2,000 inspections: 854 orders,
        856 re-inspections with the self-inspections'), as a district follows up its orders; the
        rest wait for their deadline or the company's report."""
        reported = {f["id"] for f, t in hazards if t is not FindingStatus.OPEN}
        day = None
        # An official record is re-inspected on its order (a re-inspection opinion follows the
        # order); a company's self-inspection by its own people.
        followed = bool(visit.order) or visit.kind is Kind.SELF
        if followed and any(t in (FindingStatus.CLOSED, FindingStatus.REOPENED)
                            for _, t in hazards):
            found = date.fromisoformat(visit.row["started_at"][:10])
            day = found + timedelta(days=self.rng.randint(5, 30))
            while day.weekday() >= 5:
                day -= timedelta(days=1)  # inspectors visit on working days
            if day > self.today:
                day = None  # still to come: the company has time until then
            else:
                # Half of what the company never reported is found rectified all the same.
                hazards = [(f, FindingStatus.CLOSED if t is FindingStatus.OPEN
                            and self.rng.random() < 0.5 else t) for f, t in hazards]
        for finding, target in hazards:
            if target is not FindingStatus.OPEN and finding["grade"] == Grade.MAJOR.value:
                self._governance_plan(visit, finding)
            if finding["id"] in reported:
                self._set_status(visit, finding, FindingStatus.RECTIFIED, {},
                                 "the company reports it rectified")
        if day is None:
            return
        reinspection = self._reinspection(visit, day)
        closed = reopened = 0
        for finding, target in hazards:
            if target is FindingStatus.CLOSED:
                self._close(reinspection, finding, day)
                closed += 1
            else:
                self._reopen(reinspection, finding, day)
                reopened += 1
        self._sign_reinspection(reinspection)  # every signature before it is completed
        rules.check_transition(Status.DRAFT, Status.COMPLETED)
        self._audit(visit, "inspection", reinspection.id, "update", field="status",
                    old=Status.DRAFT.value, new=Status.COMPLETED.value,
                    reason=f"{closed} closed, {reopened} reopened",
                    inspection_id=reinspection.id)
        for finding, target in hazards:
            if target is FindingStatus.RECTIFIED:  # reported done again, not re-checked yet
                self._set_status(visit, finding, FindingStatus.RECTIFIED, {},
                                 "the company reports it rectified")

    def _reinspection(self, visit: _Visit, day: date) -> _Reinspection:
        """A re-inspection of ``visit`` on ``day`` (ReinspectionService.start): an official
        record followed up by two inspectors with enforcement IDs."""
        kind = Kind.OFFICIAL if visit.kind is Kind.OFFICIAL else Kind.SELF
        team = self.rng.sample(self.team, 2 if kind is Kind.OFFICIAL else 1)
        problems = inspector_problems(kind, team)
        if problems:
            raise ValidationError(N_("Cannot start: {problems}."), problems=Listing(problems))
        minute = self.rng.choice(range(8 * 60 + 30, 16 * 60, 15))
        started = self._visit_time(day, minute)
        ended = started + timedelta(minutes=self.rng.randint(30, 120))
        reinspection_id = self._new_id()
        original = visit.row
        row = {"id": reinspection_id, "revision": 1, "company_id": original["company_id"],
               "template_key": original["template_key"], "template_id": original["template_id"],
               "template_version": original["template_version"],
               "template_hash": original["template_hash"], "kind": Kind.REINSPECTION.value,
               "status": Status.COMPLETED.value, "number": None, "place": None,
               "started_at": started.isoformat(timespec="minutes") + "+08:00",
               "ended_at": ended.isoformat(timespec="minutes") + "+08:00",
               "follows_inspection_id": visit.id, "section_ids": "[]", **visit.stamp}
        created = self._audit(visit, "inspection", reinspection_id, "create",
                              new={"number": None, "kind": Kind.REINSPECTION.value},
                              inspection_id=reinspection_id)
        reinspection = _Reinspection(reinspection_id, visit, team, row, created)
        visit.followups.append(reinspection)
        self.summary.reinspections += 1
        return reinspection

    def _result(self, reinspection: _Reinspection, finding: dict[str, Any], result: str,
                new_deadline: str | None, acceptance: tuple[str | None, ...]) -> None:
        """One hazard's result (ReinspectionService.record_result), audited."""
        note = self.rng.choice(_RECTIFIED_OK if result == RECTIFIED else _RECTIFIED_BAD)
        values = (result, new_deadline, note, *acceptance)
        stamp = reinspection.follows.stamp
        reinspection.results.append([self._new_id(), reinspection.id, finding["id"], *values,
                                     stamp["created_at"], stamp["updated_at"],
                                     stamp["device_id"]])
        self._audit(reinspection.follows, "reinspection_result", finding["id"], "create",
                    new=dict(zip(("result", "new_deadline", "note", "accepted_on",
                                  "accepted_by", "acceptance_conclusion"), values, strict=True)),
                    inspection_id=reinspection.id)

    def _close(self, reinspection: _Reinspection, finding: dict[str, Any], day: date) -> None:
        """Rectified at re-inspection: closed (销号); a major hazard only on its complete
        governance plan and a recorded acceptance (评估/验收)."""
        accepted: dict[str, Any] = {}
        if finding["grade"] == Grade.MAJOR.value:
            require_plan(_finding(finding))
            acceptance = Acceptance.parse(day.isoformat(), "复查组",
                                          "整改措施落实到位，经评估验收合格，同意销号", today=day)
            accepted = {"accepted_on": acceptance.accepted_on,
                        "accepted_by": acceptance.accepted_by,
                        "acceptance_conclusion": acceptance.acceptance_conclusion}
        self._result(reinspection, finding, RECTIFIED, None,
                     (accepted.get("accepted_on"), accepted.get("accepted_by"),
                      accepted.get("acceptance_conclusion")))
        self._set_status(reinspection.follows, finding, FindingStatus.CLOSED, {
            "reinspection_result": RECTIFIED, "reinspected_at": day.isoformat(),
            "closed_at": day.isoformat(), **accepted},
            "accepted at re-inspection {label}", reinspection)

    def _reopen(self, reinspection: _Reinspection, finding: dict[str, Any], day: date) -> None:
        """Not rectified at re-inspection: reopened with a new deadline after the day; the
        order's own deadline is signed content and stays beside it."""
        deadline = date.fromisoformat(finding.get("current_deadline") or finding["deadline"])
        new_deadline = (max(deadline, day) + timedelta(days=15)).isoformat()
        self._result(reinspection, finding, NOT_RECTIFIED, new_deadline, (None, None, None))
        self._set_status(reinspection.follows, finding, FindingStatus.REOPENED, {
            "reinspection_result": NOT_RECTIFIED, "reinspected_at": day.isoformat(),
            "current_deadline": new_deadline},
            "not accepted at re-inspection {label}", reinspection)

    def _governance_plan(self, visit: _Visit, finding: dict[str, Any]) -> None:
        """The company's governance plan (治理方案) of a major hazard it works on
        (ReinspectionService.set_plan): audited per element."""
        for name in PLAN_COLUMNS:
            value = _DEMO_PLAN[name]
            if finding.get(name) != value:
                self._audit(visit, "finding", finding["id"], "update", field=name,
                            old=finding.get(name), new=value, reason="governance plan")
                finding[name] = value

    def _set_status(self, visit: _Visit, finding: dict[str, Any], status: FindingStatus,
                    extra: dict[str, Any], reason: str,
                    reinspection: _Reinspection | None = None) -> None:
        """A hazard's move (ReinspectionService._set_status): checked, each changed field
        audited; a re-inspection's reason names its number once it has one."""
        check_finding_transition(FindingStatus(finding["status"]), status)
        for name, value in {"status": status.value, **extra}.items():
            old = finding.get(name)
            if old == value:
                continue
            entry = self._audit(visit, "finding", finding["id"], "update", field=name, old=old,
                                new=value, reason=reason)
            if reinspection is not None:
                reinspection.reasons.append((entry, reason))
            finding[name] = value

    # -- photos and signatures ------------------------------------------------------------------
    def _photos(self, visit: _Visit, count: int, *, item_id: str | None = None,
                finding_id: str | None = None) -> int:
        """Photos of the visit, each a file of the demo's pool of pictures; a file is kept once
        (by its content), as the photo service keeps every original."""
        for _ in range(count):
            taken = {p["sha256"] for p in visit.photo_rows
                     if (p["item_id"], p["finding_id"]) == (item_id, finding_id)}
            index = self.rng.randrange(PHOTO_POOL)
            while True:  # the same file twice for one item is one photo, not two
                while index >= len(self._pool):
                    self._pool.append(self._keep_pool_photo(len(self._pool)))
                if self._pool[index]["sha256"] not in taken:
                    break
                index += 1
            name = f"IMG_{self.rng.randint(1000, 9999)}.jpg"
            row = {"id": self._new_id(), **self._pool[index], "inspection_id": visit.id,
                   "item_id": item_id, "finding_id": finding_id, "tag": PhotoTag.BEFORE.value,
                   "original_name": name, "annotations": "[]", **visit.stamp}
            visit.photo_rows.append(row)
            self._audit(visit, "photo", row["id"], "create",
                        new={"file": name, "sha256": row["sha256"], "item": item_id,
                             "hazard": finding_id, "tag": row["tag"]})
        self.summary.photos += count
        return count

    def _keep_pool_photo(self, n: int) -> dict[str, Any]:
        import tempfile

        data = demo_photo(random.Random(self.seed * 1000 + n))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"DEMO_{n}.jpg"
            path.write_bytes(data)
            return self.photos.keep_file(path)

    def _sign_all(self, visit: _Visit) -> None:
        """Every handwritten signature the record needs before it is locked, given on site
        when the (back-dated) inspection ended, on the record's content as it stands."""
        company = visit.company
        company_signer = company.contact_name or company.legal_rep or "现场负责人"
        signers: list[tuple[SignerRole, str, Inspector | None]] = []
        for item in visit.signature_items:
            role = SignerRole(item.role or "inspector")
            if role is SignerRole.INSPECTOR:
                signers.append((role, visit.team[0].name, visit.team[0]))
            else:
                signers.append((role, company_signer, None))
        signers += [(SignerRole.INSPECTOR, i.name, i) for i in visit.team]
        signers.append((SignerRole.COMPANY, company_signer, None))
        visit.signed = self._signed_content(visit)
        signed_at = datetime.fromisoformat(visit.row["ended_at"]).astimezone(UTC).strftime(
            "%Y-%m-%dT%H:%M:%S.000Z")
        given: set[tuple[SignerRole, str]] = set()
        for role, name, inspector in signers:
            who = inspector.id if inspector else name
            if (role, who) in given or (role is SignerRole.COMPANY and any(
                    r is role for r, _ in given)):
                continue  # signed already: the service refuses a second signature
            given.add((role, who))
            strokes, png = self.rng.choice(self._hands)
            name = clean_name(name)
            id_number = inspector.enforcement_id if inspector else None
            row = {"id": self._new_id(), "inspection_id": visit.id, "role": role.value,
                   "signer_name": name, "signer_id_number": id_number,
                   "inspector_id": inspector.id if inspector else None,
                   "strokes": strokes, "png": png, "refused": 0, "signed_at": signed_at,
                   "record_fingerprint": None, **visit.stamp}
            visit.signature_rows.append(row)
            self._audit(visit, "signature", row["id"], "create",
                        new={"role": role.value, "signer": name, "id_number": id_number,
                             "refused": False})

    def _sign_reinspection(self, reinspection: _Reinspection) -> None:
        """Every signature a re-inspection needs before it is completed (ReinspectionService
        .complete): each inspector of its team and the company's person, when it ended. Their
        fingerprint is taken once it has its number (``_number_reinspection``)."""
        visit = reinspection.follows
        company = visit.company
        signed_at = datetime.fromisoformat(reinspection.row["ended_at"]).astimezone(
            UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        signers: list[tuple[SignerRole, str, Inspector | None]] = [
            (SignerRole.INSPECTOR, i.name, i) for i in reinspection.team]
        signers.append((SignerRole.COMPANY,
                        company.contact_name or company.legal_rep or "现场负责人", None))
        for n, (role, name, inspector) in enumerate(signers):
            # Not drawn from the demo's random stream: the districts a seed made stay the same.
            strokes, png = self._hands[(self.summary.reinspections + n) % len(self._hands)]
            name = clean_name(name)
            id_number = inspector.enforcement_id if inspector else None
            row = {"id": self._new_id(), "inspection_id": reinspection.id, "role": role.value,
                   "signer_name": name, "signer_id_number": id_number,
                   "inspector_id": inspector.id if inspector else None,
                   "strokes": strokes, "png": png, "refused": 0, "signed_at": signed_at,
                   "record_fingerprint": None, **visit.stamp}
            reinspection.signature_rows.append(row)
            self._audit(visit, "signature", row["id"], "create",
                        new={"role": role.value, "signer": name, "id_number": id_number,
                             "refused": False}, inspection_id=reinspection.id)

    def _handwritings(self) -> list[tuple[str, bytes]]:
        """The demo's signatures (strokes as stored, PNG), drawn once and checked as the
        signature service checks every signature it is given."""
        hands = random.Random(self.seed)
        kept = []
        for _ in range(HANDWRITINGS):
            strokes, png = demo_signature(hands)
            clean = normalise_strokes(strokes)
            if signature_problem(clean, *DEMO_PAD) is not None:
                raise ValidationError(TOO_SHORT)
            check_png(png)
            kept.append((strokes_to_json(clean, DEMO_PAD), png))
        return kept


@dataclass
class _Source:
    """A library template as an inspection is started with it."""

    key: str
    template: Template
    template_id: str
    version: str
    content_hash: str
    definition: str


@dataclass
class _Visit:
    """One inspection while it is built: its rows, before the batch writes them."""

    id: str
    company: Company
    source: _Source
    sections: list[Section]
    team: list[Inspector]
    kind: Kind
    stamp: dict[str, str]
    row: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    answer_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    finding_rows: list[dict[str, Any]] = field(default_factory=list)
    photo_rows: list[dict[str, Any]] = field(default_factory=list)
    signature_rows: list[dict[str, Any]] = field(default_factory=list)
    signature_items: list[Item] = field(default_factory=list)
    lock: dict[str, Any] = field(default_factory=dict)
    status: Status = Status.DRAFT
    created: dict[str, Any] = field(default_factory=dict)        # its creation, as audited
    created_entry: list[Any] = field(default_factory=list)       # that audit row
    signed: RecordData | None = None                             # the content signed
    order: dict[str, Any] = field(default_factory=dict)          # its order to rectify
    order_entry: list[Any] = field(default_factory=list)         # that order's audit row
    followups: list[_Reinspection] = field(default_factory=list)  # its re-inspections

    @property
    def issued(self) -> list[dict[str, Any]]:
        """Its hazards, once an order was issued for them (completed or signed)."""
        return self.finding_rows if self.status is not Status.DRAFT else []

    @property
    def at(self) -> str:
        return self.stamp["created_at"]


@dataclass
class _Reinspection:
    """A re-inspection (复查) of a visit's hazards while it is built: completed at once."""

    id: str
    follows: _Visit
    team: list[Inspector]
    row: dict[str, Any]
    created_entry: list[Any]                                     # its creation's audit row
    results: list[list[Any]] = field(default_factory=list)       # reinspection_results rows
    # Audit rows of the hazards' changes, with the reason to word once the number is known.
    reasons: list[tuple[list[Any], str]] = field(default_factory=list)
    signature_rows: list[dict[str, Any]] = field(default_factory=list)


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def _finding(row: dict[str, Any]) -> Finding:
    values = {name: row.get(name) for name in _FINDING_FIELDS}
    values.update(grade=Grade(row["grade"]), status=FindingStatus(row["status"]))
    return Finding(**values)


DEMO_PAD = DEFAULT_PAD_SIZE


def demo_signature(rng: random.Random) -> tuple[list[list[tuple[float, float, int, float]]], bytes]:
    """A handwriting-like set of strokes and the PNG the pad would make of them."""
    from PIL import Image, ImageDraw

    strokes = []
    x = 40.0
    for _ in range(rng.randint(2, 4)):
        points = []
        for n in range(rng.randint(8, 14)):
            x += rng.uniform(6, 14)
            points.append((x, 100 + rng.uniform(-40, 40), n * 15, 0.5))
        strokes.append(points)
        x += 20
    # Within the pad, as a real pad keeps every point: four long strokes would run past its
    # right edge, and the window showed the signature cut off there.
    widest = max(p[0] for stroke in strokes for p in stroke)
    if widest > DEMO_PAD[0] - 40:
        squeeze = (DEMO_PAD[0] - 40) / widest
        strokes = [[(px * squeeze, py, t, pr) for px, py, t, pr in stroke] for stroke in strokes]
    image = Image.new("RGB", (int(DEMO_PAD[0]), int(DEMO_PAD[1])), "white")
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        draw.line([(p[0], p[1]) for p in stroke], fill="black", width=4, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return strokes, buffer.getvalue()


def demo_photo(rng: random.Random) -> bytes:
    """A small JPEG of coloured shapes, different for every ``rng``."""
    from PIL import Image, ImageDraw

    width, height = 320, 240
    image = Image.new("RGB", (width, height), tuple(rng.randint(90, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randint(0, width - 40), rng.randint(0, height - 40)
        box = (x, y, x + rng.randint(20, 140), y + rng.randint(20, 100))
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        (draw.rectangle if rng.random() < 0.5 else draw.ellipse)(box, fill=colour)
    draw.text((8, height - 18), f"DEMO {rng.randint(1000, 9999)}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def enrolled_laptop(db: Database, device: Device) -> bool:
    """Does this computer hold an identity an office issued, and no organisation key of its
    own? Then what only the office may send (units, campaigns, deadlines) is the office's."""
    pki = PkiService(db, device)
    if pki.org() is not None:
        return False
    identity = pki.identity()
    return identity is not None and not identity[0].self_signed


def build_demo(db: Database, device: Device, photos_dir: Path, *, companies: int,
               inspections: int, photos_per_inspection: int = 0, seed: int | None = None,
               today: date | None = None,
               progress: Progress | None = None) -> DemoSummary:
    """Add ``companies`` companies and ``inspections`` inspections of them to the database."""
    return DemoBuilder(db, device, photos_dir, seed=seed, today=today).build(
        companies, inspections, photos_per_inspection, progress)
