#!/usr/bin/env bats
# The enterprise registry end to end: add, update, show, list, import, assign, credit, risk,
# exempt, towns. Every bad input asserts its exit code, the one-line error and an unchanged
# database.
load helpers

setup_file() {
    # U1..U40: valid Zhuji USCCs (GB 32100 and GB 11714 checks), and BAD: U1 with a wrong check
    # character (EXPECT: the right one).
    eval "$(python3 - <<'PY'
CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
def org(b):
    t = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(b, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - t % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)
def uscc(n):
    body = f"MA2{n:05d}"
    first = "91330681" + body + org(body)
    return first + CH[(31 - sum(CH.index(c) * pow(3, i, 31) for i, c in enumerate(first)) % 31) % 31]
for n in range(1, 41):
    print(f"export U{n}={uscc(n)}")
u = uscc(1)
wrong = "0" if u[-1] != "0" else "1"
print(f"export BAD={u[:-1]}{wrong} EXPECT={u[-1]}")
PY
)"
}

# Print the value of key $2 in the JSON object $1 (nested keys as a.b, list indexes as 0).
json_get() {
    python3 -c '
import json, sys
v = json.loads(sys.argv[1])
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) or v is None else v)
' "$1" "$2"
}

# The ids (first column) of `enterprise list` with the given filters, space-separated.
list_ids() {
    hujing enterprise list "$@" -f tsv --no-header --fields id | tr '\n' ' ' | sed 's/ $//'
}

# Load ten enterprises (ids 1..10) with officers 100001..100004.
seed() {
    init_db
    add_officers
    cat > seed.csv <<CSV
uscc,name,town,industry,industry_code,scale,legal_rep,phone,address,tags,sectors
$U1,诸暨市恒信袜业有限公司,大唐街道,袜业,1830,above,陈建国,13800000001,诸暨市大唐街道袜业大道1号,规上;袜业,
$U2,诸暨市华丰袜业有限公司,草塔镇,袜业,1830,below,周平,13800000002,诸暨市大唐街道轻纺路2号,袜业,delivery
$U3,诸暨市鑫达铜业有限公司,店口镇,铜加工,3251,above,金伟,13800000003,诸暨市店口镇解放路3号,规上;铜加工,hazchem
$U4,诸暨市瑞祥阀门有限公司,诸暨市店口镇,阀门,3443,below,何军,13800000004,诸暨市店口镇中央路4号,阀门,
$U5,诸暨市宏源珍珠有限公司,山下湖镇,珍珠,2438,below,方勇,0575-87000005,诸暨市山下湖镇珍珠大道5号,珍珠,
$U6,诸暨市泰隆大酒店有限公司,暨阳街道,旅馆,6121,below,俞杰,13800000006,诸暨市暨阳街道望云路6号,住宿,lodging
$U7,诸暨市昌兴网咖有限公司,暨阳街道,网吧,9013,below,王明,13800000007,诸暨市暨阳街道艮塔西路7号,网吧,netcafe
$U8,诸暨市诚伟化工有限公司,姚江镇,化工,2614,above,杨华,13800000008,诸暨市姚江镇江藻路8号,规上;危化,hazchem;transport
$U9,诸暨市同山酒业有限公司,同山镇,同山烧,1512,below,赵强,13800000009,诸暨市同山镇同山大道9号,同山烧,
$U10,"诸暨市嘉德香榧有限公司,枫桥分部",枫桥镇,香榧,0161,below,斯芳,13800000010,"诸暨市枫桥镇
枫源路10号",香榧,
CSV
    hujing enterprise import seed.csv >/dev/null 2>&1
}

@test "towns lists Zhuji's 23 divisions with kinds and former names, without a database" {
    run -0 hujing enterprise towns -f tsv --no-header
    [ "${#lines[@]}" -eq 23 ]
    [ "$(printf '%s\n' "${lines[@]}" | awk -F'\t' '$2 == "subdistrict"' | wc -l)" -eq 5 ]
    [ "$(printf '%s\n' "${lines[@]}" | awk -F'\t' '$2 == "town"' | wc -l)" -eq 17 ]
    [ "$(printf '%s\n' "${lines[@]}" | awk -F'\t' '$2 == "township"' | wc -l)" -eq 1 ]
    [[ "$output" == *"大唐街道"$'\t'"subdistrict"$'\t'*"草塔镇"* ]]
    run -0 hujing enterprise towns -f json
    python3 -c 'import json,sys; t=json.loads(sys.argv[1]); assert len(t)==23 and t[0]["name"]=="暨阳街道", t' "$output"
    [ ! -e "$HUJING_DB" ]
}

