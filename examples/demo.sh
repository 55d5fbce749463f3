#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Build demo.db from the example data and show what the registry holds.
# Usage: HUJING=path/to/hujing bash examples/demo.sh   (make demo does this)
# A plain linear script in sections: later capabilities append their own sections.
# Listings are shown as tables (-f table) even when the output is not a terminal.
set -euo pipefail

HUJING=${HUJING:-hujing}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export HUJING_DB=${HUJING_DB:-demo.db}
export HUJING_TODAY=${HUJING_TODAY:-2025-10-15}
export HUJING_OFFICER=${HUJING_OFFICER:-330101}

h() { "$HUJING" "$@"; }
section() { printf '\n== %s\n' "$*"; }
# The ids of enterprises matching the list filters given.
ids() { h enterprise list "$@" -f tsv --no-header --fields id; }

section "数据库: $HUJING_DB"
rm -f "$HUJING_DB" "$HUJING_DB-wal" "$HUJING_DB-shm"
h init

section "民警: examples/officers.csv"
h officer import "$here/officers.csv"

section "企业: examples/enterprises.csv (再导入一次只试运行，已登记的跳过)"
h enterprise import "$here/enterprises.csv"
h enterprise import --dry-run --on-conflict skip "$here/enterprises.csv"

section "指派责任民警 (企业警官按派出所辖区，行业警官管危化与寄递)"
for id in $(ids --town 店口镇 --limit 20); do h enterprise assign "$id" --officer 330276 --role 企业警官 --since 2025-03-01 >/dev/null; done
for id in $(ids --town 大唐街道 --limit 20); do h enterprise assign "$id" --officer 330255 --role 企业警官 --since 2025-04-01 >/dev/null; done
for id in $(ids --town 山下湖镇 --limit 10); do h enterprise assign "$id" --officer 330304 --role 企业警官 >/dev/null; done
for id in $(ids --sector hazchem); do h enterprise assign "$id" --officer 330101 --role 行业警官 --since 2025-01-15 >/dev/null; done
for id in $(ids --sector delivery --limit 10); do h enterprise assign "$id" --officer 330115 --role 行业警官 >/dev/null; done
h enterprise list --officer 330276 --limit 3 -f table

section "信用评价与信用修复"
first_copper=$(ids --industry 铜加工 --scale above --limit 1)
first_sock=$(ids --industry 袜业 --limit 1)
first_chem=$(ids --sector hazchem --limit 1)
h enterprise credit "$first_copper" --grade A --reason "2024 年度信用评价: 守法经营、纳税 A 级" --date 2025-01-20
h enterprise credit "$first_sock" --grade C --reason "2025 年 3 月消防检查发现问题未按期整改" --date 2025-03-10
h enterprise credit "$first_sock" --grade B --reason "整改完毕，复查合格" --date 2025-06-01 --repair
h enterprise credit "$first_chem" --grade D --reason "危化品台账缺失，被行政处罚" --date 2025-05-08

section "风险评估"
risk1=$(h enterprise risk add "$first_chem" --level 红 --description "易制毒化学品流向不清" --unit JDDD --leader 孟海 --date 2025-05-09)
h enterprise risk add "$first_sock" --level 黄 --description "资金链紧张，拖欠货款引发纠纷" --unit JZDD --leader 郭建国 --date 2025-07-02
h enterprise risk add "$first_copper" --level 蓝 --description "外地客户合同诈骗苗头" --unit JZDD --leader 郭建国 --date 2025-08-15
h enterprise risk close "$risk1" --date 2025-09-30
h enterprise risk list --open -f table

section "负面清单 (无事不扰)"
h enterprise exempt "$first_copper" --form hazchem --until 2026-06-30 --reason "列入涉企检查负面清单: 近三年无违法记录"

section "千项万亿重点项目 (五个一)"
project=$(h project add "店口铜材智造产业园" --officer 330283 --enterprise "$first_copper" \
    --plan "项目警官每月走访一次；专班协调治安、交通保障；问题清单周报" \
    --archive /srv/hujing/projects/dk-copper --visit-interval 30 --since 2025-03-01)
h project team add "$project" --officer 330276 --duty 治安保障 >/dev/null
h project team add "$project" --officer 330164 --duty 道路交通 >/dev/null
h project show "$project" -f table

# Visits and the demand loop over 2025 (examples/demo_visits.sh), on the same database.
HUJING="$HUJING" bash "$here/demo_visits.sh"

# Inspections and the double-random draw (examples/demo_inspect.sh).
HUJING="$HUJING" bash "$here/demo_inspect.sh"

section "查询: 店口镇前 5 家企业"
h enterprise list --town 店口镇 --limit 5 -f table

section "查询: 名称或地址含“珍珠”的规上企业"
h enterprise list --search 珍珠 --scale above --limit 5 -f table

section "一企一档: enterprise show"
h enterprise show "$first_sock" -f table
h enterprise show "$(ids --town 店口镇 --limit 1)" -f table

# Enterprise-related cases over 2024–2025 (examples/demo_cases.sh), on the same database.
HUJING="$HUJING" bash "$here/demo_cases.sh"
# The quarterly report of the demo quarter (examples/demo_reports.sh), written last.
HUJING="$HUJING" bash "$here/demo_reports.sh"
