"""Check corpus and gold records: `python3 data/validate_corpus.py [WRITER_DIR_OR_FILE ...]`;
`python3 data/validate_corpus.py --stats` prints the corpus counts.

Runs before the package is installed: loads src/orgstruct/corpus.py by path.
"""

import importlib.util
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_corpus", DATA.parent / "src/orgstruct/corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules["_corpus"] = corpus
_spec.loader.exec_module(corpus)


def _texts() -> dict[str, str]:
    texts = {}
    for path in corpus.corpus_files(DATA):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            texts[raw["doc_id"]] = raw["text"]
        except Exception:  # reported by the document check
            pass
    seed = DATA.parent / "seeds"
    for path in seed.glob("*.txt"):
        texts["seed-" + path.stem] = path.read_text(encoding="utf-8")
    return texts


def main(args: list[str]) -> int:
    registry = corpus.load_group_registry(DATA)
    if args == ["--stats"]:
        docs = corpus.load_corpus(DATA)
        stats = corpus.corpus_stats(docs, registry)
        stats["agreement_with_second_annotator"] = corpus.agreement(docs, corpus.load_second_labels(DATA))
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return 0
    targets = [Path(a) for a in args] or [DATA / "corpus", DATA / "gold"]
    files = []
    for t in targets:
        files.extend(sorted(t.rglob("*.json")) if t.is_dir() else [t])
    texts = _texts()
    problems, n = [], 0
    for path in files:
        n += 1
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{path}: unreadable JSON ({exc})")
            continue
        if path.resolve().parent.name.startswith("gold"):
            text = texts.get(raw.get("doc_id", ""), "")
            if not text:
                problems.append(f"{path}: no corpus document {raw.get('doc_id')!r}")
                continue
            problems.extend(corpus.check_gold(raw, text, str(path)))
        else:
            problems.extend(corpus.check_document(raw, registry, str(path)))
    for p in problems:
        print(p)
    print(f"{n} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