@test "add prints the id, stores the USCC upper case and maps a former town with a notice" {
    init_db
    lower=$(printf '%s' "$U1" | tr 'A-Z' 'a-z')
    run -0 --separate-stderr hujing enterprise add "$lower" --name 诸暨市恒信袜业有限公司 --town 草塔镇 \
        --industry 袜业 --industry-code 1830 --scale 规上 --legal-rep 陈建国 --phone 13812345678 \
        --address 诸暨市大唐街道1号 --tags '规上;袜业' --sectors delivery
    [ "$output" = 1 ]
    [[ "$stderr" == *"草塔镇"*"大唐街道"* ]]
    run -0 hujing enterprise show "$lower" -f json
    [ "$(json_get "$output" uscc)" = "$U1" ]
    [ "$(json_get "$output" town)" = 大唐街道 ]
    [ "$(json_get "$output" scale)" = above ]
    [ "$(json_get "$output" industry_code)" = 1830 ]
    [ "$(json_get "$output" legal_rep)" = 陈建国 ]
    [ "$(json_get "$output" sectors)" = '["delivery"]' ]
    [ "$(json_get "$output" phone)" != 13812345678 ]
    [[ "$(json_get "$output" phone)" == *5678 ]]
    run -0 hujing --reveal enterprise show 1 -f json
    [ "$(json_get "$output" phone)" = 13812345678 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'reveal'")" -eq 1 ]
}

@test "add rejects bad input with the documented exit code and changes nothing" {
    init_db
    hujing enterprise add "$U1" --name 甲 >/dev/null
    before=$(db_digest)
    run -4 --separate-stderr hujing enterprise add "$BAD" --name 乙
    assert_error_line "应为 $EXPECT"
    run -4 --separate-stderr hujing enterprise add 91330681MA2D86XM2 --name 乙
    run -4 --separate-stderr hujing enterprise add 91330681MA2D86XMI8 --name 乙
    run -5 --separate-stderr hujing enterprise add "$U1" --name 乙
    assert_error_line "已存在"
    run -4 --separate-stderr hujing enterprise add "$U2" --name 乙 --town 火星镇
    assert_error_line "hujing enterprise towns"
    run -4 --separate-stderr hujing enterprise add "$U2" --name 乙 --scale huge
    assert_error_line "规模"
    run -4 --separate-stderr hujing enterprise add "$U2" --name 乙 --industry-code 183
    assert_error_line "行业代码"
    run -4 --separate-stderr hujing enterprise add "$U2" --name 乙 --sectors lodgin
    assert_error_line "lodging"
    run -4 --separate-stderr hujing enterprise add "$U2" --name 乙 --phone 'call me'
    assert_error_line "电话"
    run -4 --separate-stderr hujing enterprise add "$U2" --name '  '
    assert_error_line "名称"
    run -2 --separate-stderr hujing enterprise add "$U2"
    assert_error_line
    [ "$(db_digest)" = "$before" ]
}

@test "update changes the given fields, clears with an empty string, and refuses bad input" {
    seed
    run -0 --separate-stderr hujing enterprise update "$U4" --name 诸暨市瑞祥流体控制有限公司 --phone '' --tags '规上,阀门' \
        --sectors hazchem --scale above --town 诸暨市阮市镇
    [ "$output" = 4 ]
    run -0 hujing enterprise show 4 -f json
    [ "$(json_get "$output" name)" = 诸暨市瑞祥流体控制有限公司 ]
    [ "$(json_get "$output" phone)" = null ]
    [ "$(json_get "$output" tags)" = '["规上", "阀门"]' ]
    [ "$(json_get "$output" sectors)" = '["hazchem"]' ]
    [ "$(json_get "$output" town)" = 店口镇 ]
    [ "$(json_get "$output" industry)" = 阀门 ]
    before=$(db_digest)
    run -3 --separate-stderr hujing enterprise update 99 --name 某
    assert_error_line "企业不存在"
    run -5 --separate-stderr hujing enterprise update 4 --uscc "$U1"
    run -4 --separate-stderr hujing enterprise update 4 --uscc "$BAD"
    run -4 --separate-stderr hujing enterprise update 4 --town 上海
    run -4 --separate-stderr hujing enterprise update 4 --name ''
    [ "$(db_digest)" = "$before" ]
}

