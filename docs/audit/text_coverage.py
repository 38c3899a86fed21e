#!/usr/bin/python3
"""Text-coverage audit of the paper against the shipped paper data (issue 14, item 1).

Splits the body of the survey (abstract to conclusion, without the tables, figure captions
and references) into sentences, finds for each sentence the paper sources whose verbatim
``vkg:quote`` covers it, and reports

* sentences no quote covers (or covers only in part), and
* sentences covered only by sources whose named graph holds no structured fact (a graph
  absent, empty, or holding nothing but labels and comments),

each with the class the auditor gave it in ``residuals.tsv`` (next to this script). A leftover
that ``residuals.tsv`` does not classify, or a classification that no longer matches a
leftover, makes the script exit with status 1, so the residual list in docs/fidelity.md cannot
silently drift from the data.

Run from the repository root (python3 with rdflib 6 or newer):

    /usr/bin/python3 docs/audit/text_coverage.py            # summary and leftovers
    /usr/bin/python3 docs/audit/text_coverage.py --all      # every sentence with its sources
    /usr/bin/python3 docs/audit/text_coverage.py --sample 20 --seed 14   # facts to spot-check
    /usr/bin/python3 docs/audit/text_coverage.py --facts     # every structured source, quote and facts
    /usr/bin/python3 docs/audit/text_coverage.py --markdown  # the residual table of docs/fidelity.md

The paper is read from ../shared/seed/ (the repository's sibling directory) unless
``--paper`` names it.
"""

import argparse
import csv
import random
import re
import sys
from pathlib import Path

from rdflib import Dataset, Namespace, URIRef
from rdflib.namespace import RDFS

VKG = Namespace("https://w3id.org/virtkg/ontology#")
PAPER_SOURCES = URIRef("https://w3id.org/virtkg/source/paper")
PAPER_PREFIX = "https://w3id.org/virtkg/source/paper/"
DATA_FILES = ["paper-table1.trig", "paper-table2.trig", "paper-text.trig",
              "paper-opensource.trig", "sources.trig", "outside.trig"]
NOT_FACTS = {RDFS.label, RDFS.comment}

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def normalise(s):
    """The whitespace normalisation ProvenanceTest applies to the paper and to every quote."""
    return re.sub(r"\s+", " ", s).strip()


# --- the paper: lines, sections, sentences --------------------------------------------------

HEADING = re.compile(r"^(\d\.\s+[A-Z][A-Za-z ]+|CONCLUSION AND FUTURE WORK|Abstract|References)$")
CAPTION = re.compile(r"^(Figure|Table) \d+\s*:")


def section_of(line):
    """The section a line starts, as the data's vkg:section spells it, or None."""
    if line == "Abstract":
        return "abstract"
    if line.startswith("Keywords:"):
        return "keywords"
    m = re.match(r"^(\d)\. (Introduction|HYPERVISORS|OPEN SOURCE CLOUD ARCHITECTURES)$", line)
    if m:
        return m.group(1)
    m = re.match(r"^(2\.[12]) ", line)
    if m:
        return m.group(1)
    if line == "CONCLUSION AND FUTURE WORK":
        return "4"
    if line.startswith("Table 2:"):
        return "table2"
    if line.startswith("Table 1:"):
        return "table1"
    if line == "References":
        return "references"
    return None


def paragraphs(text):
    """The body's prose paragraphs as (section, text), joining a sentence a page break split."""
    section, out = None, []
    lines = [l.strip() for l in text.splitlines()]
    for line in lines:
        if not line:
            continue
        s = section_of(line)
        if s:
            section = s
            if s in ("abstract", "references") or HEADING.match(line):
                continue
            if s in ("table1", "table2", "keywords"):
                continue
            # "2.1 Container Based ...:" and "2.2 Discussion On VMM:" open with prose: keep it.
        if section in (None, "references", "keywords"):
            continue
        if section in ("table1", "table2"):
            continue  # the tables' cells are TableFidelityTest's
        if CAPTION.match(line):
            continue
        # A page break inside a sentence: the previous line has no end punctuation and this
        # one goes on in lower case.
        if out and out[-1][0] == section and not re.search(r"[.:!?]\s*$", out[-1][1]) and re.match(r"^[a-z]", line):
            out[-1] = (section, out[-1][1] + " " + line)
        else:
            out.append((section, line))
    return out


