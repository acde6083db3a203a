import io
import json

import pytest
from PIL import Image, ImageDraw

from inspector_app.domain.inspection import Kind
from inspector_app.domain.profile import Profile
from inspector_app.domain.signature import (
    SignerRole,
    is_meaningful,
    missing_signers,
    normalise_strokes,
    signature_problem,
    strokes_from_json,
)
from inspector_app.errors import LockedRecordError, ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.signatures import SignatureService, check_png
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests.factories import add_company, add_template

PAD = (560.0, 200.0)


def wave(x0=60, x1=420, y=120, amplitude=25, step=10):
    """A signature-like stroke: a wave across most of the pad."""
    return [[(x, y + (amplitude if (x // step) % 2 else -amplitude), i * 12, 0.5)
             for i, x in enumerate(range(x0, x1, step))]]


def png_bytes(ink=True, size=(600, 160), mode="RGB"):
    image = Image.new(mode, size, "white" if mode == "RGB" else (0, 0, 0, 0))
    if ink:
        ImageDraw.Draw(image).line([(20, 80), (200, 40), (380, 120), (580, 60)],
                                   fill="black", width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def svc(ctx):
    ProfileRepo(ctx.db, ctx.device).save(
        Profile("张伟", "3205001", "泉台区应急管理局", "QT01", "泉台"))
    return SignatureService(ctx.db, ctx.device, actor="张伟")


@pytest.fixture
def team(ctx, svc):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    return [repo.add("张伟", "3205001", "泉台区应急管理局"),
            repo.add("李娜", "3205002", "泉台区应急管理局")]


@pytest.fixture
def inspections(ctx, team):
    return InspectionService(ctx.db, ctx.device, actor="张伟")


@pytest.fixture
def inspection(ctx, inspections, team):
    key = add_template(ctx.db)
    company = add_company(ctx.db)
    return inspections.start(company_id=company, template_key=key, kind=Kind.OFFICIAL,
                             inspector_ids=[t.id for t in team],
                             started_at="2026-11-28T09:00+08:00")


# -- the domain rule ----------------------------------------------------------------------------

def test_empty_dot_flick_and_scribble_are_no_signature():
    assert signature_problem([], *PAD) == "empty"
    assert signature_problem([[(100, 100, 0, 0.5)]], *PAD) == "empty"  # a tap
    assert signature_problem([[(100, 100, 0, 0.5), (100, 100, 8, 0.5)]], *PAD) == "empty"
    assert signature_problem([[(100, 100, 0, 0.5), (130, 100, 8, 0.5)]], *PAD) == "too short"
    # Much ink, all of it in one small spot: a scribble, not a signature.
    scribble = [[(100 + (i % 2) * 20, 100 + (i % 3) * 5, i, 0.5) for i in range(40)]]
    assert signature_problem(scribble, *PAD) == "too small"
    assert is_meaningful(wave(), *PAD)
    # A short-but-real signature: wide enough across, though flat.
    assert is_meaningful([[(100, 120, 0, 0.5), (170, 118, 5, 0.5), (230, 121, 9, 0.5)]], *PAD)


def test_strokes_are_normalised_and_round_trip_with_the_pad_size():
    assert normalise_strokes([[[1, 2], [3, 4, 10]]]) == [[(1.0, 2.0, 0, 0.5),
                                                          (3.0, 4.0, 10, 0.5)]]
    with pytest.raises(ValidationError, match="not valid"):
        normalise_strokes([[["x", 2]]])
    with pytest.raises(ValidationError, match="not valid"):
        normalise_strokes([[[1]]])
    # Demo data stores bare lists of [x, y]: still readable.
    strokes, pad = strokes_from_json(json.dumps([[[1, 2], [5, 6]]]))
    assert strokes == [[(1.0, 2.0, 0, 0.5), (5.0, 6.0, 0, 0.5)]] and pad == (560.0, 200.0)


def test_png_must_decode_and_carry_ink():
    assert check_png(png_bytes()) == (600, 160)
    assert check_png(png_bytes(mode="RGBA")) == (600, 160)  # transparent paper, black ink
    with pytest.raises(ValidationError, match="blank"):
        check_png(png_bytes(ink=False))
    with pytest.raises(ValidationError, match="blank"):
        check_png(png_bytes(ink=False, mode="RGBA"))
    with pytest.raises(ValidationError, match="cannot be read"):
        check_png(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(ValidationError, match="empty"):
        check_png(b"")


# -- the service --------------------------------------------------------------------------------

def test_two_inspectors_and_the_company_sign(ctx, svc, team, inspection):
    missing = svc.missing_signatures(inspection)
    assert missing == ["inspector 张伟 (3205001)", "inspector 李娜 (3205002)",
                       "the company's person in charge (or their refusal and a witness)"]
    first = svc.add(inspection, "inspector", "张伟", wave(), png_bytes(), inspector_id=team[0].id,
                    pad_size=PAD)
    assert first.role is SignerRole.INSPECTOR
    assert first.signer_id_number == "3205001"  # taken from the inspector
    assert first.signed_at.endswith("Z")  # UTC
    assert first.pad_size == PAD and first.strokes == normalise_strokes(wave())
    svc.add(inspection, SignerRole.INSPECTOR, "李娜", wave(), png_bytes(),
            inspector_id=team[1].id, pad_size=PAD)
    assert svc.missing_signatures(inspection) == [
        "the company's person in charge (or their refusal and a witness)"]
    svc.add(inspection, "company", "王厂长", wave(), png_bytes(), pad_size=PAD)
    assert svc.missing_signatures(inspection) == []
    assert [(s.role.value, s.signer_name) for s in svc.list(inspection)] == [
        ("inspector", "张伟"), ("inspector", "李娜"), ("company", "王厂长")]
    audit = [(e.entity, e.action) for e in InspectionService(ctx.db, ctx.device).history(
        inspection) if e.entity == "signature"]
    assert audit == [("signature", "create")] * 3
    # The inspection's own signature items count them (InspectionService.missing).
    assert InspectionService(ctx.db, ctx.device).repo.signature_count(inspection, "company") == 1


def test_a_dot_or_a_blank_image_is_refused_and_nothing_is_stored(svc, team, inspection):
    with pytest.raises(ValidationError, match="too short or empty"):
        svc.add(inspection, "company", "王厂长", [[(50, 50, 0, 0.5)]], png_bytes(), pad_size=PAD)
    with pytest.raises(ValidationError, match="blank"):
        svc.add(inspection, "company", "王厂长", wave(), png_bytes(ink=False), pad_size=PAD)
    with pytest.raises(ValidationError, match="Enter the signer's name"):
        svc.add(inspection, "company", "  ", wave(), png_bytes(), pad_size=PAD)
    assert svc.list(inspection) == []


def test_who_may_sign_as_what(svc, team, inspection, ctx):
    outsider = InspectorRepo(ctx.db, ctx.device.id).add("王芳", "3205009", "泉台区应急管理局")
    with pytest.raises(ValidationError, match="Only an inspector of this inspection"):
        svc.add(inspection, "inspector", "王芳", wave(), png_bytes(), inspector_id=outsider.id)
    with pytest.raises(ValidationError, match="not a signer role"):
        svc.add(inspection, "boss", "王芳", wave(), png_bytes())
    svc.add(inspection, "inspector", "张伟", wave(), png_bytes(), inspector_id=team[0].id)
    with pytest.raises(ValidationError, match="already signed"):
        svc.add(inspection, "inspector", "张伟", wave(), png_bytes(), inspector_id=team[0].id)
    svc.add(inspection, "company", "王厂长", wave(), png_bytes())
    with pytest.raises(ValidationError, match="already signed or refused"):
        svc.add(inspection, "company", "王厂长", wave(), png_bytes())


def test_refusal_with_a_witness(ctx, svc, team, inspection):
    for person in team:
        svc.add(inspection, "inspector", person.name, wave(), png_bytes(),
                inspector_id=person.id)
    with pytest.raises(ValidationError, match="someone other"):
        svc.record_refusal(inspection, "王厂长", "王厂长", wave(), png_bytes())
    # Which name is wrong, in the reader's language (the field was an English parameter).
    with pytest.raises(ValidationError) as refused:
        svc.record_refusal(inspection, "王厂长", "赵" * 61, wave(), png_bytes())
    assert refused.value.localized("zh_CN").startswith("见证人姓名超过 60 个字符")
    assert refused.value.localized("en").startswith("The witness's name is longer than 60")
    with pytest.raises(ValidationError) as refused:
        svc.record_refusal(inspection, " ", "赵村长", wave(), png_bytes())
    assert refused.value.localized("zh_CN") == "请填写企业人员姓名。"
    with pytest.raises(ValidationError, match="too short"):
        svc.record_refusal(inspection, "王厂长", "赵村长", [[(1, 1, 0, 0.5)]], png_bytes())
    assert svc.list(inspection)[-1].role is SignerRole.INSPECTOR  # nothing half-written
    refusal, witness = svc.record_refusal(inspection, "王厂长", "赵村长", wave(), png_bytes(),
                                          pad_size=PAD)
    assert (refusal.role, refusal.refused, refusal.png, refusal.strokes) == (
        SignerRole.COMPANY, True, None, [])
    assert refusal.is_refusal and refusal.signer_name == "王厂长"
    assert (witness.role, witness.refused, witness.signer_name) == (
        SignerRole.WITNESS, False, "赵村长")
    assert witness.png and witness.strokes
    assert svc.missing_signatures(inspection) == []
    with pytest.raises(ValidationError, match="already signed or refused"):
        svc.add(inspection, "company", "王厂长", wave(), png_bytes())
    # Without the witness the refusal alone is not enough.
    svc.remove(witness.id, "witness signed in the wrong place")
    assert svc.missing_signatures(inspection) == ["a witness to the company's refusal to sign"]
    actions = [e.action for e in InspectionService(ctx.db, ctx.device).history(inspection)
               if e.entity == "signature"]
    assert actions == ["create", "create", "refuse", "create", "delete"]


def test_self_inspection_needs_one_inspector_and_the_company(ctx, svc, team, inspections):
    key = add_template(ctx.db)
    company = add_company(ctx.db, name="东山五金商店", industry="commerce")
    own = inspections.start(company_id=company, template_key=key, kind="self",
                            inspector_ids=[t.id for t in team])
    assert svc.missing_signatures(own) == [
        "at least one inspector",
        "the company's person in charge (or their refusal and a witness)"]
    svc.add(own, "inspector", "李娜", wave(), png_bytes(), inspector_id=team[1].id)
    svc.add(own, "company", "店主", wave(), png_bytes())
    assert svc.missing_signatures(own) == []


def test_signatures_are_refused_on_a_locked_inspection(ctx, svc, team, inspection, inspections):
    for item, value in (("a1", "compliant"), ("a2", "compliant"), ("dust", False), ("n1", 3),
                        ("t1", "not_applicable")):
        inspections.set_answer(inspection, item, value)
    assert inspections.complete(inspection) == []
    # Completed, not locked: still signable, and locked only once everyone signed.
    signed = svc.add(inspection, "inspector", "张伟", wave(), png_bytes(),
                     inspector_id=team[0].id)
    svc.add(inspection, "inspector", "李娜", wave(), png_bytes(), inspector_id=team[1].id)
    with pytest.raises(ValidationError, match="Signatures are still missing: the company's"):
        inspections.lock(inspection)
    svc.add(inspection, "company", "王经理", wave(), png_bytes())
    inspections.lock(inspection)
    with pytest.raises(LockedRecordError, match="signed and locked"):
        svc.add(inspection, "company", "王厂长", wave(), png_bytes())
    with pytest.raises(LockedRecordError):
        svc.record_refusal(inspection, "王厂长", "赵村长", wave(), png_bytes())
    with pytest.raises(LockedRecordError):
        svc.remove(signed.id, "changed my mind")
    assert len(svc.list(inspection)) == 3


def test_remove_needs_a_reason(svc, team, inspection):
    signed = svc.add(inspection, "company", "王厂长", wave(), png_bytes())
    with pytest.raises(ValidationError, match="Say why"):
        svc.remove(signed.id, " ")
    svc.remove(signed.id, "wrong person signed")
    assert svc.list(inspection) == []


def test_missing_signers_rule_for_a_reinspection_needs_every_inspector(team):
    missing = missing_signers(Kind.REINSPECTION, team, [])
    assert [m.what for m in missing] == ["inspector", "inspector", "company"]
