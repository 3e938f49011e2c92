"""`relaydocs mcp` driven by the official MCP Python client (`mcp` from PyPI), over stdio and over
streamable HTTP (`relaydocs serve`'s /mcp): the tools are listed, every tool is called, and each
answer equals what the command line prints for the same input, byte for byte (errors included).
The code get_snippet answers then runs against the stand-in relay through `relaydocs verify
--snippets`, the same run and checks as every snippet of the catalog.

RELAYDOCS_BINARY names the relaydocs binary (default .build/debug/relaydocs); the Python running
pytest must have the official SDKs (make venv), since the verify run uses it for Python snippets.
"""

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests/support"))
from relaydocs_serve import BINARY, free_port, serve  # noqa: E402 - found through the line above

# A key that breaks careless quoting in every language, and is visible ASCII.
KEY = "sk-agent-'\"$(id)`id`\\(x)-0123456789"
PROMPT = "Quote \"double\" and 'single', $(id) and `uname`, back\\slash, \\(x)\nsecond line: 你好, café"
TOOLS = {"list_models", "get_snippet", "domain_rules", "get_setup"}
# The hostile key of the integrations: quotes, $(…), backticks and a backslash-n.
SETUP_KEY = "sk-'\"$(id)`x`\\n"


def cli(*arguments: str) -> subprocess.CompletedProcess:
    """relaydocs as a person runs it, from a folder without a catalog (the built-in one serves)."""
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, cwd="/", timeout=120)


# Each tool call with the command line that must print the same, byte for byte.
CALLS = [
    ("list_models", {}, ["models", "--format", "json"]),
    ("get_setup", {"client": "codex-cli", "key": SETUP_KEY},
     ["setup", "--client", "codex-cli", "--key", SETUP_KEY, "--format", "json"]),
    ("get_setup", {"client": "claude-code", "model": "claude-opus-4-7"},
     ["setup", "--client", "claude-code", "--model", "claude-opus-4-7", "--format", "json"]),
    ("get_setup", {"client": "cursor"}, ["setup", "--client", "cursor", "--format", "json"]),
    ("domain_rules", {}, ["domains"]),
    ("domain_rules", {"locale": "zh"}, ["domains", "--locale", "zh"]),
    ("get_snippet", {"model": "gpt-4o", "language": "python"}, ["snippet", "--model", "gpt-4o", "--lang", "python"]),
    (
        "get_snippet",
        {"model": "claude-sonnet-4-20250514", "language": "curl", "protocol": "anthropic-messages", "stream": True,
         "key": KEY, "prompt": PROMPT},
        ["snippet", "--model", "claude-sonnet-4-20250514", "--lang", "curl", "--protocol", "anthropic-messages",
         "--stream", "--key", KEY, "--prompt", PROMPT],
    ),
    (
        "get_snippet",
        {"model": "claude-sonnet-4-20250514", "language": "swift", "protocol": "anthropic-messages",
         "thinking": 2048, "cache": False, "key": KEY},
        ["snippet", "--model", "claude-sonnet-4-20250514", "--lang", "swift", "--protocol", "anthropic-messages",
         "--thinking", "2048", "--key", KEY],
    ),
    (
        "get_snippet",
        {"model": "claude-sonnet-4-20250514", "language": "python", "recipe": "tools"},
        ["snippet", "--model", "claude-sonnet-4-20250514", "--lang", "python", "--recipe", "tools"],
    ),
    # A model the catalog does not list: the code, and the note the command prints on standard error.
    ("get_snippet", {"model": "my-own-model", "language": "python"},
     ["snippet", "--model", "my-own-model", "--lang", "python"]),
    # Errors: the command's message, byte for byte.
    ("get_snippet", {"model": "gpt-4o", "language": "python", "key": "sk-with a space"},
     ["snippet", "--model", "gpt-4o", "--lang", "python", "--key", "sk-with a space"]),
    ("get_snippet", {"model": "gpt-4o", "language": "cobol"}, ["snippet", "--model", "gpt-4o", "--lang", "cobol"]),
    ("get_snippet", {"model": "gpt-4o", "language": "python", "protocol": "anthropic-messages"},
     ["snippet", "--model", "gpt-4o", "--lang", "python", "--protocol", "anthropic-messages"]),
    ("get_snippet", {"model": "deepseek-chat", "language": "python", "recipe": "reasoning"},
     ["snippet", "--model", "deepseek-chat", "--lang", "python", "--recipe", "reasoning"]),
    ("get_snippet", {"model": "my-own-model", "language": "python", "key": "sk-\tx"},
     ["snippet", "--model", "my-own-model", "--lang", "python", "--key", "sk-\tx"]),
]


