"""deploy/serve.py's supervision, without starting any process: a replica that fails to start again is
tried again at the next check, and the others are started meanwhile."""

from __future__ import annotations

from pathlib import Path

from deploy.serve import Deployment, Replica


class FakeReplica(Replica):
    failures_left: int = 0
    started: bool = False

    def start(self) -> None:
        if self.failures_left:
            self.failures_left -= 1
            raise RuntimeError("streamlit run app.py did not start")
        self.started = True

    @property
    def running(self) -> bool:
        return self.started


def test_a_replica_that_fails_to_start_again_is_tried_again_and_the_others_start(tmp_path: Path) -> None:
    said: list[str] = []
    failing, other = (FakeReplica(number, 9000 + number, {}, said.append) for number in (1, 2))
    failing.failures_left = 1
    deployment = Deployment("http://127.0.0.1:8080", [failing, other], nginx=None, runtime=tmp_path)  # type: ignore[arg-type]
    assert deployment.restart_stopped_replicas() == [2]
    assert said == ["could not start again, will try again: streamlit run app.py did not start\n"]
    assert deployment.restart_stopped_replicas() == [1]
    assert deployment.restart_stopped_replicas() == []