@test "list shows the default columns and filters by every option" {
    seed
    run -0 hujing enterprise list -f tsv
    [ "${lines[0]}" = "id	uscc	name	town	industry	scale	credit_grade	tags" ]
    [ "${#lines[@]}" -eq 11 ]
    [ "$(list_ids --town 店口镇)" = "3 4" ]
    [ "$(list_ids --town 大唐)" = "1 2" ]
    [ "$(list_ids --town 草塔镇)" = "1 2" ]
    [ "$(list_ids --industry 袜业)" = "1 2" ]
    [ "$(list_ids --tag 规上)" = "1 3 8" ]
    [ "$(list_ids --sector hazchem)" = "3 8" ]
    [ "$(list_ids --scale above)" = "1 3 8" ]
    [ "$(list_ids --scale 规下 --town 暨阳街道)" = "6 7" ]
    [ "$(list_ids --credit none --town 同山镇)" = "9" ]
    hujing enterprise credit 5 --grade C --reason 整改未完成 >/dev/null
    [ "$(list_ids --credit c)" = "5" ]
    hujing enterprise assign 6 --officer 100002 --role 企业警官 >/dev/null
    [ "$(list_ids --officer 100002)" = "6" ]
    hujing enterprise risk add 8 --level 橙 --description 危化品储存 --unit ZADD --leader 孟某 >/dev/null
    [ "$(list_ids --risk orange)" = "8" ]
    [ "$(list_ids --risk 橙)" = "8" ]
    [ "$(list_ids --risk any)" = "8" ]
    [ "$(list_ids --risk 红)" = "" ]
    [ "$(list_ids --search 袜业有限)" = "1 2" ]
    [ "$(list_ids --search 珍珠)" = "5" ]
    [ "$(list_ids --search 枫源路)" = "10" ]
    [ "$(list_ids --search 轻纺路2号)" = "2" ]
    [ "$(list_ids --search '%')" = "" ]
    [ "$(list_ids --search '"x"')" = "" ]
    [ "$(list_ids --town 店口镇 --industry 阀门 --scale below)" = "4" ]
}

@test "list pages and sorts in SQL, chooses fields, masks phones, and reports bad options" {
    seed
    [ "$(list_ids --limit 3)" = "1 2 3" ]
    [ "$(list_ids --limit 2 --offset 3)" = "4 5" ]
    [ "$(list_ids --sort -id --limit 2)" = "10 9" ]
    [ "$(list_ids --sort industry_code --limit 2)" = "10 9" ]
    run -0 hujing enterprise list --fields uscc,phone,address,sectors,industry_code,legal_rep,officers,created_at,updated_at -f csv --town 山下湖镇
    [ "${lines[0]}" = "uscc,phone,address,sectors,industry_code,legal_rep,officers,created_at,updated_at" ]
    [[ "${lines[1]}" == "$U5,"* ]]
    [[ "${lines[1]}" != *0575-87000005* ]]
    run -0 hujing --reveal enterprise list --fields phone --town 山下湖镇 -f tsv --no-header
    [ "$output" = 0575-87000005 ]
    run -0 hujing enterprise list --town 东和乡 -f json
    [ "$output" = "[]" ]
    run -0 hujing enterprise list --town 东和乡 -f csv
    [ "$output" = "id,uscc,name,town,industry,scale,credit_grade,tags" ]
    run -0 hujing enterprise list --search 嘉德香榧 -f json
    python3 -c '
import json,sys
r=json.loads(sys.argv[1])
assert len(r)==1 and r[0]["name"]=="诸暨市嘉德香榧有限公司,枫桥分部" and r[0]["tags"]==["香榧"], r' "$output"
    before=$(db_digest)
    run -4 --separate-stderr hujing enterprise list --fields id,colour
    assert_error_line "colour"
    run -4 --separate-stderr hujing enterprise list --sort colour
    assert_error_line "排序"
    run -4 --separate-stderr hujing enterprise list --town 火星镇
    run -4 --separate-stderr hujing enterprise list --credit E
    run -4 --separate-stderr hujing enterprise list --scale huge
    run -4 --separate-stderr hujing enterprise list --sector pub
    run -4 --separate-stderr hujing enterprise list --risk 紫
    run -3 --separate-stderr hujing enterprise list --officer 999999
    run -2 --separate-stderr hujing enterprise list --limit -1
    [ "$(db_digest)" = "$before" ]
}

