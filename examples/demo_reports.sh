#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The demo quarter's 两书一单: KPIs and warnings of 2025Q3, then the report in md and html under
# demo-reports/ (examples/demo.sh calls this at its end).
# Usage: HUJING=path/to/hujing HUJING_DB=demo.db bash examples/demo_reports.sh
set -euo pipefail

HUJING=${HUJING:-hujing}
export HUJING_DB=${HUJING_DB:-demo.db}
export HUJING_TODAY=${HUJING_TODAY:-2025-10-15}
export HUJING_OFFICER=${HUJING_OFFICER:-330199}
out=${HUJING_REPORT_DIR:-demo-reports}

h() { "$HUJING" "$@"; }
section() { printf '\n== %s\n' "$*"; }

section "工作指标 (report kpi 2025Q3)"
h report kpi 2025Q3 -f table

section "风险预警 (report warnings 2025Q3)"
h report warnings 2025Q3 -f table

section "预警规则: 本局改过的阈值 (warnings.yaml)，先检查再用"
cat > warnings.yaml <<'YAML'
# 本局口径: 一家企业有 3 件以上超期诉求才预警；低满意度按 3 次评价起算
overdue_demands:
  threshold: 3
low_satisfaction:
  min_count: 3
YAML
h report rules validate warnings.yaml
h report warnings 2025Q3 --rules warnings.yaml -f table

section "两书一单 (report quarterly --quarter 2025Q3)"
mkdir -p "$out"
md=$(h report quarterly --quarter 2025Q3 -f md --out "$out")
html=$(h report quarterly --quarter 2025Q3 -f html --out "$out")
printf 'Markdown: %s\nHTML:     %s\n' "$(cd "$(dirname "$md")" && pwd)/$(basename "$md")" \
    "$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
