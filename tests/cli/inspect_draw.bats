#!/usr/bin/env bats
# Plans and the double-random draw: reproducible with sha256sum and sort (man hujing-inspect).
load helpers

# The small lodging and netcafe forms these tests were written against stand in for the
# built-in ones (a data file under $HUJING_DATA_DIR overrides the embedded one).
SUITE_DATA_DIR="$HUJING_SOURCE_DIR/tests/fixtures/datadir"

# 20 lodging enterprises (3 graded A, 3 graded D, the rest ungraded = B), four inspectors.
seed() {
    init_db
    add_officers
    head -1 "$HUJING_SOURCE_DIR/examples/enterprises.csv" >e.csv
    grep ',lodging$' "$HUJING_SOURCE_DIR/examples/enterprises.csv" | head -20 >>e.csv
    hujing -q enterprise import e.csv >/dev/null
    local i
    for i in 2 3 4; do
        hujing enterprise credit "$(sed -n ${i}p e.csv | cut -d, -f1)" --grade A --reason 年度评价 >/dev/null
    done
    for i in 5 6 7; do
        hujing enterprise credit "$(sed -n ${i}p e.csv | cut -d, -f1)" --grade D --reason 年度评价 >/dev/null
    done
}

@test "plan add validates its options; list and show" {
    seed
    before=$(db_digest)
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --window 2025-04-01..2025-06-30
    assert_error_line "须给且只给一个"
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 0.05 --count 3 --window 2025-04-01..2025-06-30
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 1.5 --window 2025-04-01..2025-06-30
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 0.0000001 --window 2025-04-01..2025-06-30
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 0.05 --window 2025-06-30..2025-04-01
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 0.05 --team-size 1 --window 2025-04-01..2025-06-30
    run -4 --separate-stderr hujing inspect plan add p --forms lodging --ratio 0.05 --credit-factors A=1,B=1 --window 2025-04-01..2025-06-30
    run -3 --separate-stderr hujing inspect plan add p --forms nosuch --ratio 0.05 --window 2025-04-01..2025-06-30
    [ "$(db_digest)" = "$before" ]
    run -0 hujing inspect plan add "2025 住宿抽查" --forms lodging --ratio 0.1 --window 2025-04-01..2025-06-30
    id=$output
    run -5 --separate-stderr hujing inspect plan add "2025 住宿抽查" --forms lodging --ratio 0.1 --window 2025-04-01..2025-06-30
    run -0 hujing inspect plan show "$id" -f json
    python3 -c '
import json, re, sys
p = json.loads(sys.argv[1])
assert re.fullmatch("[0-9a-f]{16}", p["seed"]), p["seed"]
assert p["credit_factors"] == "A=0.5,B=1,C=2,D=3" and p["drawn_at"] is None and p["targets"] == [], p
' "$output"
    run -0 hujing inspect plan list -f tsv --no-header --fields id,name,targeted
    [ "$output" = "$id"$'\t2025 住宿抽查\tfalse' ]
}

@test "the draw is reproduced by the shell procedure of man hujing-inspect" {
    seed
    SEED=20250401-dice-31415
    plan=$(hujing inspect plan add 2025Q2 --forms lodging --ratio 0.1 --window 2025-04-01..2025-06-30 --seed "$SEED")
    run -0 hujing inspect draw "$plan" -f tsv --no-header --fields rank,uscc,ticket,team
    drawn=$output
    # The candidates ("USCC GRADE", ungraded as B), their digest, then steps 2–4 in shell.
    hujing enterprise list --sector lodging -f tsv --no-header --fields uscc,credit_grade |
        awk -F'\t' '{print $1, ($2 == "" ? "B" : $2)}' | LC_ALL=C sort >candidates.txt
    digest=$(sha256sum <candidates.txt | cut -d' ' -f1)
    [ "$(hujing inspect plan show "$plan" -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)["candidate_digest"])')" = "$digest" ]
    while read -r uscc grade; do
        printf '%s %s %s\n' "$(printf '%s:%s' "$SEED" "$uscc" | sha256sum | cut -d' ' -f1)" "$grade" "$uscc"
    done <candidates.txt | LC_ALL=C sort >tickets.txt
    # Quotas by hand: A ⌈3·0.1·0.5⌉ = 1, B ⌈14·0.1⌉ = 2, C 0, D ⌈3·0.1·3⌉ = 1.
    { grep ' A ' tickets.txt | head -n 1; grep ' B ' tickets.txt | head -n 2; grep ' D ' tickets.txt | head -n 1; } |
        LC_ALL=C sort | awk '{print NR "\t" $3 "\t" $1}' >expected.txt
    [ "$(printf '%s\n' "$drawn" | cut -f1-3)" = "$(cat expected.txt)" ]
    # Step 5 for the first target: the inspectors by SHA-256 of SEED:USCC:BADGE, first two.
    first=$(sed -n 1p expected.txt | cut -f2)
    team=$(for b in 100001 100002 100003 100004; do
        printf '%s %s\n' "$(printf '%s:%s:%s' "$SEED" "$first" "$b" | sha256sum | cut -d' ' -f1)" "$b"
    done | LC_ALL=C sort | head -n 2 | cut -d' ' -f2 | paste -sd';')
    [ "$(printf '%s\n' "$drawn" | sed -n 1p | cut -f4)" = "$team" ]
}

