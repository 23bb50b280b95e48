#!/usr/bin/env bash
# Builds the demo ledger ledgers/taiqian-2024/ from scratch, using only the
# taizhang command line. Every command is given an explicit --today (the day
# the event happened), so the result is the same, byte for byte, on every
# run and every machine.
#
# Usage: examples/build-demo.sh [--force]
#   --force   delete ledgers/taiqian-2024/ first if it exists, then rebuild
#
# The taizhang binary is taken from $TAIZHANG (split on spaces), by default
# `cargo run --quiet --`, run from the repository root, e.g.
#   TAIZHANG=target/debug/taizhang examples/build-demo.sh --force
#
# The projects are those named at Taiqian County's 2024 dispatch meeting;
# owners, national codes, investments and dates are illustrative.
# Reports read best as of 2024-11-25:
#   taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report overdue
#   taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report weekly --week-of 2024-11-24
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
target=ledgers/taiqian-2024

force=0
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        -h | --help)
            sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "error: unknown argument \"$arg\": expected --force or --help" >&2
            exit 2
            ;;
    esac
done

if [[ -e $target ]]; then
    if ((force)); then
        rm -rf -- "$target"
    else
        echo "error: $target already exists: give --force to delete and rebuild it" >&2
        exit 1
    fi
fi

read -r -a taizhang <<<"${TAIZHANG:-cargo run --quiet --}"

# tz DATE ARGS...: runs one taizhang command on the demo ledger as of DATE.
tz() {
    local day=$1
    shift
    "${taizhang[@]}" -L "$target" --today "$day" "$@"
}

mkdir -p ledgers
"${taizhang[@]}" --today 2024-02-01 --lang zh init "$target" \
    --name "台前县重大项目前期手续台账" --region 410927

# ---------------------------------------------------------------------------
# Each project is opened with the facts that decide its task list (see
# docs/CATALOGUE.md): land supply (--land), investment nature
# (--investment-nature), hazardous chemicals (--hazchem), EIA category
# (--eia) and the development zone (--zone). Commitments (容缺 / 告知承诺)
# cover secondary materials only, never the core report of a procedure.

# 河南盛润年产2万吨对苯二酚项目: a hazardous-chemical plant on transferred land
# (出让: no siting opinion, no survey of its own). Most procedures obtained;
# the safety conditions review granted on a tolerance pledge that is
# overdue, the safety-facilities design review (city emergency bureau)
# stuck; not started four months after the planned start.
p=shengrun-hq
tz 2024-03-11 open $p --name "河南盛润年产2万吨对苯二酚项目" --type chemical \
    --owner "河南盛润化工有限公司" --township "侯庙镇" \
    --code 2403-410927-04-01-382615 --investment 52000 --planned-start 2024-08-01 \
    --land transfer --investment-nature filing --hazchem yes --eia report \
    --leader "王建国" --unit "县发展和改革委员会" --person "刘洋" --person-phone 13903935126 \
    --contact "赵文博" --contact-phone 0393-5216688
tz 2024-03-22 tick $p approval --doc "台发改备〔2024〕21号"
tz 2024-04-02 tick $p land-transfer --doc "台自然资出〔2024〕12号"
tz 2024-04-10 tick $p mineral-overlay --doc "豫自然资压查〔2024〕1187号" --note "未压覆重要矿产"
tz 2024-04-12 tick $p geohazard --doc "台自然资地灾备〔2024〕9号"
tz 2024-04-19 tick $p land-planning --doc "地字第410927202400009号"
tz 2024-04-25 pledge $p safety --kind tolerance --due 2024-09-30 \
    --items "周边企业及设施安全距离核查证明（盖章件）"
tz 2024-05-06 tick $p eia --doc "台环审〔2024〕15号"
tz 2024-05-20 tick $p energy --doc "台发改能评〔2024〕4号"
tz 2024-05-28 tick $p soil-water --doc "台水保〔2024〕11号"
tz 2024-06-14 pledge $p water-abstraction --kind tolerance --due 2024-07-31 \
    --items "取水口位置图及坐标（盖章件）"
tz 2024-06-14 due $p flood 2024-07-31
tz 2024-07-10 tick $p land-title --doc "豫（2024）台前县不动产权第0002317号"
tz 2024-07-18 tick $p works-planning --doc "建字第410927202400021号"
tz 2024-07-26 fulfil $p water-abstraction
tz 2024-08-20 due $p safety-design 2024-10-31
tz 2024-08-20 due $p lightning 2024-10-15
tz 2024-08-20 due $p fire-design 2024-10-15
tz 2024-08-20 due $p drawing-review 2024-10-15
tz 2024-09-12 tick $p lightning --doc "台气防雷审〔2024〕6号"
tz 2024-11-04 tick $p flood --doc "台水审〔2024〕6号" --note "超时限办结"

