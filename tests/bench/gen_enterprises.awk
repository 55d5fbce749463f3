# SPDX-License-Identifier: GPL-3.0-or-later
# Print N (-v n=…) valid enterprise CSV rows for benchmarks: USCCs under area code 330681 with
# both checksums (GB 11714 on characters 9–17, GB 32100 on the 18th), spread over Zhuji's 23
# divisions, with industries, tags and sectors. Deterministic.
BEGIN {
    alpha = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for (i = 0; i < 31; i++) val[substr(alpha, i + 1, 1)] = i
    for (i = 0; i < 10; i++) org[i ""] = i
    for (i = 0; i < 26; i++) org[substr("ABCDEFGHIJKLMNOPQRSTUVWXYZ", i + 1, 1)] = i + 10
    split("3 7 9 10 5 8 4 2", ow, " ")
    w = 1
    for (i = 1; i <= 17; i++) { uw[i] = w; w = (w * 3) % 31 }
    ntown = split("暨阳街道 浣东街道 陶朱街道 暨南街道 大唐街道 应店街镇 次坞镇 店口镇 姚江镇 山下湖镇 枫桥镇 赵家镇 马剑镇 五泄镇 牌头镇 同山镇 安华镇 璜山镇 陈宅镇 浬浦镇 岭北镇 东白湖镇 东和乡", town, " ")
    nind = split("袜业:1830:袜业:: 珍珠:2438:珍珠饰品:: 铜加工:3251:铜业:: 五金:3389:五金:: 阀门:3443:阀门:: 旅馆:6121:宾馆:lodging 网吧:9013:网咖:netcafe 物流:5437:物流:delivery 化工:2614:化工:hazchem 客运:5421:客运:transport", ind, " ")
    nbrand = split("恒信 达华 鑫丰 盛金 瑞祥 宏源 泰隆 昌兴 诚伟 嘉德 利康 永安 宁佳 美新 天越 富凯 远博 明阳 光中 海纳", brand, " ")
    nroad = split("解放路 中央路 袜业大道 珍珠大道 望云路 艮塔西路 浣纱北路 枫源路 同山大道 轻纺路", road, " ")
    print "uscc,name,town,industry,industry_code,scale,legal_rep,phone,address,tags,sectors"
    for (k = 1; k <= n; k++) {
        # body: "MA2" + k in base 31 (5 characters of the USCC alphabet)
        body = "MA2"; x = k
        d5 = ""
        for (j = 0; j < 5; j++) { d5 = substr(alpha, x % 31 + 1, 1) d5; x = int(x / 31) }
        body = body d5
        s = 0
        for (j = 1; j <= 8; j++) s += org[substr(body, j, 1)] * ow[j]
        c = 11 - s % 11
        oc = (c == 10) ? "X" : (c == 11) ? "0" : c ""
        first = "91330681" body oc
        s = 0
        for (j = 1; j <= 17; j++) s += val[substr(first, j, 1)] * uw[j]
        uscc = first substr(alpha, (31 - s % 31) % 31 + 1, 1)
        split(ind[k % nind + 1], f, ":")
        t = town[k % ntown + 1]
        b = brand[int(k / 7) % nbrand + 1]
        above = (k % 5 == 0)
        tags = f[1]
        if (above) tags = "规上;" tags
        printf "%s,诸暨市%s%s有限公司%d,%s,%s,%s,%s,张%d,138%08d,诸暨市%s%s%d号,%s,%s\n", \
            uscc, b, f[3], k, t, f[1], f[2], above ? "above" : "below", k % 1000, k, \
            t, road[k % nroad + 1], k % 300 + 1, tags, f[4]
    }
}
