/* demo_offices.c - each overseas office's demo casework as a table: its hosts, topics and open work. */
#include "demo_case.h"

#include "dispatch.h"
#include "request.h"

/*
 * Places and topics as each office's staff would type them: Beijing in
 * simplified Chinese, Seoul in Korean, Paris in French, the others in
 * English; each office's hosts in the countries its sample
 * configuration covers (config/, office.countries). The fields
 * are codes of the taxonomy; the host's share of the costs is in the
 * host country's currency (kz_country_currency). Dates of the open work
 * sit around the demo's today (demo.h, KZ_DEMO_NOW), as Beijing's do.
 */
#define N(a) (sizeof (a) / sizeof (a)[0])
#define TABLE(h, t, o) .hosts = h, .nhosts = N(h), .topics = t, \
	.ntopics = N(t), .open = o, .nopen = N(o)
#define R KZ_REQ_RECEIVED
#define M KZ_REQ_MATCHING
#define P KZ_REQ_PROPOSED
#define A KZ_REQ_AGREED

/* ---- Beijing: China ---- */
static const struct kz_demo_host bjs_hosts[] = {
	{ "CN", "河南省", "郑州市", "zh" }, { "CN", "吉林省", "长春市", "zh" },
	{ "CN", "四川省", "成都市", "zh" }, { "CN", "江苏省", "苏州市", "zh" },
	{ "CN", "山东省", "青岛市", "zh" }, { "CN", "辽宁省", "大连市", "zh" },
	{ "CN", "浙江省", "杭州市", "zh" }, { "CN", "湖北省", "武汉市", "zh" },
	{ "CN", "陕西省", "西安市", "zh" }, { "CN", "黑龙江省", "哈尔滨市", "zh" },
	{ "CN", "云南省", "昆明市", "zh" }, { "CN", "广东省", "广州市", "zh" },
	{ "CN", "福建省", "福州市", "zh" }, { "CN", "湖南省", "长沙市", "zh" },
	{ "CN", "河北省", "石家庄市", "zh" }, { "CN", "山西省", "太原市", "zh" },
	{ "CN", "安徽省", "合肥市", "zh" }, { "CN", "江西省", "南昌市", "zh" },
	{ "CN", "贵州省", "贵阳市", "zh" }, { "CN", "甘肃省", "兰州市", "zh" },
	{ "CN", "内蒙古自治区", "呼和浩特市", "zh" },
	{ "CN", "宁夏回族自治区", "银川市", "zh" },
	{ "CN", "河南省", "开封市", "zh" }, { "CN", "吉林省", "吉林市", "zh" },
};

static const struct kz_demo_topic bjs_topics[] = {
	{ "agriculture", "水稻栽培技术 (rice cultivation)", "农业农村厅", 6 },
	{ "agriculture", "果树栽培 (fruit growing: pruning)", "农业农村局", 4 },
	{ "agriculture", "设施园艺 (facility horticulture)", "农业农村厅", 5 },
	{ "agriculture", "土壤改良 (soil improvement)", "农业农村局", 3 },
	{ "environment", "大气污染监测 (air quality monitoring)", "生态环境厅",
	  5 },
	{ "environment", "环境教育 (environmental education)", "生态环境局", 3 },
	{ "water_sewerage", "污水处理 (sewage treatment)", "水务局", 4 },
	{ "urban_planning", "旧城改造 (urban planning: old town renewal)",
	  "自然资源和规划局", 4 },
	{ "health", "母子保健 (maternal and child health)", "卫生健康委员会",
	  3 },
	{ "medical", "医院管理 (hospital management)", "卫生健康委员会", 2 },
	{ "education", "日语教育 (Japanese teaching)", "教育厅", 3 },
	{ "forestry", "植树造林 (afforestation)", "林业和草原局", 3 },
	{ "fisheries", "水产养殖 (aquaculture)", "农业农村厅", 2 },
	{ "livestock", "奶牛饲养 (dairy farming)", "畜牧兽医局", 2 },
	{ "waste", "垃圾分类 (waste separation)", "城市管理局", 3 },
	{ "disaster", "防灾减灾 (disaster prevention)", "应急管理厅", 2 },
	{ "civil_engineering", "桥梁维护 (bridge maintenance)", "交通运输厅",
	  2 },
	{ "tourism", "观光振兴 (tourism promotion)", "文化和旅游厅", 2 },
};

