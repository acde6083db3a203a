"""Inspections with photos, hazards and signatures for the document tests and benchmarks, built
through the real services."""

from __future__ import annotations

import io
import math
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from sqlite_utils import Database

from inspector_app.domain.inspection import Kind
from inspector_app.domain.photo import Shape, ShapeKind
from inspector_app.domain.profile import Profile
from inspector_app.domain.records import new_id, record_stamp
from inspector_app.domain.signature import strokes_to_json
from inspector_app.services.context import AppContext
from inspector_app.services.documents import DocumentService
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PhotoService
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import SMALL_TEMPLATE, add_company, add_template, own_device

COMPANY = "泉台纺织有限公司"
ITEM_TEXTS = (
    "安全出口、疏散通道畅通，未被占用、堵塞或者封闭",
    "特种作业人员按照国家有关规定经专门的安全作业培训，取得相应资格后上岗作业",
    "配电箱、开关箱门完好，箱内无杂物，接地可靠",
    "可燃性粉尘作业场所按规定设置除尘系统，并定期清扫积尘",
    "灭火器配置数量和类型符合要求，压力正常，在有效期内",
    "有限空间作业前进行辨识，设置明显的安全警示标志",
)


@dataclass
class Built:
    inspection_id: str
    team: list[str]
    company_id: str


def services(ctx: AppContext) -> tuple[InspectionService, PhotoService, DocumentService]:
    return (InspectionService(ctx.db, ctx.device, "张伟"),
            PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟"),
            DocumentService(ctx.db, ctx.data_dir, ctx.device, "张伟"))


def set_up_profile(ctx: AppContext) -> list[str]:
    if not ProfileRepo(ctx.db, ctx.device).is_set_up():
        ProfileRepo(ctx.db, ctx.device).save(
            Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台",
                    review_government="泉台区", review_department="泉州市应急管理局",
                    review_court="泉台区人民法院"))
    repo = InspectorRepo(ctx.db, ctx.device.id)
    by_name = {i.name: i.id for i in repo.all()}
    if "李娜" not in by_name:
        by_name["李娜"] = repo.add("李娜", "3205002", "泉台区应急管理局").id
    return [by_name["张伟"], by_name["李娜"]]