# 河南跃达年产2万吨丁烯二醇及系列产品项目: hazardous chemicals on transferred
# land; the environmental and safety reviews stuck, procedures far behind.
p=yueda-bdo
tz 2024-04-08 open $p --name "河南跃达年产2万吨丁烯二醇及系列产品项目" --type chemical \
    --owner "河南跃达新材料有限公司" --township "侯庙镇" \
    --code 2404-410927-04-01-517402 --investment 38000 --planned-start 2024-09-30 \
    --land transfer --investment-nature filing --hazchem yes --eia report \
    --leader "王建国" --unit "县产业集聚区管委会" --person "孙丽" --person-phone 13839382047 \
    --contact "钱海涛" --contact-phone 15093917735
tz 2024-04-26 tick $p approval --doc "台发改备〔2024〕33号"
tz 2024-05-08 tick $p land-transfer --doc "台自然资出〔2024〕19号"
tz 2024-06-05 due $p eia 2024-08-31
tz 2024-06-20 pledge $p soil-water --kind tolerance --due 2024-08-20 \
    --items "水土保持补偿费缴纳凭证"
tz 2024-07-03 tick $p geohazard --doc "台自然资地灾备〔2024〕14号"
tz 2024-09-12 fulfil $p soil-water

# 濮阳中硼硼系列产品项目: an industrial project on transferred land with an EIA
# table; every procedure done, one pledge made good late, started two
# weeks after plan.
p=zhongpeng-boron
tz 2024-02-26 open $p --name "濮阳中硼硼系列产品项目" --type industrial \
    --owner "濮阳中硼新材料有限公司" --township "吴坝镇" \
    --code 2402-410927-04-01-204781 --investment 26500 --planned-start 2024-06-30 \
    --land transfer --investment-nature filing --eia table \
    --without water-abstraction --without flood
tz 2024-03-08 tick $p approval --doc "台发改备〔2024〕7号"
tz 2024-03-20 tick $p land-transfer --doc "台自然资出〔2024〕5号"
tz 2024-03-26 tick $p eia --doc "台环审〔2024〕8号"
tz 2024-04-12 tick $p soil-water --doc "台水保〔2024〕4号"
tz 2024-04-25 tick $p mineral-overlay --doc "豫自然资压查〔2024〕862号" --note "未压覆重要矿产"
tz 2024-04-25 tick $p geohazard --doc "台自然资地灾备〔2024〕5号"
tz 2024-05-06 tick $p land-planning --doc "地字第410927202400006号"
tz 2024-05-20 pledge $p energy --kind notify --due 2024-08-31 --items "能源计量器具配备方案"
tz 2024-05-28 tick $p land-title --doc "豫（2024）台前县不动产权第0001486号"
tz 2024-06-07 tick $p works-planning --doc "建字第410927202400011号"
tz 2024-06-14 tick $p civil-defence --doc "台人防审〔2024〕3号" --note "缴纳易地建设费"
tz 2024-06-21 tick $p drawing-review --doc "审查合格书 4109272024-017"
tz 2024-07-05 tick $p construction-permit --doc "410927202407050101"
tz 2024-07-15 start $p
tz 2024-09-10 fulfil $p energy

# 羽绒"一馆三中心"项目: government-invested public building on allocated land
# (划拨): proposal, feasibility and preliminary design approved, land taken
# and allocated; works planning permit overdue, land title granted on a
# tolerance pledge, start slightly late.
p=yurong-center
tz 2024-05-13 open $p --name "羽绒\"一馆三中心\"项目" --type public \
    --owner "台前县城市建设投资有限公司" --township "城关镇" \
    --code 2405-410927-89-01-663120 --investment 18000 --planned-start 2024-10-31 \
    --land allocation --investment-nature government --eia table \
    --leader "李志强" --unit "县城市管理局" --person "周敏" --person-phone 0393-2218035
tz 2024-05-24 tick $p approval --doc "台发改审批〔2024〕17号" --note "项目建议书"
tz 2024-05-31 tick $p stability-risk --doc "台稳评〔2024〕7号" --note "低风险"
tz 2024-06-05 tick $p feasibility --doc "台发改审批〔2024〕19号"
tz 2024-06-11 tick $p land-prereview --doc "用字第410927202400027号"
tz 2024-06-20 tick $p soil-water --doc "台水保〔2024〕19号"
tz 2024-06-28 tick $p farmland-conversion --doc "豫政土〔2024〕281号"
tz 2024-07-08 tick $p eia --doc "台环审〔2024〕41号"
tz 2024-07-15 tick $p mineral-overlay --doc "豫自然资压查〔2024〕1642号" --note "未压覆重要矿产"
tz 2024-07-15 tick $p geohazard --doc "台自然资地灾备〔2024〕21号"
tz 2024-07-30 tick $p relics --doc "濮文物勘〔2024〕61号"
tz 2024-08-05 tick $p land-allocation --doc "台政划〔2024〕5号"
tz 2024-08-19 tick $p land-planning --doc "地字第410927202400022号"
tz 2024-08-26 tick $p preliminary-design --doc "台发改审批〔2024〕25号"
tz 2024-09-09 pledge $p land-title --kind tolerance --due 2024-11-30 \
    --items "地籍调查表及宗地图（盖章件）"