NO_SPLIT_AFTER = re.compile(r"(\bviz|\bi\.e|\be\.g|\bvs|\[[A-Z]|\b[A-Z]\. ?[A-Z]|^[A-Z])\.$")
LIST_MARKER = re.compile(r"^(-\s+)?(\(?[a-z0-9]{1,2}[.)]\s+|\d\s+)?")


def sentences(paragraph):
    """Splits a paragraph after . ! ? before a capital (with or without a space), and after a
    citation bracket glued to the next sentence ("[Zhang et al (2010)]Virtualization")."""
    text = normalise(paragraph)
    cuts, start = [], 0
    for m in re.finditer(r"([.!?])\s*(?=[A-Z“\"(])|(?<=\(\d{4}\))\]\s?(?=[A-Z][a-z])", text):
        end = m.end()
        head = text[start:m.start() + 1]
        if m.group(0).startswith(".") and NO_SPLIT_AFTER.search(head):
            continue
        if m.group(0).startswith(".") and re.search(r"\d\.$", head) and re.match(r"\d", text[end:end + 1] or " "):
            continue
        piece = text[start:end].strip()
        if piece:
            cuts.append(piece)
        start = end
    if text[start:].strip():
        cuts.append(text[start:].strip())
    # "1. KVM [..]: KVM is ..." starts with a list number that the split leaves alone: drop it.
    merged = []
    for c in cuts:
        if merged and re.fullmatch(r"(-\s*)?\(?\d{1,2}[.)]?", merged[-1]):
            merged[-1] = c
        else:
            merged.append(c)
    return merged


def letters(s):
    """What coverage is measured on: letters and digits outside citation brackets."""
    s = re.sub(r"\[[^\]]*\]", "", s)
    return sum(ch.isalnum() for ch in s)


# --- the data --------------------------------------------------------------------------------

def load(data_dir):
    ds = Dataset()
    for f in DATA_FILES:
        ds.parse(str(data_dir / f), format="trig")
    desc = ds.graph(PAPER_SOURCES)
    quotes = {}
    for s, _, q in desc.triples((None, VKG.quote, None)):
        quotes.setdefault(s, []).append(str(q))
    sections = {s: str(v) for s, _, v in desc.triples((None, VKG.section, None))}
    facts = {}
    for s in quotes:
        g = ds.graph(s)
        facts[s] = sum(1 for t in g if t[1] not in NOT_FACTS)
    return ds, desc, quotes, sections, facts


# --- the audit -------------------------------------------------------------------------------