@test "show -f json and -f tsv agree on the top fields (one declaration gives both)" {
    seed
    hujing enterprise credit "$U3" --grade C --reason 消防检查未整改 --date 2025-03-10 >/dev/null
    run -0 hujing enterprise show "$U3" -f json
    json=$output
    run -0 hujing enterprise show "$U3" -f tsv
    python3 -c '
import json, sys
doc = json.loads(sys.argv[1])
lines = sys.argv[2].split("\n\n")[0].split("\n")  # the top section, before the first block
rows = [line.split("\t", 1) for line in lines[1:] if line]
assert len(rows) >= 10, lines
for key, value in rows:
    want = doc[key]
    if want is None:
        want = ""
    elif isinstance(want, list):
        want = ";".join(want)
    elif isinstance(want, bool):
        want = "true" if want else "false"
    assert str(want) == value, (key, want, value)
parts = {"officers", "credit_history", "risks", "exemptions", "projects", "visits", "demands",
         "cases", "prereports",
         "inspections", "open_rectifications"}
tops = [k for k in doc if k not in parts]
assert sorted(k for k, _ in rows) == sorted(tops), (sorted(k for k, _ in rows), sorted(tops))
' "$json" "$output"
}

@test "show is the whole file: basics, officers, credit history, open risks, exemptions, projects" {
    seed
    hujing enterprise assign "$U3" --officer 100001 --role 企业警官 --since 2025-03-01 >/dev/null
    hujing enterprise credit "$U3" --grade C --reason 消防检查未整改 --date 2025-03-10 >/dev/null
    hujing enterprise credit "$U3" --grade B --reason 整改完毕 --date 2025-06-01 --repair >/dev/null
    r=$(hujing enterprise risk add "$U3" --level 红 --description 资金链 --unit JZDD --leader 王某 --date 2025-05-01)
    hujing enterprise risk add "$U3" --level 蓝 --description 合同纠纷 --unit JZDD --leader 王某 >/dev/null
    hujing enterprise risk close "$r" --date 2025-09-01 >/dev/null
    hujing enterprise exempt "$U3" --form hazchem --until 2026-06-30 --reason 无事不扰 >/dev/null
    hujing project add 店口铜材项目 --officer 100002 --enterprise "$U3" >/dev/null
    run -0 hujing enterprise show "$U3" -f json
    python3 -c '
import json,sys
d=json.loads(sys.argv[1])
assert d["id"]==3 and d["credit_grade"]=="B", d
assert [(o["badge"],o["role"],o["since"]) for o in d["officers"]]==[("100001","企业警官","2025-03-01")], d["officers"]
assert [(c["date"],c["grade"],c["kind"]) for c in d["credit_history"]]==[("2025-06-01","B","repair"),("2025-03-10","C","evaluation")], d
assert [r["level"] for r in d["risks"]]==["blue"], d["risks"]
assert d["exemptions"][0]["form_id"]=="hazchem" and d["exemptions"][0]["active"] is True, d
assert d["projects"][0]["name"]=="店口铜材项目", d
assert d["tags"]==["规上","铜加工"] and d["sectors"]==["hazchem"], d
' "$output"
    run -0 hujing enterprise show 3 -f table
    [[ "$output" == *"责任民警"* ]]
    run -3 --separate-stderr hujing enterprise show 99
    assert_error_line "企业不存在"
    run -3 --separate-stderr hujing enterprise show "$U40"
}

@test "show through a pipe keeps every section as a titled block" {
    seed
    hujing enterprise assign "$U3" --officer 100001 --role 企业警官 --since 2025-03-01 >/dev/null
    hujing enterprise credit "$U3" --grade C --reason 消防检查未整改 --date 2025-03-10 >/dev/null
    hujing project add 店口铜材项目 --officer 100002 --enterprise "$U3" >/dev/null
    # Not a terminal: the default format (tsv), as `| less` or `| grep` sees it.
    output=$(hujing enterprise show "$U3" | cat)
    [[ "$output" == "field"$'\t'"value"$'\n'* ]]
    [[ "$output" == *$'\n'"uscc"$'\t'"$U3"$'\n'* ]]
    for title in 责任民警 信用记录 重点项目; do
        [[ "$output" == *$'\n\n# '"$title"* ]] || { echo "no block $title" >&2; echo "$output" >&2; return 1; }
    done
    [[ "$output" == *$'\n'"100001"$'\t'* ]]
    [[ "$output" == *"消防检查未整改"* ]]
    [[ "$output" == *"店口铜材项目"* ]]
}

