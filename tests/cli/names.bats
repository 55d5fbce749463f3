#!/usr/bin/env bats
# Names for things: units by the names the plan uses, a suggestion for a near miss, enterprises
# by their exact registered name.
load helpers

@test "units answer to the short names the plan uses (aliases in units.yaml)" {
    seed_enterprises_and_officers
    id=$(hujing demand add $E1 --text 签证加急 --category 出入境)
    run -0 hujing demand route "$id" --unit 出入境大队 --within 3
    run -0 hujing demand list --unit 出入境管理大队 -f tsv --no-header --fields id
    [ "$output" = "$id" ]
    run -0 hujing demand list --unit 出入境大队 -f tsv --no-header --fields id
    [ "$output" = "$id" ]
    run -0 hujing officer add 100009 --name 甲 --unit 食药环大队
    run -0 hujing officer list -f tsv --no-header --fields badge,unit --limit 1 --sort -id
    [ "$output" = $'100009\t食药环知森大队' ]
}

@test "an alias given in an overriding units.yaml works too" {
    mkdir -p data
    sed 's/{code: JJDD, name: 交警大队, kind: police_team}/{code: JJDD, name: 交警大队, kind: police_team, aliases: [交通警察大队]}/' \
        "$HUJING_SOURCE_DIR/schemas/units.yaml" > data/units.yaml
    grep -q 交通警察大队 data/units.yaml
    export HUJING_DATA_DIR=$PWD/data
    init_db
    run -0 hujing officer add 100009 --name 甲 --unit 交通警察大队
}

@test "a near miss of a unit's name gets a suggestion" {
    init_db
    run -3 --separate-stderr hujing officer add 100009 --name 甲 --unit 店口所
    assert_error_line "单位不存在: 店口所 (是否要用 店口派出所？)"
    run -3 --separate-stderr hujing officer add 100009 --name 甲 --unit 火星所
    assert_error_line "单位不存在: 火星所 (用 hujing unit list 查看单位)"
}

@test "an enterprise is found by its exact registered name; a shared name is exit 4" {
    seed_enterprises_and_officers
    run -0 hujing enterprise show 浙江海亮股份有限公司 -f tsv
    [[ "$output" == *$'\n'"uscc"$'\t'"$E1"$'\n'* ]]
    run -0 hujing visit log 诸暨袜业有限公司 --officer 100001 --summary 走访
    run -0 hujing visit list -f tsv --no-header --fields enterprise_id
    [ "$output" = 2 ]
    run -3 --separate-stderr hujing enterprise show 浙江海亮
    hujing enterprise add 91330681MA2D86XM28 --name 浙江海亮股份有限公司 --town 店口镇 >/dev/null 2>&1 || true
    if [ "$(hujing enterprise list --search 浙江海亮 -f tsv --no-header --fields id | wc -l)" -eq 2 ]; then
        run -4 --separate-stderr hujing enterprise show 浙江海亮股份有限公司
        assert_error_line "对应多家企业"
    fi
}