tz 2024-09-09 due $p works-planning 2024-10-31
tz 2024-09-09 due $p fire-design 2024-11-29
tz 2024-11-08 tick $p flood --doc "台水审〔2024〕17号"

# 濮阳星辰年产100万套激光设备项目: on transferred land in the development
# zone, whose regional assessment covers minerals, geological hazards,
# relics and flood impact; on schedule.
p=xingchen-laser
tz 2024-06-03 open $p --name "濮阳星辰年产100万套激光设备项目" --type industrial \
    --owner "濮阳星辰激光科技有限公司" --township "马楼镇" \
    --code 2406-410927-04-01-795036 --investment 45000 --planned-start 2024-12-31 \
    --land transfer --investment-nature filing --eia table --zone kfq \
    --without water-abstraction
tz 2024-06-14 tick $p approval --doc "台发改备〔2024〕41号"
tz 2024-06-27 tick $p land-transfer --doc "台自然资出〔2024〕31号"
tz 2024-07-05 tick $p soil-water --doc "台水保〔2024〕23号"
tz 2024-07-19 tick $p eia --doc "台环审〔2024〕52号"
tz 2024-08-16 tick $p energy --doc "台发改能评〔2024〕9号"
tz 2024-09-06 tick $p land-planning --doc "地字第410927202400030号"
tz 2024-10-10 pledge $p land-title --kind tolerance --due 2024-12-20 --items "宗地图（盖章件）"
tz 2024-10-25 tick $p works-planning --doc "建字第410927202400036号"
tz 2024-11-15 tick $p civil-defence --doc "台人防审〔2024〕11号"
tz 2024-11-15 due $p drawing-review 2024-12-13
tz 2024-11-15 due $p construction-permit 2024-12-27

# 君瀚实业箱包生产项目: started on commitments; two of them still open and
# past their deadline.
p=junhan-bags
tz 2024-07-08 open $p --name "君瀚实业箱包生产项目" --type industrial \
    --owner "台前县君瀚实业有限公司" --township "打渔陈镇" \
    --code 2407-410927-18-01-118540 --investment 12000 --planned-start 2024-09-15 \
    --land transfer --investment-nature filing --eia table \
    --without water-abstraction --without energy --without flood
tz 2024-07-12 tick $p approval --doc "台发改备〔2024〕48号"
tz 2024-07-19 tick $p land-transfer --doc "台自然资出〔2024〕35号"
tz 2024-07-26 tick $p eia --doc "台环审〔2024〕58号"
tz 2024-07-26 pledge $p soil-water --kind notify --due 2024-09-30 --items "水土保持补偿费缴纳凭证"
tz 2024-08-02 tick $p mineral-overlay --doc "豫自然资压查〔2024〕2015号" --note "未压覆重要矿产"
tz 2024-08-02 tick $p geohazard --doc "台自然资地灾备〔2024〕27号"
tz 2024-08-09 tick $p land-planning --doc "地字第410927202400033号"
tz 2024-08-16 pledge $p land-title --kind tolerance --due 2024-10-31 \
    --items "宗地图（盖章件）"
tz 2024-08-23 tick $p works-planning --doc "建字第410927202400031号"
tz 2024-08-23 tick $p civil-defence --doc "台人防审〔2024〕8号" --note "缴纳易地建设费"
tz 2024-09-06 pledge $p drawing-review --kind notify --due 2024-11-15 \
    --items "施工图设计文件电子归档件"
tz 2024-09-13 tick $p construction-permit --doc "410927202409130101"
tz 2024-09-20 start $p
tz 2024-10-14 fulfil $p soil-water

# 公铁联运煤炭物流园项目: stalled since spring: environmental pledge long
# overdue, transport review overdue, nothing recorded for months.
p=gongtie-coal
tz 2024-02-19 open $p --name "公铁联运煤炭物流园项目" --type logistics \
    --owner "台前县公铁联运物流有限公司" --township "孙口镇" \
    --code 2402-410927-59-01-306918 --investment 65000 --planned-start 2024-06-30 \
    --land transfer --investment-nature filing --eia report \
    --leader "张卫东" --unit "县交通运输局" --person "吴刚" --person-phone 13700393318 \
    --contact "郑永强" --contact-phone 18639311206
tz 2024-03-01 tick $p approval --doc "台发改备〔2024〕9号"
tz 2024-03-15 tick $p land-transfer --doc "台自然资出〔2024〕8号"
tz 2024-04-15 pledge $p eia --kind notify --due 2024-07-15 \
    --items "铁路专用线接轨协议（复印件）"
