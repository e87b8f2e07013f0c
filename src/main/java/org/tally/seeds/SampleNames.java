package org.tally.seeds;

import java.util.List;
import java.util.Map;

/**
 * The names the sample sheets are written with: Changzhi's counties, the fields of
 * cooperation, project subjects, Beijing partners, schools, hospitals and institutes.
 */
final class SampleNames {

	private SampleNames() {
	}

	static final List<String> COUNTIES = List.of("潞州区", "上党区", "屯留区", "潞城区", "襄垣县", "平顺县", "黎城县", "壶关县", "长子县", "武乡县",
			"沁县", "沁源县");

	static final Map<String, String> TRADITIONAL_COUNTIES = Map.ofEntries(Map.entry("潞州区", "潞州區"),
			Map.entry("上党区", "上黨區"), Map.entry("屯留区", "屯留區"), Map.entry("潞城区", "潞城區"), Map.entry("襄垣县", "襄垣縣"),
			Map.entry("平顺县", "平順縣"), Map.entry("黎城县", "黎城縣"), Map.entry("壶关县", "壺關縣"), Map.entry("长子县", "長子縣"),
			Map.entry("武乡县", "武鄉縣"), Map.entry("沁县", "沁縣"), Map.entry("沁源县", "沁源縣"));

	static final String EDUCATION = "教育";
	static final String HEALTH = "医疗卫生";

	static final List<String> FIELDS = List.of("产业合作", "文旅康养", "现代农业", "生态环保", "科技创新", "基础设施", EDUCATION, HEALTH);

	static final Map<String, List<String>> PROJECT_SUBJECTS = Map.of("产业合作",
			List.of("碳基新材料产业园", "半导体光电产业园", "氢能装备制造基地", "现代煤化工新材料", "高端装备制造产业园", "新能源汽车零部件生产", "光伏组件生产线", "生物医药产业园",
					"数字经济产业园", "锂电池负极材料生产"),
			"文旅康养", List.of("太行山文旅康养综合体", "红色文化旅游示范区", "康养小镇", "精品民宿集群", "研学旅行基地", "森林康养基地", "古村落保护利用", "太行水乡文旅"),
			"现代农业",
			List.of("蔬菜新品种试验示范基地", "小米供京基地", "青椒供京基地", "中药材种植加工基地", "食用菌产业园", "设施农业示范园", "农产品冷链物流中心", "党参标准化种植基地"),
			"生态环保", List.of("浊漳河流域生态修复", "采煤沉陷区综合治理", "矿山生态修复", "污水处理厂提标改造", "固废综合利用", "林草碳汇", "清洁取暖改造", "生活垃圾焚烧发电"),
			"科技创新", List.of("京长科技成果转化基地", "科技企业孵化器", "京长联合实验室", "新型研发机构", "数字化转型服务中心", "中试基地", "工业互联网平台"), "基础设施",
			List.of("智慧城市建设", "集中供热管网改造", "5G网络建设", "城市更新", "综合物流园", "数据中心", "城乡供水一体化", "充电基础设施建设"), EDUCATION,
			List.of("京长智慧教育示范校建设", "职业教育实训基地", "教师发展中心", "京长合作办学学校建设", "中小学校舍改扩建", "数字校园建设", "学前教育提升"), HEALTH,
			List.of("县域医共体能力提升", "远程医疗中心", "专科联盟建设", "胸痛中心建设", "中医医院改扩建", "妇幼保健能力提升", "公共卫生应急能力提升", "医学影像中心建设"));

	record Partner(String name, String nature) {
	}

