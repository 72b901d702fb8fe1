#!/bin/sh
# Armed groups of data/dict/groups.actors: invented sentences naming a
# sample of them must code the group's CAMEO actor code as the source, and
# a province named like a group must not code the group.
set -u
DYAD=${DYAD:-build-asan/dyad}
. tests/e2e/lib/coded.sh
code_articles "$DYAD" "--min-confidence 0 --format jsonl" \
    '{"id":"g1","date":"2024-05-01","text":"Arakan Army fighters attacked Myanmar troops in Rakhine state."}' \
    '{"id":"g2","date":"2024-02-10","text":"The Baloch Liberation Army attacked Pakistani soldiers near Quetta."}' \
    '{"id":"g3","date":"2023-11-02","text":"The ELN kidnapped two Colombian soldiers in Arauca."}' \
    '{"id":"g4","date":"2024-08-15","text":"CODECO militiamen killed Congolese soldiers in Ituri province."}' \
    '{"id":"g5","date":"2025-03-20","text":"The SPLM/A-IO attacked South Sudanese troops in Nasir."}' \
    '{"id":"g6","date":"2019-04-07","text":"The Libyan National Army attacked Turkish forces near Tripoli."}' \
    '{"id":"g7","date":"2024-01-15","text":"Asaib Ahl al-Haq threatened US forces in Iraq."}' \
    '{"id":"g8","date":"2024-06-10","text":"The Jalisco New Generation Cartel attacked Mexican police in Michoacan."}' \
    '{"id":"g9","date":"2023-03-12","text":"Lions'"'"' Den gunmen opened fire on Israeli troops in Nablus."}' \
    '{"id":"g10","date":"2024-05-01","text":"North Sinai Province officials met Egyptian ministers in Cairo."}' || exit 1
expect_coded "group not coded" '"source":"MMRREBARA[A-Z]*","target":"MMR' \
    '"source":"PAKREBBLA[A-Z]*","target":"PAK' \
    '"source":"COLREBELN[A-Z]*","target":"COL' \
    '"source":"CODREBCDC[A-Z]*","target":"COD' \
    '"source":"SSDREBSIO[A-Z]*","target":"SSD' \
    '"source":"LBYMILLNA[A-Z]*","target":"TUR' \
    '"source":"IRQREBAAH[A-Z]*","target":"USA' \
    '"source":"MEXCRMCJN[A-Z]*","target":"MEX' \
    '"source":"PSEREBLDN[A-Z]*","target":"ISR' || exit 1
printf '%s\n' "$CODED" | grep -q 'IMGMUSISI' && { echo "North Sinai province coded as the Islamic State"; printf '%s\n' "$CODED"; exit 1; }
exit 0