tz 2024-05-10 tick $p soil-water --doc "台水保〔2024〕13号"
tz 2024-05-10 due $p transport-review 2024-06-30

# 华瑞电气电力铁塔项目: opened late, procedures behind the clock. It has no
# national project code yet.
p=huarui-tower
tz 2024-08-05 open $p --name "华瑞电气电力铁塔项目" --type industrial \
    --owner "河南华瑞电气有限公司" --township "夹河乡" \
    --investment 15000 --planned-start 2024-11-30 \
    --land transfer --investment-nature filing --eia table --without water-abstraction
tz 2024-08-14 tick $p approval --doc "台发改备〔2024〕55号"
tz 2024-08-23 tick $p land-transfer --doc "台自然资出〔2024〕41号"
tz 2024-09-06 tick $p soil-water --doc "台水保〔2024〕31号"
tz 2024-09-20 tick $p eia --doc "台环审〔2024〕66号"
tz 2024-10-11 tick $p mineral-overlay --doc "豫自然资压查〔2024〕2533号" --note "未压覆重要矿产"
tz 2024-10-11 tick $p geohazard --doc "台自然资地灾备〔2024〕36号"
tz 2024-10-18 tick $p energy --doc "台发改能评〔2024〕21号"
tz 2024-11-01 tick $p land-planning --doc "地字第410927202400044号"

# 城区道路绿化工程: government-invested works on existing roads (no new land,
# not in the EIA classification list); done and started.
p=road-greening
tz 2024-03-04 open $p --name "城区道路绿化工程" --type municipal \
    --owner "台前县住房和城乡建设局" --township "城关镇" \
    --investment 3200 --planned-start 2024-04-15 \
    --land none --investment-nature government --eia none --without flood
tz 2024-03-08 tick $p stability-risk --doc "台稳评〔2024〕2号" --note "低风险"
tz 2024-03-12 tick $p approval --doc "台发改审批〔2024〕6号"
tz 2024-03-12 tick $p feasibility --doc "台发改审批〔2024〕6号" --note "可行性研究报告代项目建议书"
tz 2024-03-19 tick $p preliminary-design --doc "台发改审批〔2024〕8号"
tz 2024-03-22 tick $p soil-water --doc "台水保〔2024〕3号"
tz 2024-04-02 tick $p drawing-review --doc "审查合格书 4109272024-009"
tz 2024-04-12 tick $p construction-permit --doc "410927202404120201"
tz 2024-04-20 start $p

# 开发区配套综合管线: government-invested pipes on allocated land in the
# development zone (its regional assessment waives four procedures);
# drawings and permit overdue since summer, stale.
p=kaifaqu-pipes
tz 2024-04-22 open $p --name "开发区配套综合管线" --type municipal \
    --owner "台前县产业集聚区开发建设有限公司" --township "后方乡" \
    --code 2404-410927-78-01-240519 --investment 9800 --planned-start 2024-08-15 \
    --land allocation --investment-nature government --eia table --zone kfq \
    --without farmland-conversion \
    --leader "李志强" --unit "县产业集聚区管委会" --person "冯磊" --person-phone 13598213347
tz 2024-05-06 tick $p approval --doc "台发改审批〔2024〕14号"
tz 2024-05-10 tick $p feasibility --doc "台发改审批〔2024〕15号"
tz 2024-05-17 tick $p land-prereview --doc "用字第410927202400021号"
tz 2024-05-20 tick $p stability-risk --doc "台稳评〔2024〕5号" --note "低风险"
tz 2024-05-24 tick $p land-allocation --doc "台政划〔2024〕3号"
tz 2024-06-03 tick $p soil-water --doc "台水保〔2024〕15号"
tz 2024-06-14 tick $p eia --doc "台环审〔2024〕33号"
tz 2024-06-20 tick $p preliminary-design --doc "台发改审批〔2024〕20号"
tz 2024-07-01 tick $p land-planning --doc "地字第410927202400025号"
tz 2024-07-19 tick $p works-planning --doc "建字第410927202400024号"
tz 2024-07-19 due $p drawing-review 2024-08-10
tz 2024-07-19 due $p construction-permit 2024-08-31

# 化工园区污水管网: government-invested pipes on allocated land; environmental
# pledge made good late; permit overdue.
p=chem-sewer
tz 2024-06-17 open $p --name "化工园区污水管网" --type municipal \
    --owner "台前县水务投资有限公司" --township "侯庙镇" \
    --investment 7600 --planned-start 2024-10-08 \
    --land allocation --investment-nature government --eia table \
    --without farmland-conversion \
    --leader "张卫东" --unit "县水利局" --person "陈静" --person-phone 0393-2212460
