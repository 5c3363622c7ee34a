"""Posting the reminder to a WeCom or DingTalk group robot, against a local HTTP server on
127.0.0.1 that checks each payload as the robot documents it, and answers as it would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import shutil
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO, digest, run
from kpitrack.send import robots

KEY = "k3y-0f-th3-r0b0t-5ecret"
SECRET = "SECd0n0tl3akm3"


@dataclass
class Robot:
    """What the local robot received, and what it answers next."""

    kind: str
    secret: str | None = None
    received: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    answer: dict = field(default_factory=lambda: {"errcode": 0, "errmsg": "ok"})
    status: int = 200
    url: str = ""


def check_wecom(robot: Robot, query: dict[str, list[str]], body: dict) -> None:
    if query.get("key") != [KEY]:
        robot.problems.append("key")
    if set(body) != {"msgtype", "markdown"} or body["msgtype"] != "markdown" or \
            set(body["markdown"]) != {"content"}:
        robot.problems.append(f"shape {body}")
    elif len(body["markdown"]["content"].encode()) > 4096:
        robot.problems.append("longer than 4096 bytes")


def check_dingtalk(robot: Robot, query: dict[str, list[str]], body: dict) -> None:
    if query.get("access_token") != [KEY]:
        robot.problems.append("token")
    if robot.secret:
        stamp, sign = query.get("timestamp", [""])[0], query.get("sign", [""])[0]
        expected = base64.b64encode(hmac.new(robot.secret.encode(),
                                             f"{stamp}\n{robot.secret}".encode(),
                                             hashlib.sha256).digest()).decode()
        if sign != expected:
            robot.problems.append("sign")
        if not stamp.isdigit() or abs(int(stamp) - time.time() * 1000) > 3_600_000:
            robot.problems.append("timestamp")  # DingTalk allows an hour either way
    if set(body) != {"msgtype", "markdown"} or body["msgtype"] != "markdown" or \
            set(body["markdown"]) != {"title", "text"}:
        robot.problems.append(f"shape {body}")


@pytest.fixture()
def server() -> Iterator[dict[str, Robot]]:
    robots_here: dict[str, Robot] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            robot = robots_here[parts.path.strip("/").split("/")[0]]
            if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
                robot.problems.append("content type")
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            query = urllib.parse.parse_qs(parts.query)
            (check_wecom if robot.kind == "wecom" else check_dingtalk)(robot, query, body)
            robot.received.append(body)
            answer = json.dumps(robot.answer).encode()
            self.send_response(robot.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    robots_here["wecom"] = Robot("wecom", url=f"http://127.0.0.1:{port}/wecom/cgi-bin/"
                                 f"webhook/send?key={KEY}")
    robots_here["dingtalk"] = Robot("dingtalk", SECRET, url=f"http://127.0.0.1:{port}/"
                                    f"dingtalk/robot/send?access_token={KEY}")
    yield robots_here
    httpd.shutdown()
    thread.join()


@pytest.fixture()
def repo_ws(isolated: Path, monkeypatch) -> Path:
    shutil.copy(REPO / "targets.toml", isolated / "targets.toml")
    shutil.copytree(REPO / "actuals", isolated / "actuals")
    monkeypatch.setenv("KPITRACK_TODAY", "2025-12-08")
    monkeypatch.delenv("KPITRACK_WEBHOOK", raising=False)
    monkeypatch.delenv("KPITRACK_WEBHOOK_SECRET", raising=False)
    return isolated


def sent_text(robot: Robot) -> str:
    key = "content" if robot.kind == "wecom" else "text"
    return "\n\n".join(body["markdown"][key] for body in robot.received)


def test_the_reminder_reaches_a_wecom_robot_as_its_markdown_message(repo_ws, server):
    robot = server["wecom"]
    before = digest(repo_ws)
    result = run("remind", "--period", "2025-11", "--webhook", robot.url, "--robot", "wecom")
    assert result.exit_code == 0, result.stderr
    assert robot.received and not robot.problems
    text = sent_text(robot)
    reminder = json.loads(run("remind", "--period", "2025-11", "--format", "json").stdout)
    for unit in reminder["units"]:  # every unit's block, with each missing target
        assert f"**【催报】{unit['owner']}：2025年11月" in text
        assert all(item["name"] in text for item in unit["missing"])
    assert text.startswith("### 2025年11月指标数据催报")
    assert f"已发送到企业微信群机器人：{len(robot.received)}条消息" in result.stderr
    assert KEY not in result.stderr + result.stdout
    assert digest(repo_ws) == before  # nothing of the robot is written into the workspace


def test_a_long_reminder_is_split_between_units_to_fit_wecoms_limit(repo_ws, server):
    robot = server["wecom"]
    assert run("remind", "--period", "2025-11", "--webhook", robot.url,
               "--robot", "wecom").exit_code == 0
    assert len(robot.received) >= 2 and not robot.problems  # each within 4,096 bytes
    for body in robot.received:  # no unit's block is cut in two
        content = body["markdown"]["content"]
        assert content.count("**【催报】") == content.count("请尽快填写报送表并回传")


def test_the_reminder_reaches_a_dingtalk_robot_signed_with_its_secret(repo_ws, server,
                                                                      monkeypatch):
    robot = server["dingtalk"]
    monkeypatch.setenv("KPITRACK_WEBHOOK", robot.url)
    monkeypatch.setenv("KPITRACK_WEBHOOK_SECRET", SECRET)
    result = run("remind", "--period", "2025-11", "--owner", "科技创新局", "--webhook",
                 "--robot", "dingtalk")
    assert result.exit_code == 0, result.stderr
    assert len(robot.received) == 1 and not robot.problems
    body = robot.received[0]["markdown"]
    assert body["title"] == "2025年11月指标数据催报"
    assert "高新技术企业（高企）" in body["text"] and "已逾期3天" in body["text"]
    assert SECRET not in result.stderr and KEY not in result.stderr


def test_a_wrong_secret_is_refused_by_the_robot_in_one_line_with_its_code(repo_ws, server):
    robot = server["dingtalk"]
    robot.answer = {"errcode": 310000, "errmsg": f"sign not match, url {robot.url}"}
    result = run("remind", "--period", "2025-11", "--webhook", robot.url, "--robot",
                 "dingtalk", "--secret", "SECwrong")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and "错误码 310000" in line and "Traceback" not in line
    assert KEY not in line and "SECwrong" not in line and robot.url not in line


def test_http_errors_and_an_unreachable_robot_never_show_the_url(repo_ws, server):
    robot = server["wecom"]
    robot.status = 404
    result = run("remind", "--period", "2025-11", "--webhook", robot.url, "--robot", "wecom")
    assert result.exit_code == 1 and "HTTP 404" in result.stderr and KEY not in result.stderr
    gone = f"http://127.0.0.1:9/cgi-bin/webhook/send?key={KEY}"  # the discard port: closed
    result = run("remind", "--period", "2025-11", "--webhook", gone, "--robot", "wecom")
    assert result.exit_code == 1 and "无法连接群机器人" in result.stderr
    assert KEY not in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args, says", [
    (["--webhook", "ftp://example.com/x"], "不是网址"),
    (["--webhook", "file:///etc/passwd"], "不是网址"),
    (["--webhook", "https://example.com/hook"], "--robot wecom"),
    (["--webhook"], "KPITRACK_WEBHOOK"),
    (["--webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", "--secret",
      "SECx"], "只用于钉钉"),
])
def test_bad_robot_settings_are_one_line_errors_before_anything_is_sent(repo_ws, args, says):
    result = run("remind", "--period", "2025-11", *args)
    assert result.exit_code == 1, result.stdout
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert "SECx" not in result.stderr and "key=x" not in result.stderr


def test_the_robot_is_told_by_the_urls_host():
    assert robots.robot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a").kind == "wecom"
    assert robots.robot("https://oapi.dingtalk.com/robot/send?access_token=a").kind == \
        "dingtalk"


def test_dingtalks_signature_is_the_documented_one():
    # DingTalk's documented recipe: Base64(HMAC-SHA256(secret, "timestamp\nsecret")),
    # URL-encoded, added with the timestamp to the URL.
    url = robots.signed("https://oapi.dingtalk.com/robot/send?access_token=t", "SECabc",
                        1700000000000)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    digest_ = hmac.new(b"SECabc", b"1700000000000\nSECabc", hashlib.sha256).digest()
    assert query["timestamp"] == ["1700000000000"]
    assert query["sign"] == [base64.b64encode(digest_).decode()]


def test_user_text_is_never_markup_in_a_robots_message(isolated, server):
    (isolated / "targets.toml").write_text(
        'schema = 1\n[plan]\ntitle = "t"\nyear = 2025\n'
        '[targets.inv]\n'
        'name = "[点此领奖](http://evil.example) **急** <font color=\\"red\\">x</font>"\n'
        'kind = "cumulative"\ntarget = 100\nowner = "# 标题局"\n', encoding="utf-8")
    robot = server["wecom"]
    assert run("remind", "--period", "2025-11", "--webhook", robot.url,
               "--robot", "wecom").exit_code == 0
    text = sent_text(robot)
    assert "［点此领奖］(http://evil.example)" in text and "＊＊急＊＊" in text
    assert "<font" not in text and "＜font" in text and "\n#" not in text


def test_messages_are_packed_by_block_and_cut_only_when_a_block_is_too_long():
    blocks = ["a" * 10, "b" * 10, "c" * 10]
    assert robots.messages(blocks, 25) == ["a" * 10 + "\n\n" + "b" * 10, "c" * 10]
    long = "\n".join(["行" * 5] * 10)  # 15 bytes a line
    pieces = robots.messages([long], 40)
    assert all(len(p.encode()) <= 40 for p in pieces)
    assert "\n".join(pieces).replace("\n", "") == long.replace("\n", "")


def test_the_notices_summary_reaches_the_robot_unit_by_unit(repo_ws, server):
    robot = server["wecom"]
    result = run("notice", "--webhook", robot.url, "--robot", "wecom")
    assert result.exit_code == 0, result.stderr
    assert not robot.problems and result.stdout == ""
    text = sent_text(robot)
    data = json.loads(run("notice", "--format", "json").stdout)
    listed = [n for n in data["notices"] if n["red"] or n["yellow"]]
    red = sum(len(n["red"]) for n in listed)
    yellow = sum(len(n["yellow"]) for n in listed)
    assert f"{len(listed)}个单位有督办事项：红色滞后{red}项、黄色预警{yellow}项" in text
    for notice in listed:
        assert f"**{notice['owner']}**：" in text
        assert all(item["name"] in text for item in notice["red"] + notice["yellow"])
    assert "kpitrack" not in text and "--" not in text  # a unit never sees a command