/* requests waiting for a match, one dispatch under way, one scheduled,
 * one only proposed */
static const struct kz_demo_open bjs_open[] = {
	{ "CN", "江苏省", "苏州市", "zh", "生态环境局", "environment",
	  "河流水质改善 (river water quality improvement)",
	  "2026-09-14", "2027-03-01", "2027-03-14", -1, M },
	{ "CN", "四川省", "成都市", "zh", "农业农村厅", "agriculture",
	  "设施园艺: 温室管理 (facility horticulture: greenhouse "
	  "management)", "2026-10-20", "2027-04-05", "2027-04-16", -1, R },
	{ "CN", "陕西省", "西安市", "zh", "自然资源和规划局", "urban_planning",
	  "旧城改造 (urban planning: old town renewal)", "2026-06-02",
	  "2026-11-10", "2026-11-28", KZ_DSP_UNDERWAY, A },
	{ "CN", "山东省", "青岛市", "zh", "水务局", "water_sewerage",
	  "污水处理 (sewage treatment: sludge)", "2026-07-15",
	  "2026-12-07", "2026-12-18", KZ_DSP_SCHEDULED, A },
	{ "CN", "云南省", "昆明市", "zh", "卫生健康委员会", "health",
	  "母子保健 (maternal and child health)", "2026-08-30",
	  "2027-01-18", "2027-01-29", KZ_DSP_PROPOSED, P },
};

/* ---- Seoul: the Republic of Korea, in Hangul ---- */
static const struct kz_demo_host sel_hosts[] = {
	{ "KR", "경상북도", "경주시", "ko" }, { "KR", "경상북도", "안동시", "ko" },
	{ "KR", "경상남도", "창원시", "ko" }, { "KR", "경상남도", "진주시", "ko" },
	{ "KR", "전라남도", "순천시", "ko" }, { "KR", "전라남도", "여수시", "ko" },
	{ "KR", "전라북도", "전주시", "ko" }, { "KR", "충청남도", "공주시", "ko" },
	{ "KR", "충청북도", "청주시", "ko" }, { "KR", "강원도", "춘천시", "ko" },
	{ "KR", "경기도", "수원시", "ko" },
	{ "KR", "제주특별자치도", "제주시", "ko" },
	{ "KR", "부산광역시", "해운대구", "ko" },
	{ "KR", "대구광역시", "수성구", "ko" },
};

static const struct kz_demo_topic sel_topics[] = {
	{ "agriculture", "시설원예 연작 장해 (facility horticulture: "
	  "continuous cropping)", "농업기술센터", 5 },
	{ "agriculture", "스마트팜 재배 기술 (smart farming)", "농업기술원",
	  3 },
	{ "fisheries", "전복 양식 (abalone farming)", "해양수산국", 3 },
	{ "environment", "하천 수질 개선 (river water quality)", "환경정책과",
	  4 },
	{ "waste", "음식물 쓰레기 자원화 (food waste recycling)", "자원순환과",
	  3 },
	{ "disaster", "지진 방재 대책 (earthquake preparedness)",
	  "재난안전대책본부", 3 },
	{ "welfare", "노인 돌봄 서비스 (care for the elderly)", "복지정책과",
	  4 },
	{ "tourism", "역사 문화 관광 (heritage tourism)", "문화관광과", 3 },
	{ "urban_planning", "도시 재생 (urban regeneration)", "도시재생과", 3 },
	{ "forestry", "산림 병해충 방제 (forest pest control)", "산림녹지과",
	  2 },
	{ "education", "일본어 교육 (Japanese teaching)", "교육지원청", 2 },
};

