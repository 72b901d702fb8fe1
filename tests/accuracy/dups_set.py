"""dups_set.py ECB_TAR dev|test -- writes to stdout the near-duplicate set
score_dups scores: the ECB+ articles of the split's topics (dev: 2 5 12
18 21 23 34 35; test: 36-45), each its own story, however close its topic
(different reports of one event are not copies), and for each article two
syndicated copies made the way agencies and sites rewrite a wire story: a
dateline put in front and a closing line added, and a headline in front
with the last paragraph (a sixth of the sentences at least) cut. Copies
share their article's story. ECB+ holds copies of its own (one wire story
on two sites): articles whose sets of three-word shingles have a Jaccard
similarity of 0.8 or more, computed exactly here, are one story too."""
import io
import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict

DEV = {2, 5, 12, 18, 21, 23, 34, 35}
TEST = set(range(36, 46))
DATELINES = ["WASHINGTON (AP) — ", "LONDON (Reuters) - ", "NEW YORK, March 3 (AFP) - "]
CLOSERS = ["Reporting by staff; editing by the desk.", "Copyright 2024 The Associated Press. All rights reserved."]


def sentences(xml):
    sents = defaultdict(list)
    for t in ET.fromstring(xml).iter("token"):
        sents[int(t.get("sentence"))].append(t.text or "")
    out = []
    for k in sorted(sents):
        s = " ".join(sents[k])
        s = re.sub(r" ([,.;:!?%)'])", r"\1", s).replace("( ", "(")
        out.append(s)
    return out


def shingles(text):
    w = re.findall(r"[a-z0-9\x80-\U0010ffff]+", text.lower())
    return set(zip(w, w[1:], w[2:]))


def stories(docs):
    """Union of the articles whose shingle sets are 0.8 alike or more."""
    parent = list(range(len(docs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sh = [shingles(t) for _, t in docs]
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = sh[i], sh[j]
            if a and b and len(a & b) >= 0.8 * len(a | b):
                parent[find(j)] = find(i)
    return [docs[find(i)][0] for i in range(len(docs))]


def main():
    tar, split = sys.argv[1], sys.argv[2]
    topics = DEV if split == "dev" else TEST
    with tarfile.open(tar) as tf:
        members = sorted(
            (m for m in tf.getmembers() if m.name.endswith(".xml")), key=lambda m: m.name
        )
        docs = []
        for m in members:
            name = m.name.rsplit("/", 1)[-1]
            if int(name.split("_")[0]) not in topics:
                continue
            sents = sentences(tf.extractfile(m).read())
            if len(sents) >= 3:
                docs.append((name[:-4], sents))
    story = stories([(name, " ".join(sents[1:])) for name, sents in docs])
    for n, (name, sents) in enumerate(docs):
        body = sents[1:]  # the first "sentence" is often a headline or an address
        text = " ".join(body)
        print(json.dumps({"id": name, "story": story[n], "text": text}))
        cut = max(1, len(body) // 6)
        copies = [
            DATELINES[n % 3] + text + "\n\n" + CLOSERS[n % 2],
            sents[0].upper() + "\n\n" + " ".join(body[:-cut]),
        ]
        for k, c in enumerate(copies):
            print(json.dumps({"id": "%s-copy%d" % (name, k), "story": story[n], "text": c}))

main()