tz 2024-06-28 tick $p approval --doc "台发改审批〔2024〕21号"
tz 2024-07-03 tick $p feasibility --doc "台发改审批〔2024〕22号"
tz 2024-07-10 tick $p land-prereview --doc "用字第410927202400034号"
tz 2024-07-15 tick $p stability-risk --doc "台稳评〔2024〕9号" --note "低风险"
tz 2024-07-24 tick $p soil-water --doc "台水保〔2024〕26号"
tz 2024-07-31 tick $p land-allocation --doc "台政划〔2024〕6号"
tz 2024-08-02 tick $p mineral-overlay --doc "豫自然资压查〔2024〕1998号" --note "未压覆重要矿产"
tz 2024-08-02 tick $p geohazard --doc "台自然资地灾备〔2024〕26号"
tz 2024-08-06 tick $p relics --doc "濮文物勘〔2024〕74号"
tz 2024-08-09 pledge $p eia --kind notify --due 2024-10-31 \
    --items "入河排污口设置论证专家意见（复印件）"
tz 2024-08-16 tick $p preliminary-design --doc "台发改审批〔2024〕26号"
tz 2024-08-26 tick $p land-planning --doc "地字第410927202400037号"
tz 2024-09-20 tick $p works-planning --doc "建字第410927202400034号"
tz 2024-09-20 due $p construction-permit 2024-10-31
tz 2024-09-27 tick $p flood --doc "台水审〔2024〕15号"
tz 2024-10-18 pledge $p drawing-review --kind tolerance --due 2024-12-15 \
    --items "管线综合图（盖章件）"
tz 2024-11-04 tick $p eia --doc "台环审〔2024〕71号"

# 孙口至打渔陈县道升级改造工程: a government-invested county road on
# allocated land: proposal and feasibility approved, preliminary design
# pending, the highway construction permit (公路工程施工许可) due from the
# transport bureau; early procedures already past their time limits.
p=sunkou-road
tz 2024-09-02 open $p --name "孙口至打渔陈县道升级改造工程" --type transport \
    --owner "台前县交通运输局" --township "孙口镇" \
    --code 2409-410927-48-01-427709 --investment 21000 --planned-start 2025-03-01 \
    --land allocation --investment-nature government --eia table \
    --leader "张卫东" --unit "县交通运输局" --person "吴刚" --person-phone 13700393318
tz 2024-09-20 tick $p approval --doc "台发改审批〔2024〕29号" --note "项目建议书"
tz 2024-10-15 tick $p transport-review --doc "台交审〔2024〕3号"
tz 2024-10-25 tick $p feasibility --doc "台发改审批〔2024〕35号"
tz 2024-11-18 due $p flood 2024-12-31
tz 2024-11-18 due $p preliminary-design 2024-12-20
tz 2024-11-18 due $p road-permit 2025-02-14
tz 2024-11-22 tick $p stability-risk --doc "台稳评〔2024〕16号" --note "中风险，已制定化解措施"

# 金堤河台前段综合治理工程 (water): government-invested river works on the
# existing river course (no new land); environmental pledge just overdue,
# start ten days late.
p=jindi-river
tz 2024-09-09 open $p --name "金堤河台前段综合治理工程" --type water \
    --owner "台前县水利局" --township "清水河乡" \
    --investment 8600 --planned-start 2024-11-15 \
    --land none --investment-nature government --eia table \
    --leader "张卫东" --unit "县水利局" --person "陈静" --person-phone 0393-2212460
tz 2024-09-24 tick $p approval --doc "台发改审批〔2024〕31号"
tz 2024-09-30 tick $p feasibility --doc "台发改审批〔2024〕32号"
tz 2024-10-12 tick $p water-review --doc "台水审〔2024〕19号"
tz 2024-10-12 tick $p flood --doc "台水审〔2024〕19号" --note "与行业审查合并"
tz 2024-10-18 tick $p preliminary-design --doc "台发改审批〔2024〕34号"
tz 2024-10-21 tick $p soil-water --doc "台水保〔2024〕35号"
tz 2024-10-25 tick $p stability-risk --doc "台稳评〔2024〕12号" --note "低风险"
tz 2024-10-28 pledge $p eia --kind notify --due 2024-11-20 --items "公众参与说明（盖章件）"

# ---------------------------------------------------------------------------
# The supervision task force's side (督导服务专班): annual planned
# investment (年度计划投资), progress entries (进度台账: investment
# completed to date, physical progress) and the problem ledger (问题台账).
# Amounts are illustrative.
tz 2024-02-01 plan road-greening --year 2024 --amount 3200
tz 2024-02-01 plan zhongpeng-boron --year 2024 --amount 12000
tz 2024-02-01 plan shengrun-hq --year 2024 --amount 15000
tz 2024-02-01 plan gongtie-coal --year 2024 --amount 20000
tz 2024-07-08 plan junhan-bags --year 2024 --amount 6000
tz 2024-09-02 plan chem-sewer --year 2024 --amount 2500