def audit(paper_text, quotes, sections, facts):
    norm_paper = normalise(paper_text)
    paras = paragraphs(paper_text)
    # Locate each sentence in the normalised paper, in reading order.
    rows, cursor = [], 0
    for section, p in paras:
        for sent in sentences(p):
            core = LIST_MARKER.sub("", sent, count=1)
            pos = norm_paper.find(sent, cursor)
            if pos < 0:
                pos = norm_paper.find(sent)
            if pos < 0:
                raise SystemExit("cannot locate sentence: " + sent)
            cursor = pos + len(sent)
            rows.append({"section": section, "text": sent, "core": core, "start": pos, "end": pos + len(sent)})
    # Where each quote occurs; a quote found more than once counts only in its own section,
    # and if still ambiguous, at every occurrence in that section (reported).
    sec_of_pos = []
    for r in rows:
        sec_of_pos.append((r["start"], r["end"], r["section"]))

    def section_at(pos):
        for a, b, s in sec_of_pos:
            if a <= pos < b:
                return s
        return None

    spans, ambiguous = [], []
    for src, qs in quotes.items():
        for q in qs:
            nq = normalise(q)
            occ = [m.start() for m in re.finditer(re.escape(nq), norm_paper)]
            if not occ:
                continue  # ProvenanceTest reports it
            if len(occ) > 1:
                own = [o for o in occ if section_at(o) == sections.get(src)]
                occ = own or occ
                if len(occ) > 1:
                    ambiguous.append((str(src), nq))
            for o in occ:
                spans.append((o, o + len(nq), src))
    for r in rows:
        covered = [False] * (r["end"] - r["start"])
        srcs = set()
        for a, b, src in spans:
            lo, hi = max(a, r["start"]), min(b, r["end"])
            if lo < hi:
                overlap = norm_paper[lo:hi]
                if letters(overlap) >= min(12, letters(r["text"])):
                    srcs.add(src)
                    for i in range(lo, hi):
                        covered[i - r["start"]] = True
        uncovered = "".join(ch if not covered[i] else " " for i, ch in enumerate(norm_paper[r["start"]:r["end"]]))
        total = letters(r["text"])
        miss = letters(uncovered)
        r["sources"] = sorted(srcs, key=str)
        r["uncovered"] = normalise(uncovered)
        if total == 0 or miss == 0 or miss <= 0.05 * total:
            r["coverage"] = "full"
        elif miss < total:
            r["coverage"] = "partial"
        else:
            r["coverage"] = "none"
        r["structured"] = any(facts.get(s, 0) > 0 for s in srcs)
    return rows, ambiguous


# What a quote may leave out of a sentence: the run-in heading of a list item or paragraph
# ("- Workspace service:", "2.2 Discussion On VMM:"), which states nothing.
RUN_IN_HEADING = re.compile(r"^(-\s*)?(\(?[a-z0-9.]{1,4}\)?\s+)?[A-Z][\w ./()-]{0,60}\s?:$")


def leftovers(rows):
    out = []
    for r in rows:
        rest = normalise(re.sub(r"\[[^\]]*\]|\s*As shown in figure \d+,$", "", r["uncovered"]))
        if r["coverage"] == "none":
            out.append(("uncovered", r))
        elif r["coverage"] == "partial" and letters(r["uncovered"]) >= 15 and not RUN_IN_HEADING.match(rest):
            out.append(("partly covered", r))
        elif not r["structured"]:
            out.append(("quote only", r))
    return out


def read_residuals(path):
    """residuals.tsv: key (a fragment of the sentence), class, reason. '#' lines are comments."""
    res = []
    if not path.exists():
        return res
    with open(path, encoding="utf-8") as f:
        for row in csv.reader((l for l in f if l.strip() and not l.startswith("#")), delimiter="\t"):
            res.append({"key": row[0], "class": row[1], "reason": row[2] if len(row) > 2 else ""})
    return res