@test "import prints the counts and writes one audit row" {
    init_db
    cat > e.csv <<CSV
name,uscc,town
甲,$U1,店口镇
乙,$U2,大唐镇
CSV
    run -0 --separate-stderr hujing enterprise import e.csv
    [ "$output" = "added=2 updated=0 skipped=0 invalid=0" ]
    [[ "$stderr" == *"大唐镇"*"大唐街道"* ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'enterprise'")" -eq 1 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE action = 'import' AND after LIKE '%e.csv%'")" -eq 1 ]
    printf 'uscc,name\n%s,丙\n' "$U3" | hujing enterprise import - -f json > out.json
    [ "$(json_get "$(cat out.json)" added)" = 1 ]
    [ "$(json_get "$(cat out.json)" dry_run)" = False ]
    run -0 hujing audit verify
}

@test "import is all-or-nothing and reports every bad row as FILE:LINE" {
    init_db
    hujing enterprise add "$U9" --name 已有 >/dev/null
    cat > bad.csv <<CSV
uscc,name,town,scale,industry_code,sectors
$U1,好的,店口镇,above,3251,
$BAD,坏校验码,店口镇,,,
$U3,坏镇街,火星镇,,,
$U4,"多行
名称,但地址是好的",店口镇,huge,,
$U5,坏行业代码,店口镇,,18300,
$U6,坏监管行业,店口镇,,,pub
$U1,重复的,店口镇,,,
$U9,已登记,店口镇,,,
$U7,少列
CSV
    before=$(db_digest)
    run -4 --separate-stderr hujing enterprise import bad.csv
    [ -z "$output" ]
    [[ "$stderr" == *"bad.csv:3: "*"应为 $EXPECT"* ]]
    [[ "$stderr" == *"bad.csv:4: "*"火星镇"* ]]
    [[ "$stderr" == *"bad.csv:5: "* ]]
    [[ "$stderr" == *"bad.csv:7: "*"行业代码"* ]]
    [[ "$stderr" == *"bad.csv:8: "*"pub"* ]]
    [[ "$stderr" == *"bad.csv:9: "*"重复"* ]]
    [[ "$stderr" == *"bad.csv:10: "*"已存在"* ]]
    [[ "$stderr" == *"bad.csv:11: "*"列数"* ]]
    [[ "$stderr" != *"bad.csv:2:"* ]]
    assert_error_line "8 行有错误"
    [ "$(db_digest)" = "$before" ]
}

@test "import --skip-invalid imports the good rows and lists the bad ones" {
    init_db
    printf 'uscc,name,town\n%s,甲,店口镇\n%s,乙,火星镇\n%s,丙,\n' "$U1" "$U2" "$U3" > s.csv
    run -0 --separate-stderr hujing enterprise import --skip-invalid s.csv
    [ "$output" = "added=2 updated=0 skipped=0 invalid=1" ]
    [[ "$stderr" == *"s.csv:3: "*"火星镇"* ]]
    [ "$(list_ids)" = "1 2" ]
}

@test "import --on-conflict fail, skip and update" {
    seed
    printf 'uscc,name,tags\n%s,改名,新标签\n%s,新企业,\n' "$U1" "$U20" > c.csv
    before=$(db_digest)
    run -5 --separate-stderr hujing enterprise import c.csv
    [[ "$stderr" == *"c.csv:2: "*"已存在"* ]]
    assert_error_line "on-conflict"
    run -5 --separate-stderr hujing enterprise import --on-conflict fail c.csv
    [ "$(db_digest)" = "$before" ]
    run -4 --separate-stderr hujing enterprise import --on-conflict merge c.csv
    run -0 --separate-stderr hujing enterprise import --on-conflict skip --dry-run c.csv
    [ "$output" = "added=1 updated=0 skipped=1 invalid=0" ]
    [ "$(db_digest)" = "$before" ]
    run -0 --separate-stderr hujing enterprise import --on-conflict update c.csv
    [ "$output" = "added=1 updated=1 skipped=0 invalid=0" ]
    run -0 hujing enterprise show "$U1" -f json
    [ "$(json_get "$output" name)" = 改名 ]
    [ "$(json_get "$output" tags)" = '["新标签"]' ]
    [ "$(json_get "$output" town)" = 大唐街道 ]
    run -0 hujing enterprise import --on-conflict skip c.csv
    [ "$output" = "added=0 updated=0 skipped=2 invalid=0" ]
    # The same file again changes nothing: its rows are skipped, not counted as updated.
    rows=$(sqlite3 "$HUJING_DB" "SELECT * FROM enterprise ORDER BY id; SELECT * FROM enterprise_tag ORDER BY 1, 2")
    sleep 1 # a rewritten row would get a new updated_at
    run -0 hujing enterprise import --on-conflict update c.csv
    [ "$output" = "added=0 updated=0 skipped=2 invalid=0" ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT * FROM enterprise ORDER BY id; SELECT * FROM enterprise_tag ORDER BY 1, 2")" = "$rows" ]
    printf 'uscc,name,tags\n%s,改名,新标签;另一个\n%s,新企业,\n' "$U1" "$U20" > c.csv
    run -0 hujing enterprise import --on-conflict update c.csv
    [ "$output" = "added=0 updated=1 skipped=1 invalid=0" ]
}

@test "import --dry-run validates and counts but changes nothing" {
    seed
    printf 'uscc,name\n%s,新甲\n%s,新乙\n' "$U21" "$U22" > d.csv
    before=$(db_digest)
    run -0 --separate-stderr hujing enterprise import --dry-run d.csv
    [ "$output" = "added=2 updated=0 skipped=0 invalid=0" ]
    [[ "$stderr" == *"试运行"* ]]
    [ "$(db_digest)" = "$before" ]
    printf 'uscc,name\n%s,新甲\n%s,坏\n' "$U21" "$BAD" > d2.csv
    run -4 --separate-stderr hujing enterprise import --dry-run d2.csv
    [[ "$stderr" == *"d2.csv:3: "* ]]
    [ "$(db_digest)" = "$before" ]
}

@test "import header errors: unknown, duplicate and missing columns, empty file, missing file" {
    init_db
    before=$(db_digest)
    printf 'uscc,name,colour\n%s,甲,红\n' "$U1" > h1.csv
    run -4 --separate-stderr hujing enterprise import h1.csv
    assert_error_line "h1.csv:1: 未知的列: colour"
    printf 'uscc,name,uscc\n' > h2.csv
    run -4 --separate-stderr hujing enterprise import h2.csv
    assert_error_line "重复的列"
    printf 'uscc,town\n%s,店口镇\n' "$U1" > h3.csv
    run -4 --separate-stderr hujing enterprise import h3.csv
    assert_error_line "缺少必需的列: name"
    printf 'name,town\n甲,店口镇\n' > h4.csv
    run -4 --separate-stderr hujing enterprise import h4.csv
    assert_error_line "缺少必需的列: uscc"
    : > h5.csv
    run -4 --separate-stderr hujing enterprise import h5.csv
    assert_error_line "为空"
    run -3 --separate-stderr hujing enterprise import nosuch.csv
    assert_error_line "nosuch.csv"
    [ "$(db_digest)" = "$before" ]
}

@test "import rejects invalid UTF-8 and a broken quote with their lines, even with --skip-invalid" {
    init_db
    before=$(db_digest)
    printf 'uscc,name\n%s,甲\n%s,\xd6\xee\xbd\xdf\n' "$U1" "$U2" > gbk.csv
    run -4 --separate-stderr hujing enterprise import gbk.csv
    [[ "$stderr" == *"gbk.csv:3"* ]]
    assert_error_line
    run -4 --separate-stderr hujing enterprise import --skip-invalid gbk.csv
    [[ "$stderr" == *"gbk.csv:3"* ]]
    printf 'uscc,name\n%s,甲\n%s,"乙\n' "$U1" "$U2" > quote.csv
    run -4 --separate-stderr hujing enterprise import quote.csv
    [[ "$stderr" == *"quote.csv:3"* ]]
    [ "$(db_digest)" = "$before" ]
}

@test "import handles CRLF, a BOM, quoted commas and newlines with physical line numbers" {
    init_db
    printf '\xef\xbb\xbfuscc,name,address\r\n%s,"甲,有限公司","诸暨市店口镇\r\n解放路1号"\r\n%s,乙,x\r\nX,坏,y\r\n' "$U1" "$U2" > crlf.csv
    run -4 --separate-stderr hujing enterprise import crlf.csv
    [[ "$stderr" == *"crlf.csv:5: "* ]]
    run -0 --separate-stderr hujing enterprise import --skip-invalid crlf.csv
    [ "$output" = "added=2 updated=0 skipped=0 invalid=1" ]
    run -0 hujing enterprise show 1 -f json
    [ "$(json_get "$output" name)" = "甲,有限公司" ]
    [ "$(list_ids --search 解放路1号)" = 1 ]
}

@test "assign and unassign officers" {
    seed
    run -0 hujing enterprise assign "$U1" --officer 100001 --role 企业警官
    [ "$output" = 1 ]
    run -0 hujing enterprise assign 1 --officer 100002 --role 行业警官 --since 2025-01-02
    run -0 hujing enterprise show 1 -f json
    python3 -c '
import json,sys
d=json.loads(sys.argv[1])
assert [(o["badge"],o["role"],o["since"]) for o in d["officers"]]==[("100002","行业警官","2025-01-02"),("100001","企业警官","2025-10-15")], d["officers"]
' "$output"
    hujing officer update 100004 --no-active >/dev/null
    before=$(db_digest)
    run -5 --separate-stderr hujing enterprise assign 1 --officer 100001 --role 企业警官
    assert_error_line "已以"
    run -5 --separate-stderr hujing enterprise assign 1 --officer 100004 --role 企业警官
    assert_error_line "不在岗"
    run -3 --separate-stderr hujing enterprise assign 1 --officer 999999 --role 企业警官
    run -3 --separate-stderr hujing enterprise assign 99 --officer 100001 --role 企业警官
    run -4 --separate-stderr hujing enterprise assign 1 --officer 100001 --role 厨师
    run -4 --separate-stderr hujing enterprise assign 1 --officer 100003 --role 企业警官 --since 2025-13-01
    run -4 --separate-stderr hujing enterprise assign 1 --officer 12 --role 企业警官
    run -2 --separate-stderr hujing enterprise assign 1 --role 企业警官
    run -3 --separate-stderr hujing enterprise unassign 1 --officer 100003
    assert_error_line "未"
    run -3 --separate-stderr hujing enterprise unassign 1 --officer 100001 --role 行业警官
    [ "$(db_digest)" = "$before" ]
    run -0 hujing enterprise unassign 1 --officer 100002 --role 行业警官
    run -0 hujing enterprise unassign 1 --officer 100001
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM enterprise_officer")" -eq 0 ]
}

