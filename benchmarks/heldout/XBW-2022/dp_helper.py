"""Write a datapackage.json skeleton for a held-out fictional profile (schemas are added by `mgi package`)."""
import hashlib, json, sys
from pathlib import Path

def make(folder, meta, title, description, homepage):
    folder = Path(folder)
    txt = folder / meta["source_file"]
    sha = hashlib.sha256(txt.read_bytes()).hexdigest()
    meta = dict(meta, source_sha256=sha)
    res = []
    base = json.load(open("/work/main/tests/profiles/XEX-2022/datapackage.json"))
    for r in base["resources"]:
        r = {k: v for k, v in r.items() if k != "schema"}
        if r["name"] == "source-text":
            r["path"] = meta["source_file"]
            r["hash"] = "sha256:" + sha
            r["description"] = "Fictional source text (written, not converted); every evidence quote is checked against it."
        res.append(r)
    absent = meta.get("absent_tables") or {}
    res = [r for r in res if r["name"] not in absent]
    dp = {
        "name": "mgi-" + meta["profile_id"].lower(),
        "title": title,
        "description": description,
        "version": "1.0.0",
        "licenses": [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
                      "title": "Fictional test data: CC0 1.0 Universal public domain dedication"}],
        "sources": [{"title": meta["citation"], "path": homepage}],
        "contributors": [{"title": "mgi-profiles contributors (held-out profile writer)", "role": "author"}],
        "mgi": meta,
        "resources": res,
    }
    out = folder / "datapackage.json"
    if out.exists():  # keep schemas written by `mgi package`
        old = json.load(open(out))
        schemas = {r["name"]: r.get("schema") for r in old.get("resources", [])}
        for r in dp["resources"]:
            if schemas.get(r["name"]):
                r["schema"] = schemas[r["name"]]
    json.dump(dp, open(out, "w"), ensure_ascii=False, indent=2)
    open(out, "a").write("\n")
    print("wrote", out, sha)
