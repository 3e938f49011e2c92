#!/usr/bin/env python3
"""The build benchmarks' corpus: a synthetic docs site, the same bytes for the same seed.

usage: make_corpus.py OUTDIR [PAGES] [SEED]      (defaults: 2000 pages, seed 7)

Pages are spread over 20 folders (section00/page00000.md ...). Each has YAML front matter (title,
weight), a title heading, then three to six sections, each with one to three paragraphs of prose
(some words in bold or code), and by chance a list of three links to other pages of the corpus,
a fenced code block (python, bash or swift) and a blockquote note. Every link points at a page
that exists, so a build that checks links has nothing to report.

Each page draws from generators seeded with the seed and its own number (its link targets from a
second one), so a page is the same text in corpora of any size but for where its links point: the
2,000- and the 20,000-page corpus share page 7, and the benchmark compares its HTML in both sites.
"""
import os
import random
import sys

SECTIONS = 20

VOCABULARY = """
relay endpoint origin gateway upstream route header bearer token quota usage billing region
model prompt key reply stream event chunk retry timeout latency socket client console
sdk python curl swift schema payload version anthropic openai gemini json cache budget
""".split()

CODE = {
    "python": (
        "import os\n"
        "from anthropic import Anthropic\n"
        "\n"
        'client = Anthropic(base_url="https://relay.example.net/anthropic", api_key=os.environ["RELAY_KEY"])\n'
        "message = client.messages.create(\n"
        '    model="claude-sonnet-4-20250514", max_tokens=256,\n'
        '    messages=[{"role": "user", "content": "Say hello"}],\n'
        ")\n"
        "print(message.content[0].text)\n"
    ),
    "bash": (
        "curl https://relay.example.net/v1/chat/completions \\\n"
        '  -H "Authorization: Bearer $RELAY_KEY" \\\n'
        "  -H 'Content-Type: application/json' \\\n"
        "  -d '{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Say hello\"}]}'\n"
    ),
    "swift": (
        "import Foundation\n"
        "\n"
        'var request = URLRequest(url: URL(string: "https://relay.example.net/v1/models")!)\n'
        'request.setValue("Bearer \\(key)", forHTTPHeaderField: "Authorization")\n'
        "let (body, _) = try await URLSession.shared.data(for: request)\n"
        "print(String(decoding: body, as: UTF8.self))\n"
    ),
}


def page_path(number):
    """A page's path inside the corpus."""
    return f"section{number % SECTIONS:02d}/page{number:05d}.md"


class Writer:
    """Draws every choice of a page from generators seeded with the seed and the page's number."""

    def __init__(self, pages, seed):
        self.pages = pages
        self.seed = seed
        self.random = random.Random(seed)
        self.targets = random.Random(seed)

    def start(self, number):
        self.random = random.Random(f"{self.seed}-{number}")
        self.targets = random.Random(f"{self.seed}-{number}-links")

    def word(self):
        return self.random.choice(VOCABULARY)

    def sentence(self):
        words = [self.word() for _ in range(self.random.randint(8, 20))]
        for marker in ("**", "`"):
            if self.random.random() < 0.3:
                spot = self.random.randrange(len(words))
                words[spot] = f"{marker}{self.word()}{marker}"
        return " ".join(words).capitalize() + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 5))) + "\n"

    def link_list(self):
        items = []
        for other in self.targets.sample(range(self.pages), 3):
            items.append(f"- {self.sentence()} See [page {other}](../{page_path(other)}).")
        return "\n".join(items) + "\n"

    def page(self, number):
        self.start(number)
        blocks = [f'---\ntitle: "Page {number}"\nweight: {number}\n---\n', f"# Page {number}\n"]
        for index in range(self.random.randint(3, 6)):
            blocks.append(f"## {self.word().capitalize()} {index}\n")
            blocks.extend(self.paragraph() for _ in range(self.random.randint(1, 3)))
            if self.random.random() < 0.5:
                blocks.append(self.link_list())
            if self.random.random() < 0.6:
                language = self.random.choice(sorted(CODE))
                blocks.append(f"```{language}\n{CODE[language]}```\n")
            if self.random.random() < 0.2:
                blocks.append(f"> **Note** {self.sentence()}\n")
        return "\n".join(blocks)


def main(arguments):
    if not 1 <= len(arguments) <= 3:
        sys.exit(__doc__.strip().splitlines()[2])
    out = arguments[0]
    pages = int(arguments[1]) if len(arguments) > 1 else 2000
    seed = int(arguments[2]) if len(arguments) > 2 else 7
    writer = Writer(pages, seed)
    for number in range(pages):
        path = os.path.join(out, page_path(number))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(writer.page(number))


if __name__ == "__main__":
    main(sys.argv[1:])
