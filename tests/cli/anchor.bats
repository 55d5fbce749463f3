#!/usr/bin/env bats
# audit verify --anchor: a head printed on paper catches a cut tail and a recomputed chain.
load helpers

# A database with a few audited rows.
seed() {
    init_db
    hujing officer add 100001 --name 张警官 --unit ZADD >/dev/null
    hujing officer add 100002 --name 李警官 --unit ZADD >/dev/null
}

# The head of the chain as ROW:HASH.
head_anchor() {
    sqlite3 "$HUJING_DB" "SELECT id || ':' || hash FROM audit_log ORDER BY id DESC LIMIT 1"
}

@test "an anchor still in the chain passes, given inline or in a file" {
    seed
    anchor=$(head_anchor)
    run -0 --separate-stderr hujing audit verify --anchor "$anchor"
    [[ "$stderr" == *"1 个锚点均在审计链中"* ]]
    hujing officer add 100003 --name 王警官 --unit ZADD >/dev/null
    printf '报告页脚 审计链头: %s\n%s\n' "$anchor" "$(head_anchor)" > anchors.txt
    run -0 --separate-stderr hujing audit verify --anchor anchors.txt
    [[ "$stderr" == *"2 个锚点均在审计链中"* ]]
}

@test "a deleted tail with sqlite_sequence reset passes verify but fails the anchor with exit 5" {
    seed
    anchor=$(head_anchor)
    row=${anchor%%:*}
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = $row;
        UPDATE sqlite_sequence SET seq = $((row - 1)) WHERE name = 'audit_log';"
    run -0 hujing audit verify
    run -5 --separate-stderr hujing audit verify --anchor "$anchor"
    assert_error_line "锚点 $anchor 校验失败: 第 $row 行已不在审计链中"
}

@test "a chain rewritten and recomputed passes verify but fails the anchor with exit 5" {
    seed
    anchor=$(head_anchor)
    python3 - "$HUJING_DB" <<'PY'
import hashlib, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_log_no_update")
db.execute("UPDATE audit_log SET actor = 'forged' WHERE id = 2")
prev = "0" * 64
cols = "id, at, actor, command, entity, entity_id, action, before, after, os_user"
for r in db.execute(f"SELECT {cols} FROM audit_log ORDER BY id").fetchall():
    row = list(r[:9])
    if r[9] is not None:
        row.append(r[9])
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    h = hashlib.sha256((prev + "\n" + text).encode()).hexdigest()
    db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r[0]))
    prev = h
db.commit()
PY
    run -0 hujing audit verify
    run -5 --separate-stderr hujing audit verify --anchor "$anchor"
    assert_error_line "锚点 $anchor 校验失败: 第 ${anchor%%:*} 行的哈希与锚点不符"
}

@test "a file without anchors is exit 4; a missing file exit 3" {
    seed
    echo "nothing here" > empty.txt
    run -4 --separate-stderr hujing audit verify --anchor empty.txt
    assert_error_line "锚点文件中没有 ROW:HASH 形式的锚点: empty.txt"
    run -3 --separate-stderr hujing audit verify --anchor missing.txt
    assert_error_line
}
