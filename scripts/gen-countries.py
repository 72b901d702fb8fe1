#!/usr/bin/env python3
"""gen-countries.py -- writes data/dict/countries.actors: one actor block per
ISO 3166-1 country (CAMEO country codes are ISO alpha-3), from Debian's
iso-codes (name, common_name, official_name) plus the project's own short
names, demonyms and capitals (EXTRA below). Non-ISO entities and regions are
in data/dict/countries-extra.actors, written by hand.

Usage: python3 scripts/gen-countries.py [iso_3166-1.json] > data/dict/countries.actors
"""
import json
import os
import re
import sys
import unicodedata

SRC = "/usr/share/iso-codes/json/iso_3166-1.json"

# Phrases are written in the dictionary notation: words joined by '_'; a
# final '_' makes the last word exact, no final '_' makes it a stem (it then
# matches any word beginning with it: ISRAELI matches ISRAELIS). Demonyms
# are stems when no other country's word starts with them; short or
# ambiguous words are exact.
EXTRA = {
    "AFG": "AFGHAN KABUL_",
    "AGO": "ANGOLAN LUANDA_",
    "ALB": "ALBANIAN TIRANA_",
    "AND": "ANDORRAN",
    "ARE": "UAE_ U.A.E._ EMIRATES_ EMIRATI EMIRATIS_ ABU_DHABI_",
    "ARG": "ARGENTINE ARGENTINIAN BUENOS_AIRES_",
    "ARM": "ARMENIAN YEREVAN_",
    "ATG": "ANTIGUAN",
    "AUS": "AUSTRALIAN CANBERRA_",
    "AUT": "AUSTRIAN VIENNA_",
    "AZE": "AZERBAIJANI AZERI_ AZERIS_ BAKU_",
    "BDI": "BURUNDIAN BUJUMBURA_ GITEGA_",
    "BEL": "BELGIAN",
    "BEN": "BENINESE BENINOIS_ PORTO-NOVO_ COTONOU_",
    "BES": "BONAIRE_ SINT_EUSTATIUS_ SABA_ CARIBBEAN_NETHERLANDS_",
    "BFA": "BURKINABE OUAGADOUGOU_",
    "BGD": "BANGLADESHI DHAKA_",
    "BGR": "BULGARIAN",
    "BHR": "BAHRAINI MANAMA_",
    "BHS": "BAHAMIAN THE_BAHAMAS_",
    "BIH": "BOSNIA_ BOSNIAN SARAJEVO_",
    "BLR": "BELARUSIAN BELARUSSIAN MINSK_ BELORUSSIA_",
    "BLZ": "BELIZEAN",
    "BOL": "BOLIVIAN LA_PAZ_",
    "BRA": "BRAZILIAN BRASILIA_ BRASÍLIA_",
    "BRB": "BARBADIAN BAJAN_",
    "BRN": "BRUNEI_ BRUNEIAN",
    "BTN": "BHUTANESE THIMPHU_",
    "BWA": "BOTSWANAN MOTSWANA_ BATSWANA_ GABORONE_",
    "CAF": "CAR_ BANGUI_",
    "CAN": "CANADIAN OTTAWA_",
    "CHE": "SWISS_ BERN_ BERNE_",
    "CHL": "CHILEAN SANTIAGO_",
    "CHN": "CHINESE_ PRC_ P.R.C._ BEIJING_ PEKING_ MAINLAND_CHINA_",
    "CIV": "COTE_D'IVOIRE_ COTE_D_IVOIRE_ IVORY_COAST_ IVORIAN ABIDJAN_ YAMOUSSOUKRO_",
    "CMR": "CAMEROONIAN YAOUNDE_ YAOUNDÉ_",
    "COD": "DR_CONGO_ D.R._CONGO_ DRC_ DEMOCRATIC_REPUBLIC_OF_CONGO_ CONGO-KINSHASA_ KINSHASA_ CONGOLESE_",
    "COG": "REPUBLIC_OF_THE_CONGO_ CONGO-BRAZZAVILLE_ BRAZZAVILLE_",
    "COL": "COLOMBIAN BOGOTA_ BOGOTÁ_",
    "COM": "COMORAN COMORIAN",
    "CPV": "CAPE_VERDE_ CAPE_VERDEAN",
    "CRI": "COSTA_RICAN",
    "CUB": "CUBAN HAVANA_",
    "CYP": "CYPRIOT NICOSIA_",
    "CZE": "CZECH_REPUBLIC_ CZECH_ PRAGUE_",
    "DEU": "GERMAN_ GERMANS_ BERLIN_ FEDERAL_REPUBLIC_OF_GERMANY_",
    "DJI": "DJIBOUTIAN",
    "DMA": "DOMINICA_",
    "DNK": "DANISH_ DANE_ DANES_ COPENHAGEN_",
    "DOM": "DOMINICAN SANTO_DOMINGO_",
    "DZA": "ALGERIAN ALGIERS_",
    "ECU": "ECUADORIAN ECUADOREAN QUITO_",
    "EGY": "EGYPTIAN CAIRO_",
    "ERI": "ERITREAN ASMARA_",
    "ESH": "SAHRAWI SAHRAOUI",
    "ESP": "SPANISH_ SPANIARD MADRID_",
    "EST": "ESTONIAN TALLINN_",
    "ETH": "ETHIOPIAN ADDIS_ABABA_",
    "FIN": "FINNISH_ FINN_ FINNS_ HELSINKI_",
    "FJI": "FIJIAN SUVA_",
    "FRA": "FRENCH_ PARIS_ ELYSEE_ ELYSÉE_",
    "FSM": "MICRONESIA_ MICRONESIAN",
    "GAB": "GABONESE LIBREVILLE_",
    "GBR": "UK_ U.K._ BRITAIN_ GREAT_BRITAIN_ BRITISH_ BRITON_ BRITONS_ LONDON_ ENGLAND_ ENGLISH_ SCOTLAND_ SCOTTISH_ WELSH_",
    "GEO": "GEORGIA_ GEORGIAN TBILISI_",
    "GHA": "GHANAIAN ACCRA_",
    "GIN": "GUINEAN CONAKRY_ GUINEA-CONAKRY_",
    "GMB": "GAMBIAN THE_GAMBIA_ BANJUL_",
    "GNB": "BISSAU-GUINEAN",
    "GNQ": "EQUATORIAL_GUINEAN MALABO_",
    "GRC": "GREEK_ GREEKS_ ATHENS_",
    "GRD": "GRENADIAN",
    "GTM": "GUATEMALAN GUATEMALA_CITY_",
    "GUY": "GUYANESE GEORGETOWN_",
    "HND": "HONDURAN TEGUCIGALPA_",
    "HRV": "CROATIAN CROAT_ CROATS_ ZAGREB_",
    "HTI": "HAITIAN PORT-AU-PRINCE_",
    "HUN": "HUNGARIAN BUDAPEST_",
    "IDN": "INDONESIAN JAKARTA_",
    "IND": "INDIAN_ INDIANS_ NEW_DELHI_",
    "IRL": "IRISH_ DUBLIN_ REPUBLIC_OF_IRELAND_",
    "IRN": "IRANIAN TEHRAN_ TEHERAN_ PERSIA_",
    "IRQ": "IRAQI BAGHDAD_",
    "ISL": "ICELANDIC_ ICELANDER REYKJAVIK_",
    "ISR": "ISRAELI JERUSALEM_ TEL_AVIV_ JEWISH_STATE_",
    "ITA": "ITALIAN ROME_",
    "JAM": "JAMAICAN KINGSTON_",
    "JOR": "JORDANIAN AMMAN_",
    "JPN": "JAPANESE_ TOKYO_",
    "KAZ": "KAZAKH KAZAKHSTANI ASTANA_",
    "KEN": "KENYAN NAIROBI_",
    "KGZ": "KYRGYZ_ KIRGHIZ_ BISHKEK_",
    "KHM": "CAMBODIAN PHNOM_PENH_",
    "KIR": "I-KIRIBATI_",
    "KNA": "KITTITIAN",
    "KOR": "SOUTH_KOREAN SEOUL_ ROK_ R.O.K._",
    "KWT": "KUWAITI KUWAIT_CITY_",
    "LAO": "LAO_ LAOTIAN VIENTIANE_",
    "LBN": "LEBANESE BEIRUT_",
    "LBR": "LIBERIAN MONROVIA_",
    "LBY": "LIBYAN TRIPOLI_",
    "LCA": "SAINT_LUCIAN ST._LUCIA_ ST_LUCIA_",
    "LIE": "LIECHTENSTEINER",
    "LKA": "SRI_LANKAN COLOMBO_",
    "LSO": "BASOTHO_ MASERU_",
    "LTU": "LITHUANIAN VILNIUS_",
    "LUX": "LUXEMBOURGER LUXEMBOURGISH",
    "LVA": "LATVIAN RIGA_",
    "MAR": "MOROCCAN RABAT_",
    "MCO": "MONEGASQUE",
    "MDA": "MOLDOVAN CHISINAU_ CHIȘINĂU_",
    "MDG": "MALAGASY_ ANTANANARIVO_",
    "MDV": "MALDIVIAN",
    "MEX": "MEXICAN MEXICO_CITY_",
    "MHL": "MARSHALLESE",
    "MKD": "MACEDONIA_ MACEDONIAN SKOPJE_ FYROM_",
    "MLI": "MALIAN BAMAKO_",
    "MLT": "MALTESE VALLETTA_",
    "MMR": "BURMA_ BURMESE MYANMARESE NAYPYIDAW_ NAY_PYI_TAW_ YANGON_ RANGOON_",
    "MNE": "MONTENEGRIN PODGORICA_",
    "MNG": "MONGOLIAN ULAANBAATAR_ ULAN_BATOR_",
    "MOZ": "MOZAMBICAN MAPUTO_",
    "MRT": "MAURITANIAN NOUAKCHOTT_",
    "MUS": "MAURITIAN PORT_LOUIS_",
    "MWI": "MALAWIAN LILONGWE_",
    "MYS": "MALAYSIAN KUALA_LUMPUR_ PUTRAJAYA_",
    "NAM": "NAMIBIAN WINDHOEK_",
    "NER": "NIGERIEN NIAMEY_",
    "NGA": "NIGERIAN ABUJA_",
    "NIC": "NICARAGUAN MANAGUA_",
    "NLD": "DUTCH_ HOLLAND_",
    "NOR": "NORWEGIAN OSLO_",
    "NPL": "NEPALESE NEPALI_ NEPALIS_ KATHMANDU_",
    "NRU": "NAURUAN",
    "NZL": "NEW_ZEALANDER",
    "OMN": "OMANI MUSCAT_",
    "PAK": "PAKISTANI ISLAMABAD_",
    "PAN": "PANAMANIAN PANAMA_CITY_",
    "PER": "PERUVIAN LIMA_",
    "PHL": "PHILIPPINE_ FILIPINO FILIPINA MANILA_",
    "PLW": "PALAUAN",
    "PNG": "PAPUA_NEW_GUINEAN PORT_MORESBY_",
    "POL": "POLISH_ POLE_ POLES_ WARSAW_",
    "PRK": "NORTH_KOREAN PYONGYANG_ DPRK_ D.P.R.K._",
    "PRT": "PORTUGUESE_ LISBON_",
    "PRY": "PARAGUAYAN ASUNCION_ ASUNCIÓN_",
    "PSE": "PALESTINE_ PALESTINIAN PALESTINIAN_TERRITORIES_ PALESTINIAN_TERRITORY_ OCCUPIED_PALESTINIAN_TERRITORIES_ OCCUPIED_TERRITORIES_ WEST_BANK_ GAZA_ GAZA_STRIP_ GAZAN GAZA_CITY_ RAMALLAH_ EAST_JERUSALEM_",
    "QAT": "QATARI DOHA_",
    "ROU": "ROMANIAN RUMANIA_ BUCHAREST_",
    "RUS": "RUSSIA_ RUSSIAN MOSCOW_",
    "RWA": "RWANDAN KIGALI_",
    "SAU": "SAUDI_ SAUDIS_ SAUDI_ARABIAN KINGDOM_OF_SAUDI_ARABIA_ RIYADH_",
    "SDN": "SUDANESE KHARTOUM_ PORT_SUDAN_",
    "SEN": "SENEGALESE DAKAR_",
    "SGP": "SINGAPOREAN",
    "SHN": "SAINT_HELENA_ ST._HELENA_ ASCENSION_ISLAND_ TRISTAN_DA_CUNHA_",
    "SLB": "SOLOMON_ISLANDER HONIARA_",
    "SLE": "SIERRA_LEONEAN FREETOWN_",
    "SLV": "SALVADORAN SALVADOREAN SAN_SALVADOR_",
    "SMR": "SAMMARINESE",
    "SOM": "SOMALI_ SOMALIS_ SOMALIAN MOGADISHU_",
    "SRB": "SERBIAN SERB_ SERBS_ BELGRADE_",
    "SSD": "SOUTH_SUDANESE JUBA_",
    "STP": "SÃO_TOMÉ_AND_PRÍNCIPE_ SAO_TOMEAN",
    "SUR": "SURINAMESE SURINAM_ PARAMARIBO_",
    "SVK": "SLOVAK_ SLOVAKS_ SLOVAKIAN BRATISLAVA_",
    "SVN": "SLOVENIAN SLOVENE_ SLOVENES_ LJUBLJANA_",
    "SWE": "SWEDISH_ SWEDE_ SWEDES_ STOCKHOLM_",
    "SWZ": "SWAZILAND_ SWAZI_ MBABANE_",
    "SYC": "SEYCHELLOIS",
    "SYR": "SYRIAN DAMASCUS_",
    "TCD": "CHADIAN N'DJAMENA_ NDJAMENA_",
    "TGO": "TOGOLESE LOME_ LOMÉ_",
    "THA": "THAI_ THAIS_ BANGKOK_",
    "TJK": "TAJIK_ TAJIKS_ TAJIKISTANI DUSHANBE_",
    "TKM": "TURKMEN_ TURKMENISTANI ASHGABAT_",
    "TLS": "EAST_TIMOR_ TIMORESE DILI_",
    "TON": "TONGAN",
    "TTO": "TRINIDADIAN TRINIDAD_",
    "TUN": "TUNISIAN TUNIS_",
    "TUR": "TURKEY_ TURKIYE_ TURKISH_ TURK_ TURKS_ ANKARA_",
    "TUV": "TUVALUAN",
    "TWN": "TAIWANESE TAIPEI_",
    "TZA": "TANZANIAN DODOMA_ DAR_ES_SALAAM_",
    "UGA": "UGANDAN KAMPALA_",
    "UKR": "UKRAINIAN KYIV_ KIEV_",
    "URY": "URUGUAYAN MONTEVIDEO_",
    "USA": "US_ U.S._ U.S.A._ USA_ AMERICA_ AMERICAN THE_STATES_ UNITED_STATES_OF_AMERICA_ WASHINGTON_",
    "UZB": "UZBEK_ UZBEKS_ UZBEKISTANI TASHKENT_",
    "VAT": "VATICAN_ HOLY_SEE_",
    "VCT": "VINCENTIAN",
    "VEN": "VENEZUELAN CARACAS_",
    "VNM": "VIET_NAM_ VIETNAMESE_ HANOI_",
    "VUT": "NI-VANUATU_",
    "WSM": "SAMOAN",
    "YEM": "YEMENI_ YEMENIS_ YEMENITE SANAA_ SANA'A_ ADEN_",
    "ZAF": "SOUTH_AFRICAN PRETORIA_",
    "ZMB": "ZAMBIAN LUSAKA_",
    "ZWE": "ZIMBABWEAN HARARE_",
}

