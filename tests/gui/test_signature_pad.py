"""Signing on the pad with a mouse, a pen and a finger; the signatures dialog end to end."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from inspector_app.domain.signature import SignerRole
from inspector_app.errors import ValidationError
from inspector_app.services.inspections import InspectionService
from inspector_app.services.signatures import SignatureService
from inspector_app.storage.repositories import InspectorRepo
from inspector_app.ui.dialogs.signatures_dialog import SignaturesDialog
from inspector_app.ui.widgets.signature_pad import SignaturePad
from tests.factories import add_company, add_template

LEFT = Qt.MouseButton.LeftButton


def draw(qtbot, pad, points):
    """One stroke through ``points`` (pad coordinates), as a mouse draws it."""
    qtbot.mousePress(pad, LEFT, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, pos=QPoint(*p))
    qtbot.mouseRelease(pad, LEFT, pos=QPoint(*points[-1]))


def sign(qtbot, pad):
    """A signature-like wave across the pad."""
    width, height = pad.width(), pad.height()
    y = height // 2
    draw(qtbot, pad, [(x, y + (20 if (x // 15) % 2 else -20))
                      for x in range(width // 8, width * 3 // 4, 15)])


def dot(qtbot, pad):
    draw(qtbot, pad, [(100, 80)])


def ink_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("L")
    return sum(image.histogram()[:128])  # clearly darker than the white paper


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    widget.resize(560, 200)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_empty_pad_and_a_dot_are_no_signature(qtbot, pad):
    assert pad.is_empty() and not pad.is_meaningful()
    with pytest.raises(ValidationError, match="too short or empty"):
        pad.to_png()
    with qtbot.waitSignal(pad.changed):
        dot(qtbot, pad)
    assert not pad.is_empty() and not pad.is_meaningful()
    with pytest.raises(ValidationError):
        pad.to_png()
    draw(qtbot, pad, [(100, 80), (108, 82), (104, 86)])  # a tiny scribble
    assert not pad.is_meaningful()


def test_a_real_stroke_exports_a_cropped_png_with_ink(qtbot, pad):
    sign(qtbot, pad)
    assert pad.is_meaningful()
    assert len(pad.strokes()) == 1
    _x, _y, t, pressure = pad.strokes()[0][-1]
    assert t >= 0 and pressure == 0.5  # a mouse has no pressure: the middle width
    png = pad.to_png()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == 600
    assert image.height < image.width  # cropped to the ink, not the whole pad
    assert ink_pixels(png) > 1000
    corner = image.convert("RGB").getpixel((0, 0))
    assert corner == (255, 255, 255)  # white margin: never black-on-transparent
    assert Image.open(io.BytesIO(pad.to_png(width=300))).width == 300


def test_undo_and_clear(qtbot, pad):
    sign(qtbot, pad)
    dot(qtbot, pad)
    assert len(pad.strokes()) == 2
    pad.undo()
    assert len(pad.strokes()) == 1 and pad.is_meaningful()
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty()
    pad.undo()  # nothing to undo: no error
    assert pad.is_empty()


def test_touch_draws_a_stroke(qtbot, pad):
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(60, 100), pad).commit()
    for x in range(80, 420, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 100 + (x % 40)), pad).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(420, 100), pad).commit()
    assert len(pad.strokes()) == 1 and pad.is_meaningful()


def test_pen_pressure_is_recorded(qtbot, pad):
    pen = QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus,
                          QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                          1, 3)

    def send(kind, x, y, pressure):
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT
        event = QTabletEvent(kind, pen, QPointF(x, y), QPointF(pad.mapToGlobal(QPoint(x, y))),
                             pressure, 0, 0, 0, 0, 0, Qt.KeyboardModifier.NoModifier, LEFT,
                             buttons)
        QApplication.sendEvent(pad, event)

    send(QEvent.Type.TabletPress, 60, 100, 0.2)
    for n, x in enumerate(range(80, 420, 20)):
        send(QEvent.Type.TabletMove, x, 100 + (x % 40), min(1.0, 0.2 + n * 0.05))
    send(QEvent.Type.TabletRelease, 420, 100, 0.9)
    pressures = [p[3] for p in pad.strokes()[0]]
    assert pressures[0] == pytest.approx(0.2) and max(pressures) > 0.9
    assert pad.is_meaningful()


# -- the dialog ---------------------------------------------------------------------------------

@pytest.fixture
def inspection(ctx, profile):
    li = InspectorRepo(ctx.db, ctx.device.id).add("李娜", "32050002", "泉台区应急管理局")
    company = add_company(ctx.db)
    ctx.db["companies"].update(company, {"contact_name": "王厂长"})
    svc = InspectionService(ctx.db, ctx.device, profile.name)
    return svc.start(company_id=company, template_key=add_template(ctx.db), kind="official",
                     inspector_ids=[profile.id, li.id], started_at="2026-11-28T09:00+08:00")


@pytest.fixture
def dialog(qtbot, ctx, inspection, languages):
    dlg = SignaturesDialog(ctx, inspection)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_two_inspectors_and_the_company_sign_in_the_dialog(qtbot, ctx, dialog, inspection,
                                                           profile):
    service = SignatureService(ctx.db, ctx.device)
    assert len(service.missing_signatures(inspection)) == 3
    # The first inspector is ready to sign; nothing to save yet.
    assert dialog.current_entry() == ("inspector", profile.id)
    assert dialog.name_edit.text() == "张伟" and dialog.name_edit.isReadOnly()
    assert dialog.id_label.text() == "32050012"
    assert not dialog.save_button.isEnabled()

    dot(qtbot, dialog.pad)
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == "The signature is too short or empty; please sign again."
    qtbot.mouseClick(dialog.clear_button, LEFT)
    assert dialog.pad.is_empty() and dialog.message.text() == ""

    sign(qtbot, dialog.pad)
    assert dialog.save_button.isEnabled() and dialog.message.text() == ""
    qtbot.mouseClick(dialog.save_button, LEFT)
    # The next one comes up by itself.
    assert dialog.current_entry()[0] == "inspector"
    assert dialog.name_edit.text() == "李娜" and dialog.pad.is_empty()
    sign(qtbot, dialog.pad)
    dot(qtbot, dialog.pad)
    qtbot.mouseClick(dialog.undo_button, LEFT)  # the stray dot goes, the signature stays
    assert len(dialog.pad.strokes()) == 1
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.current_entry() == ("company", "")
    assert dialog.name_edit.text() == "王厂长"  # from the company's contact
    assert not dialog.name_edit.isReadOnly() and dialog.refuse_button.isVisible()
    dialog.name_edit.setText("王建国")  # the person actually on site
    sign(qtbot, dialog.pad)
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert service.missing_signatures(inspection) == []
    assert dialog.status.text() == "Every required signature is collected."
    signed = service.list(inspection)
    assert [(s.role, s.signer_name) for s in signed] == [
        (SignerRole.INSPECTOR, "张伟"), (SignerRole.INSPECTOR, "李娜"),
        (SignerRole.COMPANY, "王建国")]
    assert all(ink_pixels(s.png) > 500 for s in signed)
    assert "signed" in dialog.signers.item(0).text()
    # A signer who has signed shows their signature, read-only.
    dialog.select_signer("inspector", profile.id)
    assert not dialog.pad.is_empty() and not dialog.save_button.isEnabled()
    assert dialog.remove_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.done_button, LEFT)


def test_company_refuses_and_a_witness_signs(qtbot, ctx, dialog, inspection):
    service = SignatureService(ctx.db, ctx.device)
    dialog.select_signer("company")
    qtbot.mouseClick(dialog.refuse_button, LEFT)
    assert dialog.witness_name.isVisible() and dialog.refusal_note.isVisible()
    assert dialog.save_button.text() == "Save witness signature"
    sign(qtbot, dialog.pad)
    assert not dialog.save_button.isEnabled()  # the witness has no name yet
    dialog.witness_name.insert("赵村长")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)

    rows = service.list(inspection)
    refusal = next(s for s in rows if s.role is SignerRole.COMPANY)
    witness = next(s for s in rows if s.role is SignerRole.WITNESS)
    assert refusal.refused and refusal.png is None and refusal.signer_name == "王厂长"
    assert witness.signer_name == "赵村长" and witness.png
    texts = [dialog.signers.item(r).text() for r in range(dialog.signers.count())]
    assert any("refused to sign" in t for t in texts)
    assert any(t.startswith("Witness: 赵村长") for t in texts)
    # Only the inspectors are still missing.
    assert [m.what for m in service.missing_signers(inspection)] == ["inspector", "inspector"]
    dialog.select_signer("company")
    assert "王厂长 refused to sign" in dialog.refusal_note.text()
    assert "赵村长" in dialog.refusal_note.text()


def test_an_optional_witness_and_removing_a_signature(qtbot, ctx, dialog, inspection,
                                                      monkeypatch):
    service = SignatureService(ctx.db, ctx.device)
    dialog.select_signer("new_witness")
    assert dialog.name_edit.text() == "" and not dialog.refuse_button.isVisible()
    sign(qtbot, dialog.pad)
    assert not dialog.save_button.isEnabled()
    dialog.name_edit.insert("赵村长")
    qtbot.mouseClick(dialog.save_button, LEFT)
    witness = next(s for s in service.list(inspection) if s.role is SignerRole.WITNESS)
    assert dialog.current_entry() == ("witness", witness.id)

    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("签错了位置", True)))
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert service.list(inspection) == []
    history = InspectionService(ctx.db, ctx.device).history(inspection)
    assert history[-1].action == "delete" and history[-1].reason == "签错了位置"


def test_a_locked_record_cannot_be_signed(qtbot, ctx, inspection, languages, profile):
    ctx.db.execute("UPDATE inspections SET status = 'signed' WHERE id = ?", [inspection])
    dlg = SignaturesDialog(ctx, inspection)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.banner.isVisible() and "locked" in dlg.banner.text()
    sign(qtbot, dlg.pad)
    assert dlg.pad.is_empty()  # the pad takes no ink
    assert not dlg.save_button.isEnabled() and not dlg.refuse_button.isVisible()
    dlg.save()  # even when called directly, nothing happens
    assert SignatureService(ctx.db, ctx.device).list(inspection) == []


def test_the_buttons_stay_still_while_signing(qtbot, dialog):
    dlg = dialog

    def buttons():
        QApplication.processEvents()
        return [(b.mapTo(dlg, QPoint(0, 0)), b.size())
                for b in (dlg.save_button, dlg.clear_button, dlg.undo_button)]

    still = buttons()
    dot(qtbot, dlg.pad)  # "too short" shows below the buttons
    assert dlg.message.text() and buttons() == still
    sign(qtbot, dlg.pad)  # and goes
    assert not dlg.message.text() and buttons() == still
    # Company refuses to sign renames Save; it does not grow under the pointer.
    dlg.select_signer("company")
    save = buttons()[0]
    qtbot.mouseClick(dlg.refuse_button, LEFT)
    assert dlg.save_button.text() == "Save witness signature" and buttons()[0] == save


def test_a_signature_shown_fits_the_pad_after_the_window_shrinks(qtbot, pad):
    from inspector_app.domain.signature import bounding_box

    pad.resize(800, 300)
    wave = [[(x, 150 + (30 if (x // 20) % 2 else -30), x, 0.5) for x in range(50, 760, 10)]]
    pad.set_strokes(wave, (800, 300))
    pad.resize(500, 200)              # the dialog fitted to a small screen after it was filled
    QApplication.processEvents()
    _left, _top, right, bottom = bounding_box(pad.strokes())
    assert right <= pad.width() and bottom <= pad.height()
    assert right > pad.width() * 0.8        # scaled, not cropped: still across the pad