# 城区道路绿化工程: ahead of time-elapsed progress.
p=road-greening
tz 2024-05-31 progress $p --invested 800 --note "苗木进场，中分带整治"
tz 2024-06-30 progress $p --invested 1500 --note "人民路、将军路绿化施工"
tz 2024-08-31 progress $p --invested 2300 --note "主干道绿化完成"
tz 2024-10-31 progress $p --invested 2900 --note "背街小巷绿化"
tz 2024-11-20 progress $p --invested 3050 --note "收尾及养护"

# 濮阳中硼硼系列产品项目: 79% of the year's plan against 89% of the year: yellow.
p=zhongpeng-boron
tz 2024-07-31 progress $p --invested 1800 --note "场地平整、桩基施工"
tz 2024-08-31 progress $p --invested 4000 --note "主厂房基础"
tz 2024-09-30 progress $p --invested 6500 --note "主厂房钢结构吊装"
tz 2024-10-31 progress $p --invested 8400 --note "设备基础"
tz 2024-11-22 progress $p --invested 9500 --note "主厂房封顶"

# 君瀚实业箱包生产项目: far behind the year's plan, and no entry for weeks.
p=junhan-bags
tz 2024-09-30 progress $p --invested 600 --note "厂房钢结构进场"
tz 2024-10-15 progress $p --invested 1500 --note "钢结构主体安装"
tz 2024-09-25 problem add $p --what "施工用电增容未落实" --unit "国网台前县供电公司" \
    --limit 2024-10-20
tz 2024-10-18 problem resolve $p 1 --how "新建10kV专线已送电"

# 化工园区污水管网: construction permit obtained late, works started.
p=chem-sewer
tz 2024-11-20 tick $p construction-permit --doc "410927202411200301" --note "超时限办结"
tz 2024-11-22 start $p
tz 2024-11-22 progress $p --invested 350 --note "管材进场，沟槽开挖"

# Problems (问题台账) with their responsible units and time limits.
tz 2024-06-05 problem add gongtie-coal --what "铁路专用线接轨协议未签订" \
    --unit "县交通运输局" --limit 2024-08-31
tz 2024-10-10 problem add shengrun-hq --what "安全设施设计专篇专家评审未组织" \
    --unit "濮阳市应急管理局" --limit 2024-11-15
tz 2024-10-28 problem add kaifaqu-pipes --what "管线穿越金堤河堤防需水利部门审查" \
    --unit "县水利局" --limit 2024-11-22
tz 2024-11-11 problem add yueda-bdo --what "环评报告书技术评估意见未出具" \
    --unit "濮阳市生态环境局台前分局" --limit 2024-11-29
tz 2024-11-18 problem add xingchen-laser --what "施工图设计单位未确定" \
    --unit "濮阳星辰激光科技有限公司" --limit 2024-12-06
tz 2024-11-19 problem add yurong-center --what "地块西侧高压线迁改" \
    --unit "国网台前县供电公司" --limit 2024-12-20
tz 2024-11-21 problem resolve yurong-center 1 --how "迁改方案已批复，12月上旬施工"

# The October bulletin (简报), published on 1 November into bulletins/: the
# November one is issue 2, and its changes count from the end of October.
tz 2024-11-01 report bulletin --month 2024-10 --publish

# ---------------------------------------------------------------------------
# History and corrections (a county's real ledger).

# 黄河滩区农产品冷链物流园: an existing project entered in October with its
# past: approval, land transfer and EIA obtained before it entered the
# ledger, its planned start already behind it; it lies in the development
# zone, whose regional assessment (区域评估) covers its minerals, geological
# hazard and flood assessments; its cold store draws groundwater, so water
# abstraction was found needed later.
p=huanghe-coldchain
tz 2024-10-08 open $p --name "黄河滩区农产品冷链物流园" --type logistics \
    --owner "台前县黄河滩区农业发展有限公司" --township "吴坝镇" \
    --code 2312-410927-59-01-861204 --investment 16800 --planned-start 2024-09-01 \
    --land transfer --investment-nature filing --eia table --zone kfq
tz 2024-10-08 tick $p approval --date 2023-12-15 --doc "台发改备〔2023〕62号"
tz 2024-10-08 tick $p land-transfer --date 2024-03-20 --doc "台自然资出〔2024〕11号"
tz 2024-10-08 tick $p eia --date 2024-06-18 --doc "台环审〔2024〕39号"
tz 2024-10-08 apply $p soil-water --date 2024-08-05
tz 2024-10-15 require $p water-abstraction
tz 2024-10-29 tick $p soil-water --doc "台水保〔2024〕38号"

# 公铁联运煤炭物流园项目: the environmental commitment's deadline extended
# (延期) once; overdue all the same.
tz 2024-07-12 extend gongtie-coal eia --due 2024-09-15 \
    --reason "铁路专用线接轨协议待国铁集团郑州局批复"

