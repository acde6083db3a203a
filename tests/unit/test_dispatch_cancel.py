"""Cancelling the dispatch figures stops the SQL itself, not only the steps between."""

from datetime import date

import pytest

from inspector_app.paths import DataDir
from inspector_app.services import dispatch
from inspector_app.services.context import AppContext
from inspector_app.services.demo import build_demo
from inspector_app.services.dispatch import DispatchRequest, page_figures
from inspector_app.services.progress import Cancelled


class StopsInside:
    """Lets the steps start, then says "stop" when SQLite asks in the middle of a statement."""

    def __init__(self) -> None:
        self.asked = 0

    def progress(self, done: int, total: int, text: str = "") -> None:
        pass

    def check_cancelled(self) -> None:
        self.asked += 1
        raise Cancelled()


class Watches:
    def __init__(self) -> None:
        self.steps: list[tuple[int, int]] = []

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.steps.append((done, total))

    def check_cancelled(self) -> None:
        pass


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = AppContext(DataDir(tmp_path_factory.mktemp("cancel")))
    build_demo(ctx.db, ctx.device, ctx.data_dir.photos, companies=10, inspections=24,
               seed=7, today=date(2026, 6, 30))
    yield ctx
    ctx.close()


def test_a_cancelled_count_stops_inside_the_statement(demo, monkeypatch):
    monkeypatch.setattr(dispatch, "CHECK_EVERY", 100)   # the demo's statements are short
    request = DispatchRequest("2025-07-01", "2026-06-30")
    stop = StopsInside()
    with pytest.raises(Cancelled):
        page_figures(demo.db, request, demo.device.id, stop)
    assert stop.asked >= 1
    # The connection is left as it was: the next count runs to its end.
    watch = Watches()
    report, trend = page_figures(demo.db, request, demo.device.id, watch)
    assert watch.steps == [(0, 2), (1, 2), (2, 2)]
    assert report.table.total.inspections == sum(w.inspections for w in trend) > 0