@test "a drawn plan is not drawn again; --verify names the first difference" {
    seed
    plan=$(hujing inspect plan add 2025Q2 --forms lodging --count 4 --window 2025-04-01..2025-06-30 --seed abc)
    run -5 --separate-stderr hujing inspect draw "$plan" --verify
    assert_error_line "尚未抽取"
    run -0 hujing inspect draw "$plan" -f json
    [ "$(printf '%s' "$output" | python3 -c 'import json,sys; t=json.load(sys.stdin); print(len(t), all(len(x["team"]) == 2 for x in t))')" = "4 True" ]
    before=$(db_digest)
    run -5 --separate-stderr hujing inspect draw "$plan"
    assert_error_line "不能重抽"
    [ "$(db_digest)" = "$before" ]
    run -0 --separate-stderr hujing inspect draw "$plan" --verify
    [[ "$stderr" == *"复核一致: 4 家企业"* ]]
    # A changed target is named by its rank.
    sqlite3 "$HUJING_DB" "UPDATE plan_target SET ticket = ticket WHERE rank = 1;
        UPDATE plan_inspector SET officer_id = (SELECT id FROM officer WHERE badge = '000001')
        WHERE plan_id = $plan AND team = 2 AND position = 1"
    run -5 --separate-stderr hujing inspect draw "$plan" --verify
    assert_error_line "第 2 名"
    # A new candidate changes the candidate digest.
    hujing enterprise add "$(grep ',lodging$' "$HUJING_SOURCE_DIR/examples/enterprises.csv" | sed -n 21p | cut -d, -f1)" --name 新旅馆 --sectors lodging >/dev/null
    run -5 --separate-stderr hujing inspect draw "$plan" --verify
    assert_error_line "候选企业与抽取时不同"
}

@test "candidates: exemptions, recent inspections and the yearly cap; 回避 in teams" {
    seed
    e=$(sed -n 2p e.csv | cut -d, -f1)
    hujing enterprise exempt "$e" --form lodging --until 2026-12-31 --reason 无事不扰 >/dev/null
    plan=$(hujing inspect plan add all --forms lodging --ratio 1 --credit-factors A=1,B=1,C=1,D=1 --window 2025-11-01..2025-12-31 --seed x)
    run -0 hujing inspect draw "$plan" -f tsv --no-header --fields uscc
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 19 ]
    [[ "$output" != *"$e"* ]]
    # Too few inspectors once 回避 takes two of four away with team size 3.
    e2=$(sed -n 3p e.csv | cut -d, -f1)
    hujing enterprise assign "$e2" --officer 100001 --role 企业警官 >/dev/null
    hujing enterprise assign "$e2" --officer 100002 --role 行业警官 >/dev/null
    p2=$(hujing inspect plan add t --forms lodging --enterprises "$e2" --team-size 3 --window 2025-11-01..2025-12-31)
    run -5 --separate-stderr hujing inspect draw "$p2"
    assert_error_line "$e2"
    p3=$(hujing inspect plan add t2 --forms lodging --enterprises "$e2" --window 2025-11-01..2025-12-31)
    run -0 hujing inspect draw "$p3" -f tsv --no-header --fields team
    [ "$(printf "%s" "$output" | tr ";" "\n" | sort | paste -sd";")" = "100003;100004" ]
    # Two on-site checks by 治安大队 this year: no candidate for the next random plan.
    for d in 2025-03-10 2025-05-10; do
        hujing inspect record "$e2" --forms lodging --inspectors 100003,100004 --date "$d" \
            --results "$HUJING_SOURCE_DIR/tests/fixtures/results/lodging_ok.yaml" >/dev/null
    done
    e3=$(sed -n 4p e.csv | cut -d, -f1)
    hujing inspect record "$e3" --forms lodging --inspectors 100003,100004 --date 2025-10-01 \
        --results "$HUJING_SOURCE_DIR/tests/fixtures/results/lodging_ok.yaml" >/dev/null
    p4=$(hujing inspect plan add y --forms lodging --ratio 1 --credit-factors A=1,B=1,C=1,D=1 --window 2025-11-01..2025-12-31 --exclude-recent-days 60)
    run -0 hujing inspect draw "$p4" -f tsv --no-header --fields uscc
    [[ "$output" != *"$e2"* ]]
    [[ "$output" != *"$e3"* ]]
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 17 ]
}