def texts(result) -> list[str]:
    return [block.text for block in result.content]


def expect_same_as_cli(result, command: list[str]) -> None:
    """A tool result holds what the command printed: standard output (then standard error, when it
    said something) on success; standard error on failure, as an error result."""
    run = cli(*command)
    if run.returncode == 0:
        assert not result.is_error, f"{command}: {texts(result)}"
        assert texts(result) == [run.stdout] + ([run.stderr] if run.stderr else []), command
    else:
        # 64 for usage errors (an unknown client), 1 for the rest.
        assert run.returncode in (1, 64), run
        assert result.is_error, f"{command} failed, but the tool answered {texts(result)}"
        assert texts(result) == [run.stderr], command


async def with_stdio(work, *arguments: str, errlog=None):
    parameters = StdioServerParameters(command=BINARY, args=["mcp", *arguments], cwd="/")
    with open(os.devnull, "w") if errlog is None else open(errlog, "w") as log:
        async with stdio_client(parameters, errlog=log) as streams:
            async with ClientSession(streams[0], streams[1]) as session:
                await session.initialize()
                return await work(session)


async def with_http(work, url: str):
    async with streamable_http_client(url) as streams:
        async with ClientSession(streams[0], streams[1]) as session:
            await session.initialize()
            return await work(session)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`relaydocs serve --no-watch` on a free port, its log captured; yields the MCP URL and the log."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serve(log) as base:
        yield base + "/mcp", log


@pytest.fixture(params=["stdio", "http"])
def connect(request, served, tmp_path):
    """Runs `work(session)` against relaydocs mcp over one transport; returns its result and the
    server's log so far."""
    url, serve_log = served
    errlog = tmp_path / "mcp-stderr.log"

    def run(work):
        if request.param == "stdio":
            result = asyncio.run(with_stdio(work, errlog=errlog))
            return result, errlog.read_text()
        return asyncio.run(with_http(work, url)), serve_log.read_text()

    return run


def template_folders(kind: str) -> set[str]:
    return {path.parent.name for path in (ROOT / "templates/snippets" / kind).glob(f"*/{kind[:-1]}.yaml")}


def test_tools_are_listed_with_choices_from_the_catalog_and_templates(connect):
    async def work(session):
        return (await session.list_tools()).tools

    tools, _ = connect(work)
    names = {tool.name for tool in tools}
    assert names == TOOLS, "diagnose_base_url is not listed until its command exists"
    setup = next(tool for tool in tools if tool.name == "get_setup").input_schema
    assert set(setup["properties"]) == {"client", "model", "key"} and setup["required"] == ["client"]
    assert set(setup["properties"]["client"]["enum"]) == {
        path.parent.name for path in (ROOT / "templates/clients").glob("*/client.yaml")}
    schema = next(tool for tool in tools if tool.name == "get_snippet").input_schema
    properties = schema["properties"]
    assert set(schema["required"]) == {"model", "language"}
    assert set(properties) == {"model", "language", "protocol", "recipe", "stream", "key", "prompt", "effort",
                               "thinking", "cache", "image"}
    assert set(properties["language"]["enum"]) == template_folders("languages")
    assert set(properties["recipe"]["enum"]) == template_folders("recipes")
    models = json.loads(cli("models", "--format", "json").stdout)["models"]
    used = {entry["id"] for model in models for entry in model["protocols"]}
    assert used <= set(properties["protocol"]["enum"])
    for tool in tools:
        assert tool.annotations.read_only_hint is True, tool.name


