#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the demo enterprise register examples/enterprises.csv (deterministic).

A town-scale set: a few hundred invented enterprises across Zhuji's 23 divisions with the
county's characteristic industries (袜业 大唐, 珍珠 山下湖, 铜管/五金/阀门 店口, 同山烧 同山,
香榧/衬衫 枫桥 …) and the police-regulated trades (旅馆/民宿, 网吧, 娱乐, 典当, 刻章, 废旧金属,
寄递物流, 危化, 道路运输, 网络安全). Names, people and phone numbers are made up; the USCCs are
valid (GB 32100 check character and GB 11714 organisation-code check) under area code 330681
and do not belong to real enterprises as far as we know.

Usage: python3 examples/gen_enterprises.py [COUNT] > examples/enterprises.csv
"""

import csv
import random
import sys

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_check(body8):
    """GB 11714 check character of an 8-character organisation code body."""
    total = 0
    for ch, w in zip(body8, ORG_WEIGHTS):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
        total += value * w
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check(first17):
    """GB 32100 check character over the first 17 characters."""
    total = sum(USCC_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return USCC_CHARS[(31 - total % 31) % 31]


def make_uscc(rng, kind="91"):
    body = "MA2" + "".join(rng.choice(USCC_CHARS) for _ in range(5))
    first17 = kind + "330681" + body + org_check(body)
    return first17 + uscc_check(first17)


# (industry, GB/T 4754-2017 class, name word, tags, sectors, share of 规上)
PROFILES = {
    "socks": ("袜业", "1830", ["袜业", "针织", "袜艺"], ["袜业"], [], 0.25),
    "sock_yarn": ("纺织", "1761", ["纺织", "化纤", "织造"], ["袜业", "纺织"], [], 0.2),
    "pearl": ("珍珠", "2438", ["珍珠", "珠宝", "饰品"], ["珍珠"], [], 0.15),
    "pearl_farm": ("珍珠养殖", "0412", ["水产", "珍珠养殖"], ["珍珠"], [], 0.05),
    "copper": ("铜加工", "3251", ["铜业", "管业", "新材料"], ["铜加工"], [], 0.6),
    "hardware": ("五金", "3389", ["五金", "制冷配件", "金属制品"], ["五金"], [], 0.35),
    "valve": ("阀门", "3443", ["阀门", "流体控制", "管件"], ["阀门"], [], 0.4),
    "autoparts": ("汽配", "3670", ["汽车部件", "汽配"], ["汽配"], [], 0.45),
    "machinery": ("机电装备", "3484", ["机械", "机电", "装备"], ["机电"], [], 0.4),
    "envtech": ("环保新能源", "3591", ["环保科技", "新能源"], ["环保"], [], 0.5),
    "liquor": ("同山烧", "1512", ["酒业", "酿酒", "同山烧"], ["同山烧"], [], 0.1),
    "torreya": ("香榧", "0161", ["香榧", "农业开发", "榧业"], ["香榧"], [], 0.05),
    "shirt": ("衬衫服装", "1810", ["服饰", "制衣", "衬衫"], ["服装"], [], 0.3),
    "hotel": ("旅馆", "6121", ["宾馆", "大酒店", "旅馆"], ["住宿"], ["lodging"], 0.1),
    "homestay": ("民宿", "6130", ["民宿", "山居", "客栈"], ["民宿"], ["lodging"], 0.0),
    "netcafe": ("网吧", "9013", ["网咖", "网络会所", "电竞馆"], ["网吧"], ["netcafe"], 0.0),
    "ktv": ("娱乐", "9011", ["KTV", "娱乐会所", "歌城"], ["娱乐场所"], ["entertainment"], 0.0),
    "pawn": ("典当", "6633", ["典当"], ["典当"], ["pawn"], 0.0),
    "seal": ("公章刻制", "8090", ["刻章", "印章"], ["刻章"], ["seal"], 0.0),
    "scrap": ("废旧金属回收", "5191", ["再生资源", "物资回收"], ["废旧金属"], ["scrap"], 0.05),
    "courier": ("快递", "6020", ["快递", "速递"], ["寄递物流"], ["delivery"], 0.1),
    "logistics": ("物流", "5437", ["物流", "供应链", "货运"], ["物流"], ["delivery"], 0.2),
    "chemical": ("化工", "2614", ["化工", "化学", "新材料"], ["危化"], ["hazchem"], 0.5),
    "chem_trade": ("化工贸易", "5169", ["化工贸易", "化工原料"], ["危化"], ["hazchem"], 0.1),
    "bus": ("客运", "5421", ["客运", "旅游客运"], ["两客一危"], ["transport"], 0.3),
    "hazmat_truck": ("危货运输", "5435", ["危货运输", "运输"], ["两客一危"], ["transport", "hazchem"], 0.2),
    "software": ("软件和信息技术", "6513", ["网络科技", "信息技术", "数据科技"], ["网安等保"], ["cybersecurity"], 0.2),
}

# Division → (weighted profiles, count, a few place names for addresses).
TOWNS = [
    ("暨阳街道", 30, ["hotel", "netcafe", "ktv", "pawn", "seal", "software", "courier"], ["艮塔西路", "望云路", "浣纱北路", "东一路"]),
    ("浣东街道", 20, ["hotel", "netcafe", "ktv", "software", "shirt", "logistics"], ["东二路", "浣东北路", "城东村"]),
    ("陶朱街道", 24, ["hotel", "ktv", "seal", "machinery", "envtech", "courier", "bus"], ["艮塔东路", "陶朱南路", "西施大街"]),
    ("暨南街道", 20, ["logistics", "courier", "machinery", "pawn", "netcafe", "scrap"], ["暨阳南路", "王家井路", "城南大道"]),
    ("大唐街道", 60, ["socks"] * 6 + ["sock_yarn"] * 2 + ["logistics", "courier", "hotel"], ["袜业大道", "轻纺路", "草塔村", "大唐大道"]),
    ("应店街镇", 8, ["machinery", "homestay", "scrap"], ["应店街大道", "紫阆村"]),
    ("次坞镇", 10, ["machinery", "hardware", "homestay", "chemical"], ["次坞大道", "溪埭村"]),
    ("店口镇", 60, ["copper"] * 3 + ["hardware"] * 3 + ["valve"] * 2 + ["autoparts"] * 2 + ["logistics", "scrap", "hazmat_truck"], ["解放路", "中央路", "湄池大道", "阮市路"]),
    ("姚江镇", 16, ["hardware", "valve", "autoparts", "chemical", "chem_trade"], ["江藻路", "直埠大道"]),
    ("山下湖镇", 30, ["pearl"] * 5 + ["pearl_farm"] * 2 + ["courier", "hotel"], ["珍珠大道", "华东国际珠宝城", "解放村"]),
    ("枫桥镇", 24, ["shirt"] * 3 + ["torreya"] * 2 + ["hotel", "homestay", "machinery"], ["枫源路", "枫桥大道", "新枫村"]),
    ("赵家镇", 10, ["torreya"] * 3 + ["homestay"], ["赵家大道", "榧王村"]),
    ("马剑镇", 6, ["homestay", "torreya"], ["马剑大道", "下宅村"]),
    ("五泄镇", 10, ["homestay"] * 2 + ["hotel", "bus"], ["五泄风景区", "十四都村"]),
    ("牌头镇", 14, ["machinery", "chemical", "envtech", "scrap"], ["牌头大道", "同文村"]),
    ("同山镇", 10, ["liquor"] * 3 + ["homestay"], ["同山大道", "边村"]),
    ("安华镇", 10, ["hardware", "chemical", "hazmat_truck", "machinery"], ["安华大道", "安华工业园"]),
    ("璜山镇", 8, ["envtech", "machinery", "homestay"], ["璜山大道", "溪北村"]),
    ("陈宅镇", 5, ["homestay", "torreya"], ["陈宅大道", "沙塔村"]),
    ("浬浦镇", 6, ["machinery", "homestay"], ["浬浦大道", "祝家村"]),
    ("岭北镇", 5, ["homestay", "torreya"], ["岭北大道", "周家村"]),
    ("东白湖镇", 8, ["homestay"] * 2 + ["torreya"], ["斯宅村", "东白湖大道"]),
    ("东和乡", 5, ["homestay", "torreya"], ["东和大道", "十里坪村"]),
]

BRAND = "恒信达华鑫丰盛金瑞祥宏源泰隆昌兴诚伟嘉德利康永安宁佳美新天越富凯远博明阳光中"
SURNAMES = "陈周金何方俞王杨赵斯郦宣楼孟蒋骆郭钱吴徐"
GIVEN = "建国伟平军勇杰明华强芳敏丽燕萍林海波斌涛磊超洁英红霞志刚晓东立新"


def brand(rng):
    return rng.choice(BRAND) + rng.choice(BRAND)


def person(rng):
    n = rng.choice([1, 2])
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


def phone(rng):
    if rng.random() < 0.7:
        return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
    return "0575-8" + "".join(rng.choice("0123456789") for _ in range(7))


def main():
    scale_factor = int(sys.argv[1]) / 447 if len(sys.argv) > 1 else 1.0
    rng = random.Random(20251015)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["uscc", "name", "town", "industry", "industry_code", "scale", "legal_rep",
                  "phone", "address", "tags", "sectors"])
    seen_uscc, seen_name = set(), set()
    for town, count, profiles, places in TOWNS:
        for _ in range(max(1, round(count * scale_factor))):
            key = rng.choice(profiles)
            industry, code, words, tags, sectors, above_share = PROFILES[key]
            kind = "92" if key in ("homestay", "seal") and rng.random() < 0.5 else "91"
            uscc = make_uscc(rng, kind)
            while uscc in seen_uscc:
                uscc = make_uscc(rng, kind)
            seen_uscc.add(uscc)
            short = town[:-2] if town.endswith("街道") else town[:-1]
            while True:
                word = rng.choice(words)
                if key == "homestay":
                    name = f"诸暨市{short}{brand(rng)}{word}"
                elif kind == "92":  # 个体工商户: a shop, not a company
                    name = f"诸暨市{short}{brand(rng)}{word}店"
                else:
                    name = f"诸暨市{brand(rng)}{word}有限公司"
                if name not in seen_name:
                    seen_name.add(name)
                    break
            above = rng.random() < above_share
            row_tags = list(tags)
            if above:
                row_tags.insert(0, "规上")
            if above and rng.random() < 0.15:
                row_tags.append("高新技术企业")
            address = f"诸暨市{town}{rng.choice(places)}{rng.randint(1, 299)}号"
            out.writerow([uscc, name, town, industry, code, "above" if above else "below",
                          person(rng), phone(rng), address, ";".join(row_tags), ";".join(sectors)])


if __name__ == "__main__":
    main()
