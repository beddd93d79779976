"""kg.executors: results in input order, a bounded window in flight, and a build on a Dask
cluster (a LocalCluster on loopback, two worker processes) that writes the same bytes as a
local build."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from kg import executors
from kg.build import build
from kg.cli import main
from kg.executors import (
    DASK_BATCH,
    IN_FLIGHT_PER_WORKER,
    SERIAL_BELOW,
    ExecutorError,
    map_ordered,
)

# Invented articles of the genre: city and county meetings, an inspection tour, a ranking
# list and statistics. The people do not exist.
ARTICLES = {
    "a01.txt": "苏州市召开全市安全生产工作会议\n\n2023年5月6日，苏州市召开全市安全生产工作会议。"
               "市委书记张三明主持会议并讲话。市长李建国通报全市安全生产形势。",
    "a02.txt": "无锡市召开优化营商环境推进会\n\n2022年3月15日，无锡市召开优化营商环境推进会。"
               "市委书记王立新出席会议并讲话，市委副书记、市长赵海峰主持会议。",
    "a03.txt": "南通市委常委会召开会议\n\n2021年9月2日，南通市委常委会召开会议。市委书记陈志远主持会议。"
               "会议强调，要抓好防汛抗旱各项工作。",
    "a04.txt": "昆山市领导调研乡村振兴工作\n\n2023年6月12日，昆山市委书记周文斌到千灯镇调研乡村振兴工作。"
               "副市长孙丽华陪同。",
    "a05.txt": "常州市召开生态环境保护大会\n\n2020年11月20日，常州市召开生态环境保护大会。"
               "市委书记刘德胜出席会议并讲话。市长吴春林主持会议。各辖市区委书记参加会议。",
    "a06.txt": "徐州市召开项目建设现场会\n\n2022年8月8日，徐州市召开全市重大项目建设现场会。"
               "市委书记郑国华讲话，市长马永强主持。邳州市委书记黄建平作交流发言。",
    "a07.txt": "江阴市经济运行情况\n\n2022年，江阴市地区生产总值4500亿元，增长5.2%；"
               "一般公共预算收入260亿元。城镇居民人均可支配收入78000元。",
    "a08.txt": "2022全国综合实力百强县市发布\n\n中国社会科学院发布的“2022全国综合实力百强县市”中，"
               "昆山市位列第1位，江阴市位列第2位，张家港市位列第3位。",
    "a09.txt": "扬州市召开文化旅游融合发展座谈会\n\n2021年4月18日，扬州市召开文化旅游融合发展座谈会。"
               "市委书记夏明德主持会议并讲话。市委常委、宣传部部长何晓燕参加会议。",
    "a10.txt": "盐城市召开基层治理工作会议\n\n2023年2月27日，盐城市召开全市基层治理工作会议。"
               "市委书记曹文杰出席会议并讲话。射阳县委书记蒋卫东作表态发言。",
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as c:
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", "utf-8")
    return folder


def _negate(x: int) -> int:
    return -x


def _pid() -> str:
    return str(os.getpid())


class _Counted:
    """An iterable that counts how many items were taken from it."""

    def __init__(self, n: int):
        self.n = n
        self.taken = 0

    def __iter__(self) -> Iterator[int]:
        for i in range(self.n):
            self.taken += 1
            yield i


def _outputs(out: Path) -> dict[str, bytes]:
    files = [out / "graph.ttl", out / "graph.trig", out / "build-report.json",
             *sorted((out / "tables").glob("*.csv"))]
    return {str(f.relative_to(out)): f.read_bytes() for f in files}


def test_local_map_keeps_order_and_takes_items_as_it_goes() -> None:
    items = _Counted(200)
    results = map_ordered(_negate, items, executor="local", workers=2)
    assert next(results) == 0
    assert items.taken <= SERIAL_BELOW + IN_FLIGHT_PER_WORKER * 2 + 1
    assert [0, *results] == [-i for i in range(200)]


def test_local_map_runs_little_work_in_this_process() -> None:
    assert list(map_ordered(_pid, [], workers=4)) == []
    assert list(map_ordered(lambda x: x * 2, range(5), workers=4)) == [0, 2, 4, 6, 8]


def test_unknown_executor_is_named() -> None:
    with pytest.raises(ExecutorError, match="unknown executor 'ray'.*dask, local"):
        list(map_ordered(_negate, [1], executor="ray"))


def test_dask_map_keeps_order_and_takes_items_as_it_goes(cluster: LocalCluster) -> None:
    items = _Counted(500)
    results = map_ordered(_negate, items, executor="dask", scheduler=cluster.scheduler_address)
    assert next(results) == 0
    # two worker threads: the window is 4 x 2 tasks of DASK_BATCH items, one more task after
    # the first result
    assert items.taken <= (IN_FLIGHT_PER_WORKER * 2 + 1) * DASK_BATCH
    assert [0, *results] == [-i for i in range(500)]


def test_dask_workers_with_other_code_are_refused(cluster: LocalCluster) -> None:
    # The client's pid differs from each worker's: it stands for another extractor version.
    with pytest.raises(ExecutorError, match="runs other kg extractors.*install the same kg on the scheduler"):
        list(map_ordered(_negate, range(3), executor="dask",
                         scheduler=cluster.scheduler_address, fingerprint=_pid))


def test_dask_build_writes_the_same_bytes_as_a_local_build(
        cluster: LocalCluster, corpus: Path, tmp_path: Path) -> None:
    local = build([corpus], tmp_path / "local", workers=2, progress=False, html=False,
                  echo=lambda m: None)
    assert local.articles == len(ARTICLES) and local.skipped == 0
    remote = build([corpus], tmp_path / "dask", executor="dask",
                   scheduler=cluster.scheduler_address, progress=False, html=False,
                   echo=lambda m: None)
    assert remote.articles == len(ARTICLES)
    assert remote.facts == local.facts and remote.facts["participations"] > 10
    a, b = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert set(a) == {"graph.ttl", "graph.trig", "build-report.json", "tables/events.csv",
                      "tables/participations.csv", "tables/places.csv",
                      "tables/positions.csv", "tables/rankings.csv", "tables/statistics.csv"}
    for name in a:
        assert a[name] == b[name], name
    assert "张三明".encode() in a["tables/participations.csv"]


def test_dask_workers_do_not_open_the_clients_files(
        cluster: LocalCluster, corpus: Path, tmp_path: Path) -> None:
    # The workers see the same disk here; renaming each file after its bytes were read shows
    # the job carried them: a worker that opened the path would find nothing.
    import kg.build as kb

    real = kb._with_bytes

    def read_then_move(job):
        loaded = real(job)
        job.path.rename(job.path.with_suffix(".gone"))
        return loaded

    kb_with_bytes = pytest.MonkeyPatch()
    kb_with_bytes.setattr(kb, "_with_bytes", read_then_move)
    try:
        s = build([corpus], tmp_path / "out", executor="dask",
                  scheduler=cluster.scheduler_address, progress=False, html=False,
                  echo=lambda m: None)
    finally:
        kb_with_bytes.undo()
    assert s.articles == len(ARTICLES) and s.skipped == 0
    assert not list(corpus.glob("*.txt"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_unreachable_scheduler_is_one_line(
        corpus: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT_S", 1.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    rc = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-progress",
               "--executor", "dask", "--scheduler", address])
    err = capsys.readouterr().err.strip()
    assert rc == 2
    assert err == (f"kg build: cannot reach the Dask scheduler at {address} within 1 s "
                   "(OSError); start one with `dask scheduler` or check --scheduler")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_without_dask_installed_says_what_to_install(
        corpus: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    rc = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-progress",
               "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786"])
    err = capsys.readouterr().err.strip()
    assert rc == 2
    assert err == "kg build: --executor dask needs dask.distributed: pip install 'kg[dask]'"


def test_cli_scheduler_without_dask_executor_is_refused(corpus: Path, tmp_path: Path,
                                                        capsys) -> None:
    rc = main(["build", str(corpus), "--out", str(tmp_path / "out"),
               "--scheduler", "tcp://127.0.0.1:8786"])
    assert rc == 2
    assert "use it with --executor dask" in capsys.readouterr().err


def test_cli_malformed_scheduler_address(corpus: Path, tmp_path: Path, capsys) -> None:
    rc = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-progress",
               "--executor", "dask", "--scheduler", "nowhere"])
    assert rc == 2
    assert "expected tcp://host:8786" in capsys.readouterr().err