@test "credit keeps the history; the grade is the latest; a repair must raise it" {
    seed
    run -0 hujing enterprise credit 2 --grade a --reason 年度评价 --date 2025-01-10
    e1=$output
    run -0 hujing enterprise credit 2 --grade D --reason 行政处罚 --date 2025-04-01
    [ "$output" -gt "$e1" ]
    hujing enterprise credit 2 --grade B --reason 补录 --date 2025-02-01 >/dev/null
    [ "$(list_ids --credit D)" = 2 ]
    run -0 hujing enterprise credit 2 --grade C --reason 整改 --repair
    [ "$(list_ids --credit C)" = 2 ]
    before=$(db_digest)
    run -5 --separate-stderr hujing enterprise credit 2 --grade D --reason 修复 --repair
    assert_error_line "信用修复"
    run -5 --separate-stderr hujing enterprise credit 3 --grade A --reason 修复 --repair
    run -4 --separate-stderr hujing enterprise credit 2 --grade E --reason x
    run -4 --separate-stderr hujing enterprise credit 2 --grade A --reason ' '
    run -4 --separate-stderr hujing enterprise credit 2 --grade A --reason x --date 2025-10-16
    run -4 --separate-stderr hujing enterprise credit 2 --grade A --reason x --date someday
    run -3 --separate-stderr hujing enterprise credit 99 --grade A --reason x
    run -2 --separate-stderr hujing enterprise credit 2 --grade A
    [ "$(db_digest)" = "$before" ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM credit_event")" -eq 4 ]
}

