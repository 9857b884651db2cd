#!/usr/bin/env python3
"""site-yaml.py GEN_CORPUS.py CONTENT_DIR

Writes CONTENT_DIR/site.yaml for a corpus made by the synthetic generator: the products and
tags are the generator's own AREAS and TAGS lists, so every article's front matter is declared.
"""
import importlib.util
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gen_path, content = sys.argv[1], sys.argv[2]
    spec = importlib.util.spec_from_file_location("gen_corpus", gen_path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    lines = [
        "title:",
        "  en: Bench Help",
        "  zh: 基准帮助",
        "base_url: https://bench.example/",
        "default_language: en",
        "languages:",
        "  - code: en",
        "    label: English",
        "  - code: zh",
        "    label: 中文",
        "products:",
    ]
    for key, en, zh in gen.AREAS:
        lines.append(f"  {key}: {{en: {en}, zh: {zh}}}")
    lines.append("tags:")
    for tag in sorted(gen.TAGS):
        lines.append(f"  {tag}: {{en: {tag}, zh: {tag}}}")
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
