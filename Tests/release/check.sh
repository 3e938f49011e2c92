#!/usr/bin/env bash
# The release binary as operators deploy it (`make release-check`, run by `make test`): linked with the
# Swift runtime and Foundation statically, it must need no library of the Swift toolchain, and it must
# build, print and serve exactly what the debug binary that every other test runs does.
#
# usage: Tests/release/check.sh RELEASE_BINARY DEBUG_BINARY
set -euo pipefail
release=$1
debug=$2
work=$(mktemp -d)
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CACHE_HOME="$work/cache"

if ldd "$release" | grep -i swift; then
    echo "release-check: $release needs the Swift toolchain's libraries (above); it must be built with --static-swift-stdlib" >&2
    exit 1
fi

"$release" build --content content --out "$work/site-release" >/dev/null 2>&1
"$debug" build --content content --out "$work/site-debug" >/dev/null 2>&1
diff -r "$work/site-release" "$work/site-debug"

key='sk-'"'"'"$(id)\x`</'  # quotes, a command substitution, a backslash, a backtick, a tag's start
same() {
    "$release" "$@" --key "$key" >"$work/release.out"
    "$debug" "$@" --key "$key" >"$work/debug.out"
    cmp "$work/release.out" "$work/debug.out"
}
same snippets --model claude-sonnet-4-20250514 --format json
same snippets --model gemini-3-pro-preview --format json
same setup --client claude-code --model claude-sonnet-4-20250514 --format json
same setup --client codex-cli --format json

serve() {  # binary port: serves content/ in the background and waits until /healthz answers
    "$1" serve --no-watch --content content --port "$2" >"$work/serve-$2.log" 2>&1 &
    servers+=($!)
    for _ in $(seq 100); do
        curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "release-check: $1 serve did not answer on port $2:" >&2
    cat "$work/serve-$2.log" >&2
    exit 1
}
serve "$release" 18931
serve "$debug" 18932
for path in "/api/v1/snippets?model=gpt-4o&lang=python&recipe=tools" \
    "/api/v1/setup?client=claude-code&model=claude-sonnet-4-20250514" "/api/v1/catalog" "/index.html"; do
    for port in 18931 18932; do
        curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$port$path" >"$work/answer-$port"
    done
    cmp "$work/answer-18931" "$work/answer-18932"
done
if grep -F -e "$key" -e 'sk-' "$work"/serve-*.log; then
    echo "release-check: a key reached the server's log (above)" >&2
    exit 1
fi

echo "release-check: $release needs no Swift toolchain library, and builds the same site, prints the same snippets" \
    "and set-ups, and serves the same answers as $debug"
