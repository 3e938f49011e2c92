#!/usr/bin/env python3
"""relaydocs benchmarks, side by side with their anchors, every figure from one run.

usage: bench.py RELAYDOCS [--runs N] [--work DIR]

1. Full build of the 2,000-page corpus (make_corpus.py beside this file, seed 7): relaydocs vs Hugo (with a
   minimal layout: section nav, table of contents, highlighting on) vs bare cmark over the same
   bytes concatenated (the floor). Median of N alternating runs: wall, CPU, peak RSS.
2. One-page rebuild through the path `relaydocs serve` uses, and its ratio to the full build.
3. The snippet API under load (wrk) against a trivial endpoint of the same server.
4. Snippet rendering in one process.
5. The default site (content/) with the default catalog and with a generated 300-model catalog
   (make_catalog.py beside this file), side by side: full build (median of N alternating runs) and
   one-page rebuild. `--only catalog` runs this case alone (no Hugo, cmark or wrk needed).
"""
import argparse, hashlib, json, os, platform, re, shutil, signal, socket, statistics, subprocess, sys, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = Path(__file__).resolve().parent / "make_corpus.py"
CATALOG_GENERATOR = Path(__file__).resolve().parent / "make_catalog.py"
BIG_CATALOG_MODELS = 300
CORPUS_ARGUMENTS = ["2000", "7"]  # pages, seed