static const struct kz_demo_open sel_open[] = {
	{ "KR", "경상북도", "경주시", "ko", "문화관광과", "tourism",
	  "역사 문화 관광 안내 체계 (heritage tourism: visitor guidance)",
	  "2026-09-21", "2027-03-08", "2027-03-19", -1, M },
	{ "KR", "전라남도", "순천시", "ko", "농업기술센터", "agriculture",
	  "시설원예 연작 장해 (facility horticulture: continuous "
	  "cropping)", "2026-10-26", "2027-04-12", "2027-04-23", -1, R },
	{ "KR", "충청북도", "청주시", "ko", "복지정책과", "welfare",
	  "치매 노인 지역 돌봄 (community care for dementia)", "2026-06-10",
	  "2026-11-23", "2026-12-11", KZ_DSP_UNDERWAY, A },
	{ "KR", "경상남도", "창원시", "ko", "환경정책과", "environment",
	  "하천 수질 개선 (river water quality)", "2026-07-20",
	  "2026-12-14", "2026-12-22", KZ_DSP_SCHEDULED, A },
	{ "KR", "제주특별자치도", "제주시", "ko", "해양수산국", "fisheries",
	  "넙치 양식 질병 관리 (flatfish farming: disease control)",
	  "2026-08-25", "2027-01-25", "2027-02-05", KZ_DSP_PROPOSED, P },
};

/* ---- Paris: continental Europe, in French ---- */
static const struct kz_demo_host par_hosts[] = {
	{ "FR", "Nouvelle-Aquitaine", "Bordeaux", "fr" },
	{ "FR", "Occitanie", "Toulouse", "fr" },
	{ "FR", "Auvergne-Rhône-Alpes", "Lyon", "fr" },
	{ "FR", "Grand Est", "Strasbourg", "fr" },
	{ "FR", "Bretagne", "Rennes", "fr" },
	{ "FR", "Hauts-de-France", "Lille", "fr" },
	{ "FR", "Provence-Alpes-Côte d'Azur", "Marseille", "fr" },
	{ "FR", "Normandie", "Rouen", "fr" },
	{ "FR", "Pays de la Loire", "Nantes", "fr" },
	{ "FR", "Bourgogne-Franche-Comté", "Dijon", "fr" },
	{ "DE", "Bavière", "Munich", "de" },
	{ "IT", "Toscane", "Florence", "it" },
	{ "ES", "Catalogne", "Barcelone", "es" },
	{ "PT", "Région Nord", "Porto", "pt" },
	{ "BE", "Wallonie", "Liège", "fr" },
	{ "NL", "Hollande-Méridionale", "Rotterdam", "nl" },
	{ "CH", "Vaud", "Lausanne", "fr" },
	{ "AT", "Styrie", "Graz", "de" },
	{ "PL", "Petite-Pologne", "Cracovie", "pl" },
	{ "CZ", "Moravie-du-Sud", "Brno", "cs" },
};

static const struct kz_demo_topic par_topics[] = {
	{ "agriculture", "viticulture : maladies de la vigne",
	  "Chambre d'agriculture", 4 },
	{ "agriculture", "maraîchage sous serre", "Direction de "
	  "l'agriculture", 3 },
	{ "ceramics", "céramique : techniques de cuisson", "Service des "
	  "métiers d'art", 2 },
	{ "environment", "qualité de l'air : surveillance", "Direction de "
	  "l'environnement", 3 },
	{ "water_sewerage", "assainissement : traitement des boues",
	  "Service de l'eau", 3 },
	{ "urban_planning", "rénovation des centres anciens", "Direction de "
	  "l'urbanisme", 3 },
	{ "disaster", "prévention des inondations", "Service de la sécurité "
	  "civile", 3 },
	{ "tourism", "accueil des visiteurs japonais", "Office de tourisme",
	  4 },
	{ "culture", "patrimoine : jardins japonais", "Direction des "
	  "affaires culturelles", 3 },
	{ "welfare", "vieillissement : maintien à domicile", "Direction de "
	  "l'action sociale", 3 },
	{ "education", "enseignement du japonais", "Rectorat", 2 },
};