@pytest.mark.parametrize("name,arguments,command", CALLS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CALLS)])
def test_each_call_answers_what_the_command_line_prints(connect, name, arguments, command):
    async def work(session):
        return await session.call_tool(name, arguments)

    result, log = connect(work)
    expect_same_as_cli(result, command)
    for secret in (KEY, "sk-with a space", "sk-\tx"):
        assert secret not in log, "a key passed to a tool reached the server's log"


def test_every_language_of_the_schema_answers_like_the_command_line(connect):
    async def work(session):
        tools = (await session.list_tools()).tools
        languages = next(t for t in tools if t.name == "get_snippet").input_schema["properties"]["language"]["enum"]
        answers = {}
        for language in languages:
            for stream in (False, True):
                answers[(language, stream)] = await session.call_tool(
                    "get_snippet", {"model": "gemini-2.5-flash", "language": language, "stream": stream, "key": KEY})
        return answers

    answers, _ = connect(work)
    assert len(answers) >= 6
    for (language, stream), result in answers.items():
        expect_same_as_cli(
            result,
            ["snippet", "--model", "gemini-2.5-flash", "--lang", language, "--key", KEY] + (["--stream"] if stream else []))


def test_arguments_the_tools_do_not_take_are_refused(connect):
    async def work(session):
        return [
            await session.call_tool("get_snippet", {"model": "gpt-4o", "language": "python", "colour": "red"}),
            await session.call_tool("get_snippet", {"model": "gpt-4o", "language": "python", "stream": "yes"}),
            await session.call_tool("get_snippet", {"language": "python"}),
            await session.call_tool("list_models", {"model": "gpt-4o"}),
        ]

    results, _ = connect(work)
    assert [texts(result) for result in results] == [
        ['error: unknown argument "colour"; expected model, language, protocol, recipe, stream, key, prompt, '
         'effort, thinking, cache, image\n'],
        ["error: stream must be true or false\n"],
        ["error: model is required\n"],
        ['error: unknown argument "model"; expected none\n'],
    ]
    assert all(result.is_error for result in results)


def test_the_code_an_agent_gets_passes_the_stand_in_relay_run(tmp_path):
    """get_snippet's code, made for a stand-in relay's origin with the agent's own keys, runs as
    `relaydocs verify` runs every snippet: the reply printed, each request checked (path, key byte
    for byte, model, prompt, stream), and a loud failure against 401, 404, 500 and JSON-to-a-stream."""
    port = free_port()
    requests = []

    async def work(session):
        tools = (await session.list_tools()).tools
        languages = next(t for t in tools if t.name == "get_snippet").input_schema["properties"]["language"]["enum"]
        wanted = [{"model": "claude-sonnet-4-20250514", "language": language} for language in languages]
        wanted += [
            {"model": "gpt-4o", "language": "python", "stream": True},
            {"model": "gemini-2.5-flash", "language": "curl", "stream": True},
            {"model": "claude-sonnet-4-20250514", "language": "python", "recipe": "tools"},
        ]
        for index, arguments in enumerate(wanted):
            arguments = dict(arguments, key=f"sk-agent-{index}-'\"$(id)`id`\\(x)", prompt=PROMPT)
            result = await session.call_tool("get_snippet", arguments)
            assert not result.is_error, texts(result)
            requests.append(dict(arguments, code=texts(result)[0]))

    asyncio.run(with_stdio(work, "--origin", f"http://127.0.0.1:{port}"))
    snippets = tmp_path / "snippets.json"
    snippets.write_text(json.dumps(requests))
    run = subprocess.run(
        [BINARY, "verify", "--snippets", str(snippets), "--port", str(port), "--python", sys.executable],
        capture_output=True, text=True, timeout=1200, cwd=ROOT)
    print(run.stdout[-4000:])
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert run.stdout.rstrip().endswith(f"{len(requests)} passed, 0 failed")