	static final Map<String, List<Partner>> PARTNERS = Map.of("产业合作",
			List.of(new Partner("北京京能清洁能源电力股份有限公司", "国有"), new Partner("北京首钢建设投资有限公司", "国有"),
					new Partner("北京碳谷新材料科技有限公司", "民营"), new Partner("北京华清光电科技有限公司", "民营"),
					new Partner("北京氢源动力科技有限公司", "民营"), new Partner("北京汽车集团产业投资有限公司", "国有")),
			"文旅康养",
			List.of(new Partner("北京首都旅游集团有限责任公司", "国有"), new Partner("北京途远文旅投资有限公司", "民营"),
					new Partner("北京康养家健康产业有限公司", "民营")),
			"现代农业",
			List.of(new Partner("北京首农食品集团有限公司", "国有"), new Partner("北京新发地农产品有限公司", "民营"),
					new Partner("北京京蔬源农业科技有限公司", "民营"), new Partner("北京同仁堂中药材有限公司", "国有")),
			"生态环保",
			List.of(new Partner("北京首创生态环保集团股份有限公司", "国有"), new Partner("北京城市排水集团有限责任公司", "国有"),
					new Partner("北京绿源清环保科技有限公司", "民营")),
			"科技创新",
			List.of(new Partner("北京中关村信息谷资产管理有限责任公司", "国有"), new Partner("北京中科创星科技有限公司", "民营"),
					new Partner("北京水木智创科技孵化器有限公司", "民营")),
			"基础设施",
			List.of(new Partner("北京城建集团有限责任公司", "国有"), new Partner("北京市政路桥集团有限公司", "国有"),
					new Partner("北京京能热力股份有限公司", "国有"), new Partner("北京优速智联科技有限公司", "民营")),
			EDUCATION,
			List.of(new Partner("北京京教智慧科技有限公司", "民营"), new Partner("北京出版集团有限责任公司", "国有"),
					new Partner("北京学府教育科技有限公司", "民营")),
			HEALTH, List.of(new Partner("北京医药集团有限责任公司", "国有"), new Partner("北京京卫医疗科技有限公司", "民营"),
					new Partner("北京康济医院管理有限公司", "民营")));

	static final List<String> BEIJING_SCHOOLS = List.of("北京市第八十中学", "中国人民大学附属中学", "北京师范大学附属实验中学", "北京市第四中学", "北京市十一学校",
			"北京景山学校", "北京市朝阳区实验小学", "北京市海淀区教师进修学校", "北京市商业学校", "北京信息职业技术学院");

	static final List<String> CHANGZHI_SCHOOL_KINDS = List.of("第一中学", "第二中学", "实验小学", "职业技术学校", "实验幼儿园");

	static final List<String> EDUCATION_MATTERS = List.of("名校结对帮扶", "骨干教师跟岗研修", "校长挂职交流", "远程同步课堂", "职业教育专业共建",
			"学科带头人培养", "智慧课堂建设", "研学实践交流", "心理健康教育合作", "课后服务课程共建");

	static final List<String> BEIJING_HOSPITALS = List.of("北京大学第一医院", "北京大学人民医院", "北京协和医院", "首都医科大学附属北京天坛医院",
			"首都医科大学附属北京安贞医院", "首都医科大学附属北京朝阳医院", "首都医科大学附属北京儿童医院", "北京积水潭医院", "首都医科大学附属北京中医医院", "首都医科大学宣武医院");

	static final List<String> CHANGZHI_HOSPITAL_KINDS = List.of("人民医院", "中医医院", "妇幼保健院");

	static final List<String> SCIENCE_SUBJECTS = List.of("高性能碳纖維複合材料製備", "氫燃料電池電堆集成", "煤基特種燃料清潔生產", "深紫外LED晶片外延",
			"智慧礦山安全監測", "中藥材標準化種植", "小米全產業鏈精深加工", "煤矸石綜合利用", "焦爐煤氣製氫", "光伏組件回收利用", "工業廢水零排放處理", "新型鋰電池負極材料", "碳化矽襯底加工",
			"高端軸承鋼冶煉", "農產品冷鏈保鮮", "食用菌工廠化栽培", "黨參有效成分提取", "智能電網故障診斷", "數字孿生工廠建模", "醫用高分子材料製備", "碳基散熱材料", "石墨烯導電漿料");

	static final List<String> SCIENCE_SUFFIXES = List.of("技術", "關鍵技術", "工藝", "成套技術", "系統");

	static final List<String> BEIJING_INSTITUTIONS = List.of("清華大學", "北京大學", "北京理工大學", "北京化工大學", "北京科技大學", "中國科學院化學研究所",
			"中國科學院半導體研究所", "北京工業大學", "中國農業大學", "北京航空航天大學", "中國礦業大學（北京）", "北京中醫藥大學");

	static final List<String> CHANGZHI_RECIPIENTS = List.of("潞安化工集團有限公司", "山西振東製藥股份有限公司", "山西高科華燁電子集團有限公司",
			"山西潞寶集團焦化有限公司", "山西中科潞安紫外光電科技有限公司", "長治市霍家工業有限公司", "山西清創新材料科技有限公司", "長治高測新材料科技有限公司", "山西太行農業科技有限公司",
			"長治市上黨中藥材開發有限公司");

}