# Phrases never written: their words also end a longer name of another
# country ("Democratic People's Republic of Korea"), and the possessive in
# that longer name splits into two tokens.
SKIP_PHRASES = {"REPUBLIC_OF_KOREA_"}

# ISO names that would be wrong or ambiguous as phrases.
SKIP = {
    "Taiwan, Province of China", "Korea", "Congo", "Virgin Islands",
    "Bonaire, Sint Eustatius and Saba", "Saint Helena, Ascension and Tristan da Cunha",
}


def phrase(name):
    """'Viet Nam' -> 'VIET_NAM_' (the last word exact)."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if name.lower().startswith("the "):
        name = name[4:]
    words = name.replace(",", " ").split()
    return "_".join(w.upper() for w in words) + "_"


def ascii_fold(p):
    return "".join(c for c in unicodedata.normalize("NFKD", p) if not unicodedata.combining(c))


def names_of(c):
    out = []
    for key in ("common_name", "name", "official_name"):
        n = c.get(key)
        if not n or n in SKIP:
            continue
        if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
            head, tail = n.split(", ", 1)
            if head not in SKIP and key == "name" and "common_name" not in c:
                out.append(head)
            if tail not in ("U.S.", "British") and n not in SKIP:
                n = tail + " " + head
            else:
                n = ("U.S." if tail == "U.S." else tail) + " " + head
        out.append(n)
        # "Republic of X" also as "X Republic"? no: keep only real names.
    return out


def wikidata_ids():
    """ISO alpha-3 -> Wikidata id, from country-wikidata.tsv beside this script."""
    ids = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "country-wikidata.tsv")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2 or not re.fullmatch(r"[A-Z]{3}", parts[0]) or \
                    not re.fullmatch(r"Q[1-9][0-9]*", parts[1]):
                sys.exit("%s:%d: want ISO3<TAB>Q-id" % (path, n))
            ids[parts[0]] = parts[1]
    return ids


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else SRC
    with open(src, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    qids = wikidata_ids()
    print("# countries.actors -- every ISO 3166-1 country, CAMEO code = ISO alpha-3.")
    print("# GENERATED by scripts/gen-countries.py from Debian iso-codes")
    print("# (iso_3166-1.json) and the script's own table of short names, demonyms")
    print("# and capitals, and Wikidata ids from scripts/country-wikidata.tsv;")
    print("# edit those, not this file.")
    print()
    seen = set()
    for c in sorted(countries, key=lambda c: c["alpha_3"]):
        code = c["alpha_3"]
        phrases = []
        for n in names_of(c):
            for p in (phrase(n), ascii_fold(phrase(n))):
                if p not in phrases:
                    phrases.append(p)
        for p in EXTRA.get(code, "").split():
            for q in (p, ascii_fold(p)):
                if q not in phrases:
                    phrases.append(q)
        phrases = [p for p in phrases if p not in seen and p not in SKIP_PHRASES]
        if not phrases:
            continue
        seen.update(phrases)
        print("%s [%s]" % (phrases[0], code))
        for p in phrases[1:]:
            print("+" + p)
        if code in qids:
            print("@wikidata " + qids[code])
        print()


if __name__ == "__main__":
    main()