@test "risk add, close and list" {
    seed
    run -0 hujing enterprise risk add "$U8" --level 红 --description 易制毒化学品流向不清 --unit 禁毒大队 --leader 孟海 --date 2025-05-09
    r1=$output
    run -0 hujing enterprise risk add 1 --level yellow --description 资金链紧张 --unit JZDD --leader 郭某
    r2=$output
    run -0 hujing enterprise risk list -f tsv --no-header --fields id,level,unit,opened,closed
    [ "${lines[0]}" = "$r1	red	禁毒大队	2025-05-09	" ]
    [ "${lines[1]}" = "$r2	yellow	经侦大队	2025-10-15	" ]
    run -0 hujing enterprise risk close "$r1" --date 2025-09-30
    [ "$output" = "$r1" ]
    run -0 hujing enterprise risk list --open -f tsv --no-header --fields id
    [ "$output" = "$r2" ]
    run -0 hujing enterprise risk list --level 红 -f tsv --no-header --fields id,closed
    [ "$output" = "$r1	2025-09-30" ]
    run -0 hujing enterprise risk list --enterprise "$U1" --unit JZDD -f json
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert len(r)==1 and r[0]["uscc"]==sys.argv[2], r' "$output" "$U1"
    before=$(db_digest)
    run -5 --separate-stderr hujing enterprise risk close "$r1"
    assert_error_line "已于"
    run -4 --separate-stderr hujing enterprise risk close "$r2" --date 2025-01-01
    run -3 --separate-stderr hujing enterprise risk close 99
    run -2 --separate-stderr hujing enterprise risk close abc
    run -4 --separate-stderr hujing enterprise risk add 1 --level 紫 --description x --unit JZDD --leader 王
    assert_error_line "风险等级"
    run -3 --separate-stderr hujing enterprise risk add 1 --level 红 --description x --unit 火星局 --leader 王
    run -3 --separate-stderr hujing enterprise risk add 99 --level 红 --description x --unit JZDD --leader 王
    run -4 --separate-stderr hujing enterprise risk add 1 --level 红 --description ' ' --unit JZDD --leader 王
    run -2 --separate-stderr hujing enterprise risk add 1 --level 红 --description x --unit JZDD
    run -4 --separate-stderr hujing enterprise risk list --level 紫
    [ "$(db_digest)" = "$before" ]
}