static const struct kz_demo_open par_open[] = {
	{ "FR", "Occitanie", "Toulouse", "fr", "Service de l'eau",
	  "water_sewerage", "gestion de l'eau en période de sécheresse",
	  "2026-09-08", "2027-03-15", "2027-03-26", -1, M },
	{ "FR", "Bretagne", "Rennes", "fr", "Chambre d'agriculture",
	  "agriculture", "maraîchage sous serre : lutte biologique",
	  "2026-10-19", "2027-04-19", "2027-04-30", -1, R },
	{ "FR", "Auvergne-Rhône-Alpes", "Lyon", "fr", "Direction des "
	  "affaires culturelles", "culture", "patrimoine : jardins japonais",
	  "2026-06-15", "2026-11-16", "2026-12-09", KZ_DSP_UNDERWAY, A },
	{ "IT", "Toscane", "Florence", "it", "Office de tourisme", "tourism",
	  "accueil des visiteurs japonais", "2026-07-27", "2026-12-10",
	  "2026-12-18", KZ_DSP_SCHEDULED, A },
	{ "FR", "Nouvelle-Aquitaine", "Bordeaux", "fr", "Chambre "
	  "d'agriculture", "agriculture", "viticulture : maladies de la "
	  "vigne", "2026-09-01", "2027-02-08", "2027-02-19",
	  KZ_DSP_PROPOSED, P },
};

/* ---- London: the British Isles and northern Europe ---- */
static const struct kz_demo_host lon_hosts[] = {
	{ "GB", "Scotland", "Edinburgh", "en" },
	{ "GB", "Scotland", "Inverness", "en" },
	{ "GB", "Wales", "Cardiff", "en" },
	{ "GB", "Northern Ireland", "Belfast", "en" },
	{ "GB", "Kent", "Canterbury", "en" },
	{ "GB", "Cornwall", "Truro", "en" },
	{ "GB", "North Yorkshire", "York", "en" },
	{ "GB", "Greater Manchester", "Manchester", "en" },
	{ "GB", "Hampshire", "Southampton", "en" },
	{ "GB", "Tyne and Wear", "Newcastle upon Tyne", "en" },
	{ "IE", "County Cork", "Cork", "en" },
	{ "IE", "County Galway", "Galway", "en" },
	{ "NO", "Vestland", "Bergen", "no" },
	{ "SE", "Västra Götaland", "Gothenburg", "sv" },
	{ "FI", "Pirkanmaa", "Tampere", "fi" },
	{ "DK", "Central Denmark Region", "Aarhus", "da" },
};

static const struct kz_demo_topic lon_topics[] = {
	{ "fisheries", "salmon farming: sea lice control", "Marine "
	  "Directorate", 3 },
	{ "agriculture", "hill farming: grassland management", "Rural "
	  "Affairs", 3 },
	{ "disaster", "coastal flood defence", "Flood Risk Management", 3 },
	{ "welfare", "dementia-friendly communities", "Adult Social Care",
	  4 },
	{ "education", "Japanese in schools", "Education Services", 3 },
	{ "tourism", "heritage tourism: Japanese visitors", "Visitor Economy",
	  3 },
	{ "culture", "Japanese gardens: restoration", "Parks and Open "
	  "Spaces", 2 },
	{ "energy", "offshore wind: community benefits", "Economic "
	  "Development", 3 },
	{ "waste", "household waste recycling", "Waste Services", 3 },
	{ "public_transport", "rural bus services", "Transport Planning", 2 },
};

static const struct kz_demo_open lon_open[] = {
	{ "GB", "Wales", "Cardiff", "en", "Flood Risk Management", "disaster",
	  "coastal flood defence: early warning", "2026-09-28", "2027-02-22",
	  "2027-03-05", -1, M },
	{ "IE", "County Galway", "Galway", "en", "Marine Directorate",
	  "fisheries", "oyster farming: water quality", "2026-10-12",
	  "2027-05-10", "2027-05-21", -1, R },
	{ "GB", "Scotland", "Edinburgh", "en", "Adult Social Care", "welfare",
	  "dementia-friendly communities", "2026-06-22", "2026-11-30",
	  "2026-12-11", KZ_DSP_UNDERWAY, A },
	{ "GB", "North Yorkshire", "York", "en", "Visitor Economy", "tourism",
	  "heritage tourism: Japanese visitors", "2026-07-13", "2026-12-08",
	  "2026-12-17", KZ_DSP_SCHEDULED, A },
	{ "FI", "Pirkanmaa", "Tampere", "fi", "Education Services",
	  "education", "Japanese in schools", "2026-09-03", "2027-01-26",
	  "2027-02-04", KZ_DSP_PROPOSED, P },
};

