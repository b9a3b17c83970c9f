#!/bin/sh
# bench_gen.sh - a synthetic register for `make bench`: N specialists as CSV.
# usage: bench_gen.sh N > FILE
# Four rows in five have Japanese names (kanji and romanised), the rest
# Chinese, Korean, French or English ones; each works in a prefecture's or
# city's government, has one to three fields of expertise (with years and a
# note) and up to two foreign languages. Row i is made from i alone, so the
# same N always gives the same file, and no two rows share their names and
# government (an import would skip the second as a duplicate).
n=${1:?usage: bench_gen.sh N}
exec awk -v n="$n" 'BEGIN {
	nf = split("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 上田", fk, " ")
	split("Sato Suzuki Takahashi Tanaka Ito Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Saito Shimizu Yamazaki Mori Ikeda Hashimoto Abe Ishikawa Yamashita Nakajima Ishii Ogawa Maeda Okada Hasegawa Fujita Goto Kondo Murakami Endo Aoki Sakamoto Saito Fukuda Ota Nishimura Fujii Kaneko Okamoto Fujiwara Nakano Miura Harada Nakagawa Matsuda Takeuchi Ono Tamura Nakayama Wada Ishida Ueda", fr, " ")
	ng = split("健一 裕子 明 修 秀樹 美智子 博 直樹 由美 誠 隆 恵子 浩二 真由美 大輔 健太 陽子 達也 和也 久美子 拓也 智子 剛 悟 純子 哲也 洋子 学 亮 麻衣 翔太 彩 聡 正人 幸子 勝 薫 浩 千尋 雅人 茂 光 美穂 豊 静香 康 愛 航 葵 蓮 大翔 結衣 陽菜 湊 朝陽 樹 凛 颯 花 司", gk, " ")
	split("Kenichi Yuko Akira Osamu Hideki Michiko Hiroshi Naoki Yumi Makoto Takashi Keiko Koji Mayumi Daisuke Kenta Yoko Tatsuya Kazuya Kumiko Takuya Tomoko Tsuyoshi Satoru Junko Tetsuya Yoko Manabu Ryo Mai Shota Aya Satoshi Masato Sachiko Masaru Kaoru Hiroshi Chihiro Masato Shigeru Hikaru Miho Yutaka Shizuka Yasushi Ai Wataru Aoi Ren Hiroto Yui Hina Minato Asahi Itsuki Rin Hayate Hana Tsukasa", gr, " ")
	nx = split("王伟 李娜 张敏 刘洋 陈静 杨磊 赵强 黄丽 周杰 吴芳 김민준 이서연 박지훈 최수빈 정하은 Claire_Martin Louis_Bernard Emma_Dubois Hugo_Laurent Chloé_Moreau John_Smith Mary_Jones David_Brown Sarah_Wilson James_Taylor", xk, " ")
	split("Wang_Wei Li_Na Zhang_Min Liu_Yang Chen_Jing Yang_Lei Zhao_Qiang Huang_Li Zhou_Jie Wu_Fang Kim_Minjun Lee_Seoyeon Park_Jihun Choi_Subin Jung_Haeun Claire_Martin Louis_Bernard Emma_Dubois Hugo_Laurent Chloé_Moreau John_Smith Mary_Jones David_Brown Sarah_Wilson James_Taylor", xr, " ")
	np = split("北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県", pref, " ")
	nd = split("農林水産部 農政課 県土整備部 環境生活部 保健福祉部 教育委員会 商工労働部 危機管理局 企画部 上下水道局 都市整備部 観光振興課 国際交流課 林務課 水産課", dept, " ")
	nt = split("課長 主幹 主査 技師 係長 参事 部長 主任", title, " ")
	nc = split("agriculture agri_civil forestry livestock fisheries biotech commerce industry ceramics urban_planning environment civil_engineering water_sewerage public_transport roads ports housing disaster fire waste energy health medical welfare education culture sport tourism intl_exchange ict administration finance", code, " ")
	nn = split("水稲 施設園芸 果樹 森林保全 養殖 下水処理 防災計画 観光振興 地域医療 廃棄物 河川管理 港湾整備 省エネ 介護 学校教育", fnote, " ")
	nl = split("en zh ko fr es de ru pt th vi", lang, " ")
	nv = split("basic conversational business fluent", level, " ")
	print "name,name_roman,government,post,status,fields,languages,notes"
	for (i = 0; i < n; i++) {
		a = i % 60; b = int(i / 60) % 60; p = int(i / 3600) % np
		if (i % 5 != 4) {
			name = fk[a + 1] " " gk[b + 1]
			roman = gr[b + 1] " " fr[a + 1]
		} else {
			name = xk[(a + b) % nx + 1]; gsub("_", " ", name)
			roman = xr[(a + b) % nx + 1]; gsub("_", " ", roman)
			name = name " " (a * 60 + b)
			roman = roman " " (a * 60 + b)
		}
		gov = pref[p + 1]
		if (int(i / 169200) > 0)
			gov = gov " " int(i / 169200)
		post = dept[i % nd + 1] " " title[int(i / 7) % nt + 1]
		status = i % 9 == 0 ? "retired" : "serving"
		k = 1 + i % 3
		fields = ""
		for (j = 0; j < k; j++) {
			c = code[(i * 7 + j * 11) % nc + 1]
			fields = fields (j ? "; " : "") c ":" (j == 0 ? fnote[i % nn + 1] : "") ":" (i + j) % 35
		}
		langs = ""
		if (i % 4 != 3) {
			langs = lang[i % nl + 1] ":" level[int(i / 3) % nv + 1]
			if (i % 3 == 0)
				langs = langs "; " lang[(i + 3) % nl + 1] ":" level[(i + 1) % nv + 1]
		}
		notes = i % 2 ? "" : "海外派遣経験あり。" pref[(i + 5) % np + 1] "で" fnote[(i + 3) % nn + 1] "を担当 (case " i ")"
		printf "%s,%s,%s,%s,%s,%s,%s,%s\n", name, roman, gov, post, status, fields, langs, notes
	}
}'