HUGO_CONFIG = """baseURL = "/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.highlight]
  codeFences = true
  noClasses = false
[markup.goldmark.renderer]
  unsafe = false
"""
HUGO_SINGLE = """<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<nav>{{ range .CurrentSection.Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<aside>{{ .TableOfContents }}</aside><main>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def measure(command, cwd=None):
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if status != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "missing"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk(url, seconds, key):
    output = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", "-H", f"Authorization: Bearer {key}", url],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency(50), latency(99), int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("relaydocs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=str(ROOT / ".build" / "bench"))
    parser.add_argument("--load-seconds", type=int, default=5)
    parser.add_argument("--load-rounds", type=int, default=3)
    parser.add_argument("--rebuild-runs", type=int, default=15)
    parser.add_argument("--only", choices=["catalog"], help="run one case alone")
    args = parser.parse_args()
    relaydocs = str(Path(args.relaydocs).resolve())
    work = Path(args.work)
    if args.only == "catalog":
        print(f"machine: {machine()}\n")
        catalog_case(relaydocs, work, args.runs, args.rebuild_runs)
        return
    corpus = work / "corpus"
    # Made again when the generator or its arguments change, so a cached corpus is never stale.
    stamp = work / "corpus.stamp"
    recipe = f"{hashlib.sha256(GENERATOR.read_bytes()).hexdigest()} {' '.join(CORPUS_ARGUMENTS)}"
    if not stamp.exists() or stamp.read_text() != recipe:
        if corpus.exists():
            shutil.rmtree(corpus)
        subprocess.run([sys.executable, str(GENERATOR), str(corpus)] + CORPUS_ARGUMENTS, check=True)
        stamp.write_text(recipe)
    pages = sorted(corpus.rglob("*.md"))

    # Hugo: the same content, a minimal layout with a section nav and the table of contents.
    hugo = work / "hugo"
    if hugo.exists():
        shutil.rmtree(hugo)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG)
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (hugo / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    (hugo / "layouts" / "index.html").write_text(HUGO_LIST)
    shutil.copytree(corpus, hugo / "content")

    # cmark: the same bytes, concatenated: the floor of any CommonMark build.
    concatenated = work / "corpus.md"
    with open(concatenated, "wb") as out:
        for page in pages:
            out.write(page.read_bytes())
            out.write(b"\n")

    commands = {
        "relaydocs": [relaydocs, "build", "--content", str(corpus), "--out", str(work / "site")],
        "hugo": ["hugo", "--quiet", "--source", str(hugo), "--destination", str(work / "hugo-public")],
        "cmark": ["cmark", str(concatenated)],
    }
    for name in commands:  # warm the caches once
        measure(commands[name])
    results = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            results[name].append(measure(command))

    def median(name, index):
        return statistics.median(run[index] for run in results[name])

    # One-page rebuild and snippet rendering, in process.
    inner = json.loads(subprocess.run(
        [relaydocs, "benchmark", "--content", str(corpus), "--page", "section07/page00007.md",
         "--runs", str(args.rebuild_runs)],
        capture_output=True, text=True, check=True).stdout)

    # The snippet API under load.
    port = free_port()
    server = subprocess.Popen(
        [relaydocs, "serve", "--no-watch", "--port", str(port), "--content", str(ROOT / "content")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        key = "sk-bench-0123456789"
        # Alternating rounds, the median of each figure: one round on a shared machine can be off by 15 %.
        trivial_rounds, api_rounds = [], []
        wrk(base + "/api/v1/snippets?model=gpt-4o&lang=python", 1, key)  # warm up
        full_rounds = []
        for _ in range(args.load_rounds):
            trivial_rounds.append(wrk(base + "/healthz", args.load_seconds, key))
            api_rounds.append(wrk(base + "/api/v1/snippets?model=gpt-4o&lang=python", args.load_seconds, key))
            # A key with quotes and a backslash is rendered, highlighted and written in full for each request.
            full_rounds.append(wrk(base + "/api/v1/snippets?model=gpt-4o&lang=python", args.load_seconds,
                                   "sk-bench-'\"\\x"))
        def medians(rounds):
            return tuple(statistics.median(r[i] for r in rounds) for i in range(3)) + (sum(r[3] for r in rounds),)
        trivial, api, full = medians(trivial_rounds), medians(api_rounds), medians(full_rounds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)

    wall = {name: median(name, 0) for name in commands}
    print(f"machine: {machine()}")
    print(f"anchors: {version(['hugo', 'version'])}; {version(['cmark', '--version'])}; wrk {version(['wrk', '-v'])}")
    print(f"corpus: {len(pages)} pages, {sum(p.stat().st_size for p in pages) / 2**20:.1f} MiB; builds: median of {args.runs} alternating runs; "
          f"rebuild: median of {args.rebuild_runs}; load: median of {args.load_rounds} alternating {args.load_seconds} s rounds of wrk -t2 -c32\n")
    print("| measurement | relaydocs | anchor | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| full build, wall | {wall['relaydocs']:.3f} s | Hugo {wall['hugo']:.3f} s | {wall['relaydocs'] / wall['hugo']:.2f} × Hugo | ≤ 0.14 × Hugo |")
    print(f"| full build, wall | {wall['relaydocs']:.3f} s | cmark {wall['cmark']:.3f} s | {wall['relaydocs'] / wall['cmark']:.1f} × cmark | ≤ 3.5 × cmark |")
    print(f"| full build, CPU | {median('relaydocs', 1):.3f} s | Hugo {median('hugo', 1):.3f} s, cmark {median('cmark', 1):.3f} s | {median('relaydocs', 1) / median('hugo', 1):.2f} × Hugo | |")
    print(f"| full build, peak RSS | {median('relaydocs', 2):.0f} MiB | Hugo {median('hugo', 2):.0f} MiB, cmark {median('cmark', 2):.0f} MiB | {median('relaydocs', 2) / median('hugo', 2):.2f} × Hugo | ≤ 150 MiB |")
    print(f"| one-page rebuild (serve's path) | {inner['rebuildSeconds'] * 1000:.1f} ms ({inner['rebuildRendered']} rendered, {inner['rebuildLaidOut']} laid out) | in-memory full build {inner['fullBuildSeconds']:.3f} s | 1/{inner['fullBuildSeconds'] / inner['rebuildSeconds']:.0f} | ≤ 1/20 |")
    print(f"| snippet API, throughput | {api[0]:.0f} req/s | /healthz {trivial[0]:.0f} req/s | {api[0] / trivial[0] * 100:.0f} % | ≥ 80 % |")
    print(f"| snippet API, latency p50 / p99 | {api[1]:.2f} / {api[2]:.2f} ms | /healthz {trivial[1]:.2f} / {trivial[2]:.2f} ms | | p99 ≤ 5 ms |")
    print(f"| snippet API, key that needs escaping (rendered in full) | {full[0]:.0f} req/s, p99 {full[2]:.2f} ms | /healthz {trivial[0]:.0f} req/s | {full[0] / trivial[0] * 100:.0f} % | |")
    if api[3] or trivial[3] or full[3]:
        print(f"| non-2xx answers | {api[3]}, {full[3]} | {trivial[3]} | | 0 |")
    print(f"| snippet rendering, one process | {inner['snippetsPerSecond']:.0f} snippets/s | | | |")
    print()
    catalog_case(relaydocs, work, args.runs, args.rebuild_runs)


def catalog_case(relaydocs, work, runs, rebuild_runs):
    """The default site built with the default catalog and with a 300-model one, alternating."""
    work.mkdir(parents=True, exist_ok=True)
    contents = {}
    for name in ("default", "300"):
        folder = work / f"content-{name}"
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(ROOT / "content", folder)
        contents[name] = folder
    subprocess.run([sys.executable, str(CATALOG_GENERATOR), str(ROOT / "content" / "catalog.yaml"),
                    str(contents["300"] / "catalog.yaml"), str(BIG_CATALOG_MODELS)], check=True)
    # The same catalog without model pages (no `models:` in site.yaml): what the big catalog costs on
    # its own (reading it, its tables), apart from the pages made from it.
    bare = work / "content-300-bare"
    if bare.exists():
        shutil.rmtree(bare)
    shutil.copytree(contents["300"], bare)
    lines = (bare / "site.yaml").read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("models:"))
    while cut > 0 and lines[cut - 1].startswith("#"):
        cut -= 1
    (bare / "site.yaml").write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    for home in bare.glob("*/index.md"):  # the home pages' link to the model index
        text = home.read_text(encoding="utf-8")
        home.write_text("".join(line for line in text.splitlines(keepends=True) if "(models/index.md)" not in line),
                        encoding="utf-8")
    contents["300-bare"] = bare
    commands = {name: [relaydocs, "build", "--content", str(folder), "--out", str(work / f"site-{name}")]
                for name, folder in contents.items()}
    for command in commands.values():  # warm the caches once
        measure(command)
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(measure(command))
    def median(name, index):
        return statistics.median(run[index] for run in results[name])
    def counts(name):
        site = work / f"site-{name}"
        files = [path for path in site.rglob("*") if path.is_file()]
        return sum(1 for path in files if path.suffix == ".html"), len(files)
    inner = {}
    for name, folder in contents.items():
        inner[name] = json.loads(subprocess.run(
            [relaydocs, "benchmark", "--content", str(folder), "--page", "en/guide/quickstart.md",
             "--runs", str(rebuild_runs), "--snippet-seconds", "0.2"],
            capture_output=True, text=True, check=True).stdout)
    listed = {name: models_in(contents[name] / "catalog.yaml") for name in contents}
    names = ["default", "300", "300-bare"]
    heads = [f"{listed['default']} models", f"{listed['300']} models", f"{listed['300']} models, no model pages"]
    print(f"catalog: the default site (content/) with its catalog ({listed['default']} models), with "
          f"{listed['300']} models from Benchmarks/make_catalog.py, and with those but no `models:` in site.yaml; "
          f"builds: median of {runs} alternating runs; rebuild of en/guide/quickstart.md: median of {rebuild_runs}\n")
    print(f"| measurement | {' | '.join(heads)} | ratio {heads[1]} / {heads[0]} |")
    print("| --- | --- | --- | --- | --- |")
    for label, index, unit in (("full build, wall", 0, "s"), ("full build, CPU", 1, "s"),
                               ("full build, peak RSS", 2, "MiB")):
        values = [median(name, index) for name in names]
        number = "{:.0f}" if unit == "MiB" else "{:.3f}"
        cells = " | ".join(f"{number.format(value)} {unit}" for value in values)
        print(f"| {label} | {cells} | {values[1] / values[0]:.2f} × |")
    cells = " | ".join("{}, {}".format(*counts(name)) for name in names)
    print(f"| pages (HTML), files written | {cells} | |")
    def rebuild(name):
        made = inner[name]
        return f"{made['rebuildSeconds'] * 1000:.1f} ms ({made['rebuildRendered']} rendered, {made['rebuildLaidOut']} laid out)"
    print(f"| one-page rebuild (serve's path) | {' | '.join(rebuild(name) for name in names)} | "
          f"{inner['300']['rebuildSeconds'] / inner['default']['rebuildSeconds']:.2f} × |")
    cells = " | ".join(f"{inner[name]['fullBuildSeconds']:.3f} s" for name in names)
    print(f"| in-memory full build | {cells} | "
          f"{inner['300']['fullBuildSeconds'] / inner['default']['fullBuildSeconds']:.2f} × |")


def models_in(catalog):
    """How many models a catalog lists (its `  - id:` items after `models:`)."""
    lines = catalog.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("models:"))
    return sum(1 for line in lines[start + 1:] if line.startswith("  - id:"))


if __name__ == "__main__":
    main()