/* ---- New York: the Americas, mostly the United States ---- */
static const struct kz_demo_host nyc_hosts[] = {
	{ "US", "Washington", "Seattle", "en" },
	{ "US", "Oregon", "Portland", "en" },
	{ "US", "California", "Sacramento", "en" },
	{ "US", "Hawaii", "Honolulu", "en" },
	{ "US", "Georgia", "Atlanta", "en" },
	{ "US", "Texas", "San Antonio", "en" },
	{ "US", "Michigan", "Ann Arbor", "en" },
	{ "US", "Ohio", "Columbus", "en" },
	{ "US", "Kentucky", "Lexington", "en" },
	{ "US", "Tennessee", "Nashville", "en" },
	{ "US", "North Carolina", "Raleigh", "en" },
	{ "US", "Massachusetts", "Boston", "en" },
	{ "US", "New York", "Rochester", "en" },
	{ "CA", "British Columbia", "Vancouver", "en" },
	{ "CA", "Alberta", "Calgary", "en" },
	{ "MX", "Jalisco", "Guadalajara", "es" },
	{ "BR", "Paraná", "Curitiba", "pt" },
};

static const struct kz_demo_topic nyc_topics[] = {
	{ "disaster", "earthquake preparedness: school drills", "Office of "
	  "Emergency Management", 3 },
	{ "agriculture", "rice cultivation: variety trials", "Department of "
	  "Agriculture", 3 },
	{ "fisheries", "oyster aquaculture", "Department of Fish and "
	  "Wildlife", 2 },
	{ "education", "Japanese language instruction", "Department of "
	  "Education", 4 },
	{ "tourism", "sister-city tourism exchange", "Convention and "
	  "Visitors Bureau", 3 },
	{ "welfare", "aging in place: senior services", "Department of "
	  "Aging", 3 },
	{ "urban_planning", "transit-oriented development", "Planning "
	  "Department", 3 },
	{ "water_sewerage", "stormwater management", "Water Department", 3 },
	{ "environment", "brownfield remediation", "Department of "
	  "Environmental Quality", 2 },
	{ "industry", "automotive suppliers: quality control", "Economic "
	  "Development", 2 },
};

static const struct kz_demo_open nyc_open[] = {
	{ "US", "Oregon", "Portland", "en", "Office of Emergency Management",
	  "disaster", "earthquake preparedness: evacuation shelters",
	  "2026-09-15", "2027-03-01", "2027-03-12", -1, M },
	{ "US", "Kentucky", "Lexington", "en", "Department of Agriculture",
	  "agriculture", "rice cultivation: variety trials", "2026-10-21",
	  "2027-04-26", "2027-05-07", -1, R },
	{ "US", "Washington", "Seattle", "en", "Department of Aging",
	  "welfare", "aging in place: senior services", "2026-06-08",
	  "2026-11-16", "2026-12-04", KZ_DSP_UNDERWAY, A },
	{ "US", "Georgia", "Atlanta", "en", "Department of Education",
	  "education", "Japanese language instruction", "2026-07-22",
	  "2026-12-09", "2026-12-18", KZ_DSP_SCHEDULED, A },
	{ "CA", "British Columbia", "Vancouver", "en", "Planning "
	  "Department", "urban_planning", "transit-oriented development",
	  "2026-09-10", "2027-02-01", "2027-02-12", KZ_DSP_PROPOSED, P },
};

/* ---- Sydney: Australia, New Zealand and the Pacific ---- */
static const struct kz_demo_host syd_hosts[] = {
	{ "AU", "New South Wales", "Newcastle", "en" },
	{ "AU", "New South Wales", "Wollongong", "en" },
	{ "AU", "Victoria", "Ballarat", "en" },
	{ "AU", "Victoria", "Geelong", "en" },
	{ "AU", "Queensland", "Cairns", "en" },
	{ "AU", "Queensland", "Toowoomba", "en" },
	{ "AU", "Western Australia", "Perth", "en" },
	{ "AU", "South Australia", "Adelaide", "en" },
	{ "AU", "Tasmania", "Hobart", "en" },
	{ "AU", "Northern Territory", "Darwin", "en" },
	{ "NZ", "Canterbury", "Christchurch", "en" },
	{ "NZ", "Waikato", "Hamilton", "en" },
	{ "NZ", "Otago", "Dunedin", "en" },
	{ "NZ", "Wellington", "Wellington", "en" },
	{ "FJ", "Central Division", "Suva", "en" },
};