def jpeg(path: Path, size: tuple[int, int] = (640, 480), seed: int = 0,
         orientation: int | None = None, quality: int = 85) -> Path:
    """A photo-like JPEG with an arrow pointing at the top of the scene ("up"). With an EXIF
    ``orientation`` the pixels are stored turned, as a camera held sideways stores them, so only
    a program that applies the orientation shows the arrow pointing up."""
    rng = random.Random(seed)
    w, h = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(60, 200), rng.randrange(60, 200),
                                   rng.randrange(60, 200)))
    image = Image.blend(image, tint, 0.6)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randrange(max(2, min(w, h) // 20), max(3, min(w, h) // 6))
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(255, 255, 255), width=max(1, w // 200))
    # An arrow pointing up: upright photos show it pointing to the top of the page.
    cx, s = w // 2, min(w, h) // 4
    draw.polygon([(cx, h // 2 - s), (cx - s // 2, h // 2), (cx + s // 2, h // 2)], fill="black")
    draw.rectangle((cx - s // 6, h // 2, cx + s // 6, h // 2 + s), fill="black")
    exif = Image.Exif()
    exif[306] = "2026:11:28 09:12:00"
    if orientation:
        exif[274] = orientation
        # The inverse of what Pillow's exif_transpose applies for this orientation.
        stored = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
                  8: Image.Transpose.ROTATE_270}
        image = image.transpose(stored[orientation])
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def _scribble(seed: int, size: tuple[int, int]) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    w, h = size
    return [(40 + i * (w - 80) / 60,
             h / 2 + math.sin(i / 3 + seed) * h / 4 + rng.uniform(-8, 8)) for i in range(61)]


def signature_png(seed: int = 0, size: tuple[int, int] = (600, 200)) -> bytes:
    """A scribble on a transparent background, as the signature pad saves it."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line(_scribble(seed, size), fill=(10, 20, 120, 255), width=6, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def signature_strokes(seed: int = 0, size: tuple[int, int] = (600, 200)) -> str:
    """The strokes of ``signature_png``'s scribble, stored as the pad stores them."""
    stroke = [(x, y, i * 15, 0.5) for i, (x, y) in enumerate(_scribble(seed, size))]
    return strokes_to_json([stroke], (float(size[0]), float(size[1])))


def add_signature(db: Database, inspection_id: str, role: str, name: str, *,
                  inspector_id: str | None = None, id_number: str | None = None,
                  refused: bool = False, seed: int = 0) -> str:
    signature_id = new_id()
    with db.atomic():
        db["signatures"].insert({
            "id": signature_id, "inspection_id": inspection_id, "role": role,
            "signer_name": name, "signer_id_number": id_number, "inspector_id": inspector_id,
            "strokes": None if refused else signature_strokes(seed),
            "png": None if refused else signature_png(seed),
            "refused": int(refused), "signed_at": "2026-11-28T03:30:00.000Z",
            **record_stamp(own_device(db))})
    return signature_id


def sign_missing(ctx: AppContext, inspection_id: str) -> None:
    """Everyone who still has to sign the record signs it now (as in the Signatures dialog):
    each inspector named, one for "any inspector", the company's person, a witness."""
    from inspector_app.services.signatures import SignatureService

    service = SignatureService(ctx.db, ctx.device)
    for seed, required in enumerate(service.missing_signers(inspection_id), start=1):
        fingerprint = service.fingerprint(inspection_id)
        if required.what in ("inspector", "any_inspector"):
            inspector = required.inspector or service.team(inspection_id)[0]
            signature_id = add_signature(ctx.db, inspection_id, "inspector", inspector.name,
                                         inspector_id=inspector.id, seed=seed)
        elif required.what == "company":
            signature_id = add_signature(ctx.db, inspection_id, "company", "赵厂长", seed=seed)
        else:
            signature_id = add_signature(ctx.db, inspection_id, "witness", "陈立", seed=seed)
        with ctx.db.atomic():
            ctx.db["signatures"].update(signature_id, {"record_fingerprint": fingerprint})


def big_template(items: int = 200, sections: int = 8) -> dict[str, Any]:
    per = math.ceil(items / sections)
    out = []
    n = 0
    for s in range(sections):
        section_items = []
        for _ in range(per):
            if n >= items:
                break
            n += 1
            text = ITEM_TEXTS[n % len(ITEM_TEXTS)]
            section_items.append({
                "id": f"i{n}", "type": "check", "grade": "major" if n % 9 == 0 else "general",
                "text": {"zh": f"{text}（第{n}条）", "en": f"Requirement {n}: keep it safe"},
                "legal_basis": {"zh": f"第{n}条", "en": f"Art. {n}"}})
        out.append({"id": f"s{s + 1}", "title": {"zh": f"第{s + 1}部分 安全管理",
                                                  "en": f"Part {s + 1}: safety management"},
                    "items": section_items})
    return {"format": "inspector-template/1", "id": f"big-{items}", "version": "1",
            "title": {"zh": "大型检查表", "en": "Large checklist"}, "sections": out}


def official_inspection(ctx: AppContext, *, template: dict[str, Any] | None = None,
                        hazards: bool = True) -> Built:
    """The small test checklist, answered: one major hazard (a2) when ``hazards``."""
    team = set_up_profile(ctx)
    insp, _, _ = services(ctx)
    definition = template or SMALL_TEMPLATE
    key = f"{definition['id']}@{definition['version']}"
    if not ctx.db.execute("SELECT 1 FROM templates WHERE key = ?", [key]).fetchone():
        add_template(ctx.db, definition)
    company = add_company(ctx.db, name=COMPANY)
    with ctx.db.atomic():
        ctx.db["companies"].update(company, {"legal_rep": "王建国", "legal_rep_position": "厂长",
                                             "contact_name": "赵敏",
                                             "contact_phone": "0595-22881234"})
    inspection_id = insp.start(company_id=company, template_key=key, kind=Kind.OFFICIAL,
                               inspector_ids=team, place="一号车间及仓库",
                               started_at="2026-11-28T09:00+08:00")
    if template is None:
        insp.set_answer(inspection_id, "a1", "compliant")
        insp.set_answer(inspection_id, "a2", "non_compliant" if hazards else "compliant")
        insp.set_answer(inspection_id, "dust", False)
        insp.set_answer(inspection_id, "n1", 4)
        insp.set_answer(inspection_id, "t1", "not_applicable")
        insp.set_note(inspection_id, "a1", "东侧出口已清理")
        if hazards:
            finding = insp.get(inspection_id).finding_for_item("a2")
            insp.update_finding(finding.id, requirement="立即停止无证人员作业，组织培训取证",
                                responsible="车间主任")
            insp.add_finding(inspection_id, description="二号仓库配电箱门缺失", grade="general",
                             requirement="更换配电箱门并上锁", deadline="2026-12-13",
                             legal_basis="《用电安全导则》")
    return Built(inspection_id, team, company)


def answer_big(ctx: AppContext, inspection_id: str, items: int) -> None:
    """Mostly compliant, every 7th not applicable, every 20th non-compliant with a hazard."""
    insp, _, _ = services(ctx)
    for n in range(1, items + 1):
        value = ("non_compliant" if n % 20 == 0 else
                 "not_applicable" if n % 7 == 0 else "compliant")
        finding = insp.set_answer(inspection_id, f"i{n}", value, audit=False)
        if finding is not None:
            insp.update_finding(finding.id, requirement=f"按标准第{n}条整改", audit=False)
        if n % 15 == 0:
            insp.set_note(inspection_id, f"i{n}", "已当场指出，负责人表示立即整改", audit=False)


def add_photos(ctx: AppContext, inspection_id: str, folder: Path, count: int, *,
               size: tuple[int, int] = (640, 480), finding_id: str | None = None,
               item_id: str | None = None, tag: str = "before", seed: int = 0,
               files: list[Path] | None = None) -> list[str]:
    _, photos, _ = services(ctx)
    folder.mkdir(parents=True, exist_ok=True)
    paths = files or [jpeg(folder / f"IMG_{seed + i:04d}.jpg", size, seed + i)
                      for i in range(count)]
    results = photos.add_files(inspection_id, paths, finding_id=finding_id, item_id=item_id,
                               tag=tag)
    assert all(r.status in ("added", "present") for r in results), [r.line() for r in results]
    return [r.photo_id for r in results]


def annotate(ctx: AppContext, photo_id: str) -> None:
    _, photos, _ = services(ctx)
    photos.set_annotations(photo_id, [
        Shape(ShapeKind.RECT, 0.1, 0.1, 0.45, 0.5),
        Shape(ShapeKind.TEXT, 0.5, 0.65, 0.9, 0.75, text="积尘"),
    ])


def sign_all(ctx: AppContext, built: Built, *, refused: bool = False) -> None:
    add_signature(ctx.db, built.inspection_id, "inspector", "张伟", inspector_id=built.team[0],
                  id_number="3205001", seed=1)
    add_signature(ctx.db, built.inspection_id, "inspector", "李娜", inspector_id=built.team[1],
                  id_number="3205002", seed=2)
    if refused:
        add_signature(ctx.db, built.inspection_id, "company", "赵敏", refused=True)
        add_signature(ctx.db, built.inspection_id, "witness", "陈立", seed=4)
    else:
        add_signature(ctx.db, built.inspection_id, "company", "赵敏", seed=3)


def reinspection(ctx: AppContext, followed: Built, results: dict[int, str], *,
                 status: str = "completed") -> str:
    """A re-inspection of ``followed``: ``results`` maps hazard seq → rectified/not_rectified;
    completed (its opinion is issued) unless ``status`` says draft."""
    insp, _, _ = services(ctx)
    row = ctx.db.execute("SELECT template_key FROM inspections WHERE id = ?",
                         [followed.inspection_id]).fetchone()
    new = insp.start(company_id=followed.company_id, template_key=row[0],
                     kind=Kind.REINSPECTION, inspector_ids=followed.team, place="一号车间",
                     started_at="2026-12-10T14:00+08:00")
    findings = {f.seq: f for f in insp.get(followed.inspection_id).findings}
    with ctx.db.atomic():
        # As services.reinspection starts one: no checklist of its own, the hazards to re-check.
        ctx.db["inspections"].update(new, {"follows_inspection_id": followed.inspection_id,
                                           "section_ids": "[]", "status": status})
        for seq, result in results.items():
            ctx.db["reinspection_results"].insert({
                "id": new_id(), "reinspection_id": new, "finding_id": findings[seq].id,
                "result": result,
                "new_deadline": "2026-12-25" if result == "not_rectified" else None,
                "note": "已更换配电箱门" if result == "rectified" else "仍有无证人员作业",
                **record_stamp(own_device(ctx.db))})
    return new


def pdf_text(path: Path) -> str:
    """The text a reader copies out of a PDF, in reading order (poppler's pdftotext)."""
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