def short(iri):
    return str(iri).replace(PAPER_PREFIX, "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paper", default=str(REPO.parent / "shared" / "seed" / "000_8acc286fdce5b68f.txt"))
    ap.add_argument("--data", default=str(REPO / "data"))
    ap.add_argument("--residuals", default=str(HERE / "residuals.tsv"))
    ap.add_argument("--all", action="store_true", help="list every sentence with its covering sources")
    ap.add_argument("--sample", type=int, default=0, help="print N random structured sources with their facts")
    ap.add_argument("--facts", action="store_true", help="print every structured source: its quote and the facts of its graph, to read one against the other")
    ap.add_argument("--markdown", action="store_true", help="print the classified leftovers as the table of docs/fidelity.md")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()

    paper_text = Path(args.paper).read_text(encoding="utf-8")
    ds, desc, quotes, sections, facts = load(Path(args.data))
    rows, ambiguous = audit(paper_text, quotes, sections, facts)

    if args.sample or args.facts:
        structured = sorted((s for s in quotes if facts[s] > 0), key=str)
        chosen = random.Random(args.seed).sample(structured, args.sample) if args.sample else structured
        for s in chosen:
            print("==", short(s))
            for q in quotes[s]:
                print("   quote:", q)
            for t in sorted(ds.graph(s), key=lambda t: (str(t[0]), str(t[1]))):
                if t[1] not in NOT_FACTS:
                    print("   ", *(ds.namespace_manager.normalizeUri(x) if isinstance(x, URIRef) else repr(str(x)) for x in t))
        return 0

    if args.all:
        for r in rows:
            print(f"[{r['section']}] {r['coverage']:7} {'S' if r['structured'] else '-'} {r['text']}")
            for s in r["sources"]:
                print(f"        {short(s)} ({facts.get(s, 0)} facts)")

    left = leftovers(rows)
    residuals = read_residuals(Path(args.residuals))
    used, unclassified, classified = set(), [], []
    for kind, r in left:
        match = [i for i, x in enumerate(residuals) if x["key"] in r["text"]]
        if match:
            used.update(match)
            classified.append((kind, r, residuals[match[0]]))
        else:
            unclassified.append((kind, r))
    stale = [residuals[i] for i in range(len(residuals)) if i not in used]

    if args.markdown:
        print("| # | Section | Kind | Sentence | Class | Why not structured |")
        print("|---|---|---|---|---|---|")
        for i, (kind, r, c) in enumerate(classified, 1):
            text = r["text"] if len(r["text"]) <= 110 else r["text"][:107] + "..."
            cell = lambda x: x.replace("|", "\\|")
            print(f"| {i} | {r['section']} | {kind} | {cell(text)} | {c['class']} | {cell(c['reason'])} |")
        return 1 if unclassified or stale else 0

    n = len(rows)
    counts = {k: sum(1 for r in rows if r["coverage"] == k) for k in ("full", "partial", "none")}
    print(f"sentences in the body: {n}")
    print(f"  covered by a quote: {counts['full']} fully, {counts['partial']} partly; not covered: {counts['none']}")
    print(f"  covered by a source with structured facts: {sum(1 for r in rows if r['structured'])}")
    print(f"paper sources with a quote: {len(quotes)}; with structured facts: {sum(1 for s in quotes if facts[s] > 0)}")
    print(f"leftovers: {len(left)} (uncovered {sum(1 for k, _ in left if k == 'uncovered')}, "
          f"partly covered {sum(1 for k, _ in left if k == 'partly covered')}, "
          f"quote only {sum(1 for k, _ in left if k == 'quote only')})")
    by_class = {}
    for _, _, c in classified:
        by_class[c["class"]] = by_class.get(c["class"], 0) + 1
    print("  classified:", ", ".join(f"{k} {v}" for k, v in sorted(by_class.items())) or "none")
    if ambiguous:
        print("quotes found more than once in their own section (counted at each):")
        for s, q in ambiguous:
            print(f"  {short(s)}: {q}")
    for kind, r, c in classified:
        print(f"\n[{r['section']}] {kind} -> {c['class']}: {r['text']}")
        if kind == "partly covered":
            print(f"    not covered: {r['uncovered']}")
        for s in r["sources"]:
            print(f"    source {short(s)} ({facts.get(s, 0)} facts)")
        print(f"    reason: {c['reason']}")
    for kind, r in unclassified:
        print(f"\nUNCLASSIFIED [{r['section']}] {kind}: {r['text']}")
        if kind == "partly covered":
            print(f"    not covered: {r['uncovered']}")
        for s in r["sources"]:
            print(f"    source {short(s)} ({facts.get(s, 0)} facts)")
    for c in stale:
        print(f"\nSTALE residual (matches no leftover): {c['key']}")
    return 1 if unclassified or stale else 0


if __name__ == "__main__":
    sys.exit(main())