static const struct kz_demo_topic syd_topics[] = {
	{ "disaster", "bushfire preparedness", "Emergency Management", 3 },
	{ "disaster", "earthquake recovery: rebuilding", "Recovery Office",
	  2 },
	{ "agriculture", "drought-resistant farming", "Department of "
	  "Primary Industries", 4 },
	{ "fisheries", "oyster and abalone farming", "Fisheries", 2 },
	{ "water_sewerage", "water recycling", "Water Services", 3 },
	{ "tourism", "regional tourism: Japanese visitors", "Tourism and "
	  "Events", 3 },
	{ "education", "Japanese language teaching", "Department of "
	  "Education", 4 },
	{ "environment", "coastal erosion monitoring", "Environment and "
	  "Heritage", 2 },
	{ "welfare", "aged care in rural towns", "Community Services", 2 },
	{ "sport", "sports exchange: rugby coaching", "Sport and Recreation",
	  2 },
};

static const struct kz_demo_open syd_open[] = {
	{ "AU", "Queensland", "Cairns", "en", "Tourism and Events", "tourism",
	  "regional tourism: Japanese visitors", "2026-09-24", "2027-03-22",
	  "2027-04-02", -1, M },
	{ "NZ", "Canterbury", "Christchurch", "en", "Department of Primary "
	  "Industries", "agriculture", "drought-resistant farming",
	  "2026-10-14", "2027-05-03", "2027-05-14", -1, R },
	{ "AU", "Victoria", "Ballarat", "en", "Department of Education",
	  "education", "Japanese language teaching", "2026-06-17",
	  "2026-11-18", "2026-12-09", KZ_DSP_UNDERWAY, A },
	{ "AU", "Tasmania", "Hobart", "en", "Fisheries", "fisheries",
	  "oyster and abalone farming", "2026-07-29", "2026-12-11",
	  "2026-12-21", KZ_DSP_SCHEDULED, A },
	{ "AU", "New South Wales", "Newcastle", "en", "Emergency Management",
	  "disaster", "bushfire preparedness", "2026-09-02", "2027-02-15",
	  "2027-02-26", KZ_DSP_PROPOSED, P },
};

/* ---- Singapore: ASEAN, India and Sri Lanka ---- */
static const struct kz_demo_host sin_hosts[] = {
	{ "ID", "Daerah Istimewa Yogyakarta", "Yogyakarta", "id" },
	{ "ID", "Jawa Barat", "Bandung", "id" },
	{ "ID", "Bali", "Denpasar", "id" },
	{ "TH", "Nakhon Phanom", "Nakhon Phanom", "th" },
	{ "TH", "Chiang Mai", "Chiang Mai", "th" },
	{ "TH", "Khon Kaen", "Khon Kaen", "th" },
	{ "VN", "Da Nang", "Da Nang", "vi" },
	{ "VN", "Thua Thien Hue", "Hue", "vi" },
	{ "MY", "Selangor", "Shah Alam", "ms" },
	{ "MY", "Penang", "George Town", "ms" },
	{ "PH", "Cebu", "Cebu City", "en" },
	{ "PH", "Benguet", "Baguio", "en" },
	{ "IN", "Karnataka", "Bengaluru", "en" },
	{ "IN", "Gujarat", "Ahmedabad", "en" },
	{ "LK", "Western Province", "Colombo", "si" },
	{ "KH", "Siem Reap", "Siem Reap", "km" },
	{ "LA", "Vientiane Capital", "Vientiane", "lo" },
	{ "MM", "Mandalay Region", "Mandalay", "my" },
};

