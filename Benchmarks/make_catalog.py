#!/usr/bin/env python3
"""A big catalog for the build benchmark: the default catalog with generated models appended, the
same bytes for the same arguments.

usage: make_catalog.py CATALOG OUT [MODELS]      (default: 300 models in all)

The models added are copies of the default catalog's own models (so their protocols, features and
reasoning stay valid), renamed: ids with `.`, `@`, `:` and `/` as relays list them, spread over
more vendors; models that only the OpenAI-compatible protocol serves get vendors of their own.
"""
import re
import sys

EXTRA_VENDORS = ["Qwen", "Mistral", "Meta", "Moonshot", "Zhipu", "xAI", "MiniMax", "Baidu", "Tencent", "Cohere"]
SUFFIXES = ["", ":free", "@2025-06-01", "-latest", ".1", "-preview"]


def models_of(text):
    """The `- id:` items of the `models:` section: (first line index, lines)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("models:"))
    items, current = [], None
    for line in lines[start + 1:]:
        if line.startswith("  - id:"):
            current = [line]
            items.append(current)
        elif current is not None and line.startswith("    "):
            current.append(line)
        elif line.strip() and not line.startswith("#") and not line.startswith(" "):
            break
    return items


def main():
    source, out = sys.argv[1], sys.argv[2]
    total = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    text = open(source, encoding="utf-8").read()
    archetypes = [item for item in models_of(text) if not any("ids:" in line for line in item)]
    count = total - len(models_of(text))
    added = []
    for number in range(count):
        item = archetypes[number % len(archetypes)]
        base = re.match(r"  - id: (.*)", item[0]).group(1).strip()
        only_compatible = any(re.match(r"    protocols: \[openai-chat\]$", line) for line in item)
        vendor = EXTRA_VENDORS[number % len(EXTRA_VENDORS)] if only_compatible else None
        prefix = f"{vendor.lower()}/{base}" if vendor else base
        new_id = f"{prefix}-b{number:03d}{SUFFIXES[number % len(SUFFIXES)]}"
        lines = [f"  - id: {new_id}"]
        for line in item[1:]:
            if line.startswith("    name:"):
                line = f"    name: {line.split(':', 1)[1].strip()} build {number:03d}"
            elif line.startswith("    vendor:") and vendor:
                line = f"    vendor: {vendor}"
            lines.append(line)
        added.append("\n".join(lines))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text.rstrip("\n") + "\n" + "\n".join(added) + "\n")


if __name__ == "__main__":
    main()
