"""Record ids: random UUIDs (version 4), written as uuid.uuid4() writes them."""

import uuid

from inspector_app.domain.records import new_id, new_ids


def test_a_new_id_is_a_random_uuid_written_as_uuid_writes_it():
    ids = {new_id() for _ in range(200)} | set(new_ids(200))
    assert len(ids) == 400
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text