static const struct kz_demo_topic sin_topics[] = {
	{ "agriculture", "horticulture: vegetables in the dry season",
	  "Provincial Agriculture Office", 4 },
	{ "agriculture", "rice: post-harvest processing", "Agriculture "
	  "Service", 3 },
	{ "waste", "solid waste: composting at source", "Environment "
	  "Department", 4 },
	{ "water_sewerage", "water supply: non-revenue water", "Water Supply "
	  "Authority", 3 },
	{ "disaster", "flood early warning", "Disaster Management Agency",
	  3 },
	{ "tourism", "community-based tourism", "Tourism Office", 3 },
	{ "health", "maternal and child health", "Provincial Health Office",
	  3 },
	{ "urban_planning", "urban transport planning", "City Planning "
	  "Department", 2 },
	{ "education", "early childhood education", "Education Office", 2 },
	{ "fisheries", "shrimp farming: disease control", "Fisheries "
	  "Department", 2 },
};

static const struct kz_demo_open sin_open[] = {
	{ "VN", "Da Nang", "Da Nang", "vi", "Environment Department", "waste",
	  "solid waste: composting at source", "2026-09-17", "2027-03-08",
	  "2027-03-19", -1, M },
	{ "LA", "Vientiane Capital", "Vientiane", "lo", "Water Supply "
	  "Authority", "water_sewerage", "water supply: non-revenue water",
	  "2026-10-23", "2027-04-19", "2027-04-30", -1, R },
	{ "PH", "Benguet", "Baguio", "en", "Provincial Agriculture Office",
	  "agriculture", "horticulture: highland vegetables", "2026-06-29",
	  "2026-11-24", "2026-12-10", KZ_DSP_UNDERWAY, A },
	{ "TH", "Khon Kaen", "Khon Kaen", "th", "Disaster Management "
	  "Agency", "disaster", "flood early warning", "2026-07-30",
	  "2026-12-14", "2026-12-23", KZ_DSP_SCHEDULED, A },
	{ "IN", "Karnataka", "Bengaluru", "en", "City Planning Department",
	  "urban_planning", "urban transport planning", "2026-09-07",
	  "2027-01-19", "2027-01-30", KZ_DSP_PROPOSED, P },
};

/* Beijing's 99 sent (102 made, 3 cancelled) from 1998 to 2018, the
 * Kaifeng specialist's first visit in 2012; a few dozen at each other
 * office since 2019, the years its records in kizuna begin with: years
 * apart from Beijing's made-up ones, so that no office's draw of a
 * person depends on another's (demo_dispatch.c, share). Singapore's
 * agreements start at 05: its public cases have 04 and 02. */
const struct kz_demo_office kz_demo_offices[] = {
	{ .id = "BJS", .seed = 20191116UL, .first = 1998, .last = 2018,
	  .made = 102, .ref_from = 1, .known_year = 2012,
	  TABLE(bjs_hosts, bjs_topics, bjs_open) },
	{ .id = "SIN", .seed = 20171201UL, .first = 2019, .last = 2025,
	  .made = 26, .ref_from = 5,
	  TABLE(sin_hosts, sin_topics, sin_open) },
	{ .id = "SEL", .seed = 20240315UL, .first = 2019, .last = 2025,
	  .made = 26, .ref_from = 1,
	  TABLE(sel_hosts, sel_topics, sel_open) },
	{ .id = "PAR", .seed = 20240402UL, .first = 2019, .last = 2025,
	  .made = 24, .ref_from = 1,
	  TABLE(par_hosts, par_topics, par_open) },
	{ .id = "LON", .seed = 20240517UL, .first = 2019, .last = 2025,
	  .made = 22, .ref_from = 1,
	  TABLE(lon_hosts, lon_topics, lon_open) },
	{ .id = "NYC", .seed = 20240610UL, .first = 2019, .last = 2025,
	  .made = 24, .ref_from = 1,
	  TABLE(nyc_hosts, nyc_topics, nyc_open) },
	{ .id = "SYD", .seed = 20240722UL, .first = 2019, .last = 2025,
	  .made = 22, .ref_from = 1,
	  TABLE(syd_hosts, syd_topics, syd_open) },
};
const size_t kz_demo_noffices = N(kz_demo_offices);