# Mistakes put right: a tick on the wrong row undone, a document number
# corrected.
tz 2024-09-06 tick xingchen-laser drawing-review
tz 2024-09-06 undo xingchen-laser drawing-review --reason "误录：应为建设用地规划许可证"
tz 2024-10-21 edit huarui-tower energy --doc "台发改能评〔2024〕12号" \
    --note "文号更正（原录为〔2024〕21号）"

# Projects change (项目信息变更), finish (竣工) or stop (暂缓).
# 华瑞电气电力铁塔项目 was opened before its national project code was issued.
tz 2024-09-02 set huarui-tower --code 2408-410927-04-01-633207
# 开发区配套综合管线: the crossing of the Jindi River dyke must be redesigned;
# the owner asked to suspend the project, so it leaves the overdue and slow
# lists until works resume.
tz 2024-11-19 stage kaifaqu-pipes suspended \
    --reason "穿越金堤河堤防方案需重新设计报审，项目单位申请暂缓实施"
# 城区道路绿化工程: works completed and accepted.
tz 2024-11-22 stage road-greening completed --reason "通过竣工验收"

# ---------------------------------------------------------------------------
# The coordination mechanism's side (协调机制): funds (资金使用, 万元,
# illustrative), problems climbing to the mechanism and the county leaders
# with a supervision order (督办), dispatch meetings (调度会) and their
# decisions, and site visits (现场督导).

# Whom to call about 星辰激光 and the cold-chain park, set after they were
# opened.
tz 2024-10-08 set huanghe-coldchain --leader "张卫东" --unit "县农业农村局" \
    --person "韩冬" --person-phone 15139327750
tz 2024-11-18 set xingchen-laser --leader "李志强" --unit "县产业集聚区管委会" \
    --person "马骏" --person-phone 13782960418 --contact "何晓" --contact-phone 0393-3361702

# The leaders on duty of the task forces (分管领导带班).
tz 2024-02-01 leader land "副县长 王建国"
tz 2024-02-01 leader env "副县长 张卫东"
tz 2024-02-01 leader build "副县长 李志强"
tz 2024-02-01 leader supervision "县政府办公室主任 刘振华"

# Funds. 城区道路绿化 and the sewer network run on government money;
# 公铁联运 and 羽绒"一馆三中心" received special bonds (专项债) and have not
# started; 跃达 is financed by the enterprise and a bank.
tz 2024-03-20 funds road-greening --source 省市补助 --received 2000 --note "省级城市更新补助"
tz 2024-04-25 funds road-greening --source 省市补助 --paid 800 --note "苗木款"
tz 2024-07-10 funds road-greening --source 省市补助 --paid 900 --note "进度款"
tz 2024-10-15 funds road-greening --source 省市补助 --paid 200 --note "进度款"
tz 2024-11-20 funds road-greening --source 省市补助 --paid 100 --note "尾款"
tz 2024-03-15 funds gongtie-coal --source 专项债券 --planned 20000 --note "2024年第一批专项债券"
tz 2024-05-28 funds gongtie-coal --source 专项债券 --received 12000 --note "第一批到位"
tz 2024-02-26 funds zhongpeng-boron --source 企业自筹 --planned 12000
tz 2024-06-20 funds zhongpeng-boron --source 中央预算内投资 --received 3000 --note "产业转型升级项目"
tz 2024-07-30 funds zhongpeng-boron --source 中央预算内投资 --paid 1800
tz 2024-09-27 funds zhongpeng-boron --source 中央预算内投资 --paid 1200
tz 2024-08-15 funds zhongpeng-boron --source 企业自筹 --received 6500
tz 2024-10-31 funds zhongpeng-boron --source 企业自筹 --paid 6500
tz 2024-08-20 funds yurong-center --source 专项债券 --received 6000 --note "2024年第三批专项债券"
tz 2024-09-30 funds yurong-center --source 省市补助 --received 1500 --note "省级服务业专项资金"
tz 2024-07-01 funds chem-sewer --source 超长期特别国债 --received 2000 --note "化工园区配套管网"
tz 2024-11-22 funds chem-sewer --source 超长期特别国债 --paid 350 --note "管材预付款"
tz 2024-06-10 funds yueda-bdo --source 企业自筹 --received 5000
tz 2024-09-10 funds yueda-bdo --source 银行贷款 --received 8000 --note "中原银行项目贷款"
tz 2024-10-20 funds yueda-bdo --source 企业自筹 --paid 3600

# Problems climb: the railway siding agreement went to the mechanism and
# then to the county leaders, with a supervision order; the others get a
# category, and the river crossing names the procedure it holds up.
tz 2024-09-05 problem escalate gongtie-coal 1 --to mechanism \
    --note "专班协调未果，提请协调机制办公室协调铁路部门"
tz 2024-10-12 problem escalate gongtie-coal 1 --to leader \
    --note "涉及濮阳车务段，提请县政府分管领导出面协调"