@test "exempt puts an enterprise on the negative list for a form until a date" {
    seed
    run -0 hujing enterprise exempt "$U6" --form lodging --until 2026-06-30 --reason 近三年无违法记录
    id=$output
    [ "$(sqlite3 "$HUJING_DB" "SELECT form_id || ' ' || until FROM exemption WHERE id = $id")" = "lodging 2026-06-30" ]
    run -0 hujing enterprise exempt 6 --form fire_safety_2 --until today --reason 当日
    before=$(db_digest)
    run -4 --separate-stderr hujing enterprise exempt 6 --form Lodging --until 2026-06-30 --reason x
    assert_error_line "检查表编号"
    run -4 --separate-stderr hujing enterprise exempt 6 --form 2lodging --until 2026-06-30 --reason x
    run -4 --separate-stderr hujing enterprise exempt 6 --form lodging --until 2025-10-14 --reason x
    assert_error_line "早于今天"
    run -4 --separate-stderr hujing enterprise exempt 6 --form lodging --until 2026-02-30 --reason x
    run -4 --separate-stderr hujing enterprise exempt 6 --form lodging --until 2026-06-30 --reason ''
    run -3 --separate-stderr hujing enterprise exempt 99 --form lodging --until 2026-06-30 --reason x
    run -2 --separate-stderr hujing enterprise exempt 6 --form lodging --reason x
    [ "$(db_digest)" = "$before" ]
}

@test "every mutation leaves an audit row and the chain verifies" {
    seed
    n0=$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log")
    hujing enterprise add "$U30" --name 新企业 >/dev/null
    hujing enterprise update "$U30" --town 店口镇 >/dev/null
    hujing enterprise assign "$U30" --officer 100001 --role 企业警官 >/dev/null
    hujing enterprise unassign "$U30" --officer 100001 >/dev/null
    hujing enterprise credit "$U30" --grade B --reason 评价 >/dev/null
    r=$(hujing enterprise risk add "$U30" --level 蓝 --description x --unit JZDD --leader 王)
    hujing enterprise risk close "$r" >/dev/null
    hujing enterprise exempt "$U30" --form pawn --until 2026-01-01 --reason x >/dev/null
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log")" -eq $((n0 + 8)) ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT before IS NOT NULL AND after IS NOT NULL FROM audit_log WHERE action = 'update' AND entity = 'enterprise'")" = 1 ]
    run -0 hujing audit verify
}

@test "the demo data imports cleanly and the views answer third-party queries" {
    init_db
    run -0 hujing enterprise import "$HUJING_SOURCE_DIR/examples/enterprises.csv"
    [[ "$output" == "added="*" updated=0 skipped=0 invalid=0" ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(DISTINCT town) FROM v_enterprise")" -eq 23 ]
    run -0 hujing officer import "$HUJING_SOURCE_DIR/examples/officers.csv"
}