tz 2024-10-15 problem order gongtie-coal 1 --no "台重项督〔2024〕7号" --due 2024-11-15
# The safety review of 盛润 went to the mechanism when its time limit passed,
# under a supervision order of its own.
tz 2024-11-18 problem escalate shengrun-hq 1 --to mechanism \
    --note "涉及市应急管理局，提请协调机制办公室协调专家评审"
tz 2024-11-18 problem order shengrun-hq 1 --no "台重项督〔2024〕9号" --due 2024-11-22
tz 2024-11-01 problem add chem-sewer --what "管网穿越省道需交通部门许可" \
    --unit "县交通运输局" --limit 2024-11-20 --category 手续 --procedure construction-permit
tz 2024-11-19 problem resolve chem-sewer 1 --how "县交通运输局已出具路政许可"
tz 2024-11-08 problem add zhongpeng-boron --what "厂区南侧村民房屋征迁未完成" \
    --unit "吴坝镇人民政府" --limit 2024-11-30 --category 征迁

# Dispatch meetings and their decisions (议定事项).
tz 2024-10-16 meeting add --date 2024-10-16 --title "2024年第10次重大项目建设调度会"
tz 2024-10-16 meeting decide 2024-10-16 --what "督促铁路专用线接轨协议签订" \
    --unit "县交通运输局" --due 2024-10-31 --project gongtie-coal
tz 2024-10-16 meeting decide 2024-10-16 --what "协调管线穿越金堤河堤防审查" \
    --unit "县水利局" --due 2024-11-10 --project kaifaqu-pipes
tz 2024-10-16 meeting decide 2024-10-16 --what "制定专项债券资金支付计划" \
    --unit "县财政局" --due 2024-11-15
tz 2024-11-08 meeting resolve 2024-10-16 2 --how "已出具审查意见，同意穿越方案"
tz 2024-11-20 meeting add --date 2024-11-20 --title "2024年第11次重大项目建设调度会"
tz 2024-11-20 meeting decide 2024-11-20 --what "组织安全设施设计专篇专家评审" \
    --unit "县应急管理局" --due 2024-11-29 --project shengrun-hq
tz 2024-11-20 meeting decide 2024-11-20 --what "加快化工园区污水管网资金支付" \
    --unit "县财政局" --due 2024-12-06 --project chem-sewer

# Site visits (现场督导); one finding opens a problem in the same step.
tz 2024-09-18 visit junhan-bags --by "县督导服务专班第一组" \
    --findings "钢结构厂房施工正常，施工用电负荷不足"
tz 2024-11-12 visit yueda-bdo --by "县督导服务专班第二组" \
    --findings "项目现场未动工，环评报告书技术评估仍在进行"
tz 2024-11-19 visit huarui-tower --by "县督导服务专班第一组" \
    --findings "施工图设计合同未签订，影响施工图审查" \
    --problem --unit "河南华瑞电气有限公司" --limit 2024-12-10 --category 手续
tz 2024-11-21 visit road-greening --by "县督导服务专班第二组" \
    --findings "背街小巷绿化收尾，养护责任已落实"

# ---------------------------------------------------------------------------
cat >"$target/README.md" <<'MD'
# 台前县重大项目前期手续台账（演示）

A demo ledger built by `examples/build-demo.sh`; rebuild it with
`examples/build-demo.sh --force`. Do not edit it by hand.

Each project's task list follows from its facts (land supply, investment
nature, hazardous chemicals, EIA category, development zone) and the
researched catalogue of docs/CATALOGUE.md; `taizhang show ID` says why each
procedure is on the list and which authority issues it.

The projects are those named at Taiqian County's 2024 major-project dispatch
meeting. **Owners, national project codes, investments (万元), document
numbers and all dates are illustrative (金额等均为示意)**: the real figures
were not published.

It reads best as of 2024-11-25:

    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report overdue
    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report slow
    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 problem list
    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 meeting list
    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 show gongtie-coal

and the weekly bulletin (简报) of the week 2024-11-18 to 2024-11-24, in
Markdown, as one HTML page, or as JSON:

    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report weekly --week-of 2024-11-24
    taizhang -L ledgers/taiqian-2024 --today 2024-11-25 report weekly --week-of 2024-11-24 --format html > bulletin.html

The monthly bulletin (月报) of November, issue 2 of 2024 after the October
one kept in `bulletins/`, as a Word document in the official layout, or as a
print- and phone-ready HTML page:

    taizhang -L ledgers/taiqian-2024 --today 2024-11-30 report bulletin --month 2024-11 --format docx --output 简报-2024-11.docx
    taizhang -L ledgers/taiqian-2024 --today 2024-11-30 report bulletin --month 2024-11 --format html > 简报-2024-11.html
MD

tz 2024-11-25 check
echo "Built $target"
