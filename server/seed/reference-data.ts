// Reference data for Guardline (12345 未成年人保护专席): districts, departments, the case taxonomy,
// SLA policies, the holiday calendar, reward standards and committee rules.
//
// Pure data: the seed and tests read it. Codes are stable identifiers, so don't
// rename them once seeded. Add new rows instead. Money is integer fen (分): ¥1 = 100.

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

import type { DepartmentKind, Urgency } from '../../schema/enums.js';

/** One of the 16 Beijing districts; code = official 6-digit administrative division code. */
export interface DistrictSeed {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface DepartmentSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DepartmentKind;
  districtCode: string | null;
  parentCode: string | null;
}

export interface CategorySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  defaultUrgency: Urgency | null;
  suggestedDepartmentKinds: DepartmentKind[];
}

export interface SlaPolicySeed {
  phase: 'DISPATCH' | 'ACCEPT' | 'REPLY';
  urgency: Urgency;
  amount: number;
  unit: 'HOURS' | 'WORKING_DAYS';
}

export interface CalendarDaySeed {
  /** YYYY-MM-DD, a Beijing day. */
  day: string;
  /** WORKDAY = make-up working day (调休上班) that falls on a weekend. */
  kind: 'HOLIDAY' | 'WORKDAY';
  nameZh: string;
  nameEn: string;
}

export interface RewardStandardSeed {
  code: string;
  version: number;
  kind: 'REPORT_REWARD' | 'SUGGESTION_REWARD';
  level: string;
  nameZh: string;
  nameEn: string;
  /** Eligibility criteria, in Chinese, as published. */
  criteria: string;
  honourType: 'COMMENDATION_LETTER' | 'CERTIFICATE' | 'HONORARY_TITLE' | 'NONE';
  /** Integer fen (分): 1 yuan = 100. */
  minAmount: number;
  /** Integer fen (分): 1 yuan = 100. */
  maxAmount: number;
  /** YYYY-MM-DD */
  validFrom: string;
}

export interface CommitteeConfigSeed {
  /** Share of eligible members (quorum counts eligible members), in percent. */
  quorumPercent: number;
  /** APPROVE must be strictly more than this percent of votes cast, abstentions excluded. */
  majorityPercent: number;
  /** Minimum length of the public notice (公示), in days. */
  noticeDays: number;
  /** Final amounts above this (fen) need a second approval. */
  secondApprovalThreshold: number;
}

// ---------------------------------------------------------------------------------------------
// Districts: the 16 districts of Beijing (GB/T 2260 codes)
// ---------------------------------------------------------------------------------------------

export const districts: DistrictSeed[] = [
  { code: '110101', nameZh: '东城区', nameEn: 'Dongcheng District' },
  { code: '110102', nameZh: '西城区', nameEn: 'Xicheng District' },
  { code: '110105', nameZh: '朝阳区', nameEn: 'Chaoyang District' },
  { code: '110106', nameZh: '丰台区', nameEn: 'Fengtai District' },
  { code: '110107', nameZh: '石景山区', nameEn: 'Shijingshan District' },
  { code: '110108', nameZh: '海淀区', nameEn: 'Haidian District' },
  { code: '110109', nameZh: '门头沟区', nameEn: 'Mentougou District' },
  { code: '110111', nameZh: '房山区', nameEn: 'Fangshan District' },
  { code: '110112', nameZh: '通州区', nameEn: 'Tongzhou District' },
  { code: '110113', nameZh: '顺义区', nameEn: 'Shunyi District' },
  { code: '110114', nameZh: '昌平区', nameEn: 'Changping District' },
  { code: '110115', nameZh: '大兴区', nameEn: 'Daxing District' },
  { code: '110116', nameZh: '怀柔区', nameEn: 'Huairou District' },
  { code: '110117', nameZh: '平谷区', nameEn: 'Pinggu District' },
  { code: '110118', nameZh: '密云区', nameEn: 'Miyun District' },
  { code: '110119', nameZh: '延庆区', nameEn: 'Yanqing District' },
];

// ---------------------------------------------------------------------------------------------
// Departments
// City bureaus have no district and no parent. District branches point at their city bureau
// (a handler of the bureau sees its branches' dispatches). Street offices point at their district
// government. Code scheme: <BUREAU>[-<district code>[-<street>]].
// ---------------------------------------------------------------------------------------------

export const departments: DepartmentSeed[] = [
  // City level
  { code: 'PSB', nameZh: '北京市公安局', nameEn: 'Beijing Municipal Public Security Bureau', kind: 'PUBLIC_SECURITY', districtCode: null, parentCode: null },
  { code: 'CIV', nameZh: '北京市民政局', nameEn: 'Beijing Municipal Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: null, parentCode: null },
  { code: 'EDU', nameZh: '北京市教育委员会', nameEn: 'Beijing Municipal Education Commission', kind: 'EDUCATION', districtCode: null, parentCode: null },
  { code: 'HLTH', nameZh: '北京市卫生健康委员会', nameEn: 'Beijing Municipal Health Commission', kind: 'HEALTH', districtCode: null, parentCode: null },
  { code: 'CAC', nameZh: '中共北京市委网络安全和信息化委员会办公室', nameEn: 'Cyberspace Administration of Beijing', kind: 'CYBERSPACE', districtCode: null, parentCode: null },
  { code: 'PROC', nameZh: '北京市人民检察院', nameEn: "Beijing Municipal People's Procuratorate", kind: 'PROCURATORATE', districtCode: null, parentCode: null },
  { code: 'COURT', nameZh: '北京市高级人民法院', nameEn: "Beijing High People's Court", kind: 'COURT', districtCode: null, parentCode: null },
  { code: 'WF', nameZh: '北京市妇女联合会', nameEn: "Beijing Women's Federation", kind: 'WOMENS_FEDERATION', districtCode: null, parentCode: null },
  { code: 'CYL', nameZh: '共青团北京市委员会', nameEn: 'Beijing Municipal Committee of the Communist Youth League', kind: 'YOUTH_LEAGUE', districtCode: null, parentCode: null },
  { code: 'MPO', nameZh: '北京市未成年人保护工作领导小组办公室', nameEn: 'Office of the Beijing Leading Group for Minor Protection', kind: 'OTHER', districtCode: null, parentCode: null },
  // Other city bodies that categories route to via kind OTHER (child labour, tobacco/alcohol
  // sales, entertainment venues, legal aid).
  { code: 'HRSS', nameZh: '北京市人力资源和社会保障局', nameEn: 'Beijing Municipal Human Resources and Social Security Bureau', kind: 'OTHER', districtCode: null, parentCode: null },
  { code: 'SAMR', nameZh: '北京市市场监督管理局', nameEn: 'Beijing Municipal Administration for Market Regulation', kind: 'OTHER', districtCode: null, parentCode: null },
  { code: 'CULT', nameZh: '北京市文化和旅游局', nameEn: 'Beijing Municipal Bureau of Culture and Tourism', kind: 'OTHER', districtCode: null, parentCode: null },
  { code: 'JUST', nameZh: '北京市司法局', nameEn: 'Beijing Municipal Justice Bureau', kind: 'OTHER', districtCode: null, parentCode: null },

  // Public security: one branch per district (the police are first responders for IMMEDIATE cases)
  { code: 'PSB-110101', nameZh: '北京市公安局东城分局', nameEn: 'Dongcheng Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110101', parentCode: 'PSB' },
  { code: 'PSB-110102', nameZh: '北京市公安局西城分局', nameEn: 'Xicheng Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110102', parentCode: 'PSB' },
  { code: 'PSB-110105', nameZh: '北京市公安局朝阳分局', nameEn: 'Chaoyang Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110105', parentCode: 'PSB' },
  { code: 'PSB-110106', nameZh: '北京市公安局丰台分局', nameEn: 'Fengtai Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110106', parentCode: 'PSB' },
  { code: 'PSB-110107', nameZh: '北京市公安局石景山分局', nameEn: 'Shijingshan Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110107', parentCode: 'PSB' },
  { code: 'PSB-110108', nameZh: '北京市公安局海淀分局', nameEn: 'Haidian Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110108', parentCode: 'PSB' },
  { code: 'PSB-110109', nameZh: '北京市公安局门头沟分局', nameEn: 'Mentougou Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110109', parentCode: 'PSB' },
  { code: 'PSB-110111', nameZh: '北京市公安局房山分局', nameEn: 'Fangshan Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110111', parentCode: 'PSB' },
  { code: 'PSB-110112', nameZh: '北京市公安局通州分局', nameEn: 'Tongzhou Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110112', parentCode: 'PSB' },
  { code: 'PSB-110113', nameZh: '北京市公安局顺义分局', nameEn: 'Shunyi Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110113', parentCode: 'PSB' },
  { code: 'PSB-110114', nameZh: '北京市公安局昌平分局', nameEn: 'Changping Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110114', parentCode: 'PSB' },
  { code: 'PSB-110115', nameZh: '北京市公安局大兴分局', nameEn: 'Daxing Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110115', parentCode: 'PSB' },
  { code: 'PSB-110116', nameZh: '北京市公安局怀柔分局', nameEn: 'Huairou Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110116', parentCode: 'PSB' },
  { code: 'PSB-110117', nameZh: '北京市公安局平谷分局', nameEn: 'Pinggu Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110117', parentCode: 'PSB' },
  { code: 'PSB-110118', nameZh: '北京市公安局密云分局', nameEn: 'Miyun Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110118', parentCode: 'PSB' },
  { code: 'PSB-110119', nameZh: '北京市公安局延庆分局', nameEn: 'Yanqing Branch, Beijing PSB', kind: 'PUBLIC_SECURITY', districtCode: '110119', parentCode: 'PSB' },

  // District civil affairs bureaus (guardianship, abandonment, relief, child welfare)
  { code: 'CIV-110101', nameZh: '东城区民政局', nameEn: 'Dongcheng District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110101', parentCode: 'CIV' },
  { code: 'CIV-110102', nameZh: '西城区民政局', nameEn: 'Xicheng District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110102', parentCode: 'CIV' },
  { code: 'CIV-110105', nameZh: '朝阳区民政局', nameEn: 'Chaoyang District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110105', parentCode: 'CIV' },
  { code: 'CIV-110106', nameZh: '丰台区民政局', nameEn: 'Fengtai District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110106', parentCode: 'CIV' },
  { code: 'CIV-110108', nameZh: '海淀区民政局', nameEn: 'Haidian District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110108', parentCode: 'CIV' },
  { code: 'CIV-110112', nameZh: '通州区民政局', nameEn: 'Tongzhou District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110112', parentCode: 'CIV' },
  { code: 'CIV-110114', nameZh: '昌平区民政局', nameEn: 'Changping District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110114', parentCode: 'CIV' },
  { code: 'CIV-110115', nameZh: '大兴区民政局', nameEn: 'Daxing District Civil Affairs Bureau', kind: 'CIVIL_AFFAIRS', districtCode: '110115', parentCode: 'CIV' },

  // District education commissions (bullying, corporal punishment, school safety, tutoring)
  { code: 'EDU-110101', nameZh: '东城区教育委员会', nameEn: 'Dongcheng District Education Commission', kind: 'EDUCATION', districtCode: '110101', parentCode: 'EDU' },
  { code: 'EDU-110102', nameZh: '西城区教育委员会', nameEn: 'Xicheng District Education Commission', kind: 'EDUCATION', districtCode: '110102', parentCode: 'EDU' },
  { code: 'EDU-110105', nameZh: '朝阳区教育委员会', nameEn: 'Chaoyang District Education Commission', kind: 'EDUCATION', districtCode: '110105', parentCode: 'EDU' },
  { code: 'EDU-110106', nameZh: '丰台区教育委员会', nameEn: 'Fengtai District Education Commission', kind: 'EDUCATION', districtCode: '110106', parentCode: 'EDU' },
  { code: 'EDU-110108', nameZh: '海淀区教育委员会', nameEn: 'Haidian District Education Commission', kind: 'EDUCATION', districtCode: '110108', parentCode: 'EDU' },
  { code: 'EDU-110112', nameZh: '通州区教育委员会', nameEn: 'Tongzhou District Education Commission', kind: 'EDUCATION', districtCode: '110112', parentCode: 'EDU' },
  { code: 'EDU-110114', nameZh: '昌平区教育委员会', nameEn: 'Changping District Education Commission', kind: 'EDUCATION', districtCode: '110114', parentCode: 'EDU' },
  { code: 'EDU-110115', nameZh: '大兴区教育委员会', nameEn: 'Daxing District Education Commission', kind: 'EDUCATION', districtCode: '110115', parentCode: 'EDU' },

  // District health commissions (mental-health crisis, medical relief)
  { code: 'HLTH-110105', nameZh: '朝阳区卫生健康委员会', nameEn: 'Chaoyang District Health Commission', kind: 'HEALTH', districtCode: '110105', parentCode: 'HLTH' },
  { code: 'HLTH-110108', nameZh: '海淀区卫生健康委员会', nameEn: 'Haidian District Health Commission', kind: 'HEALTH', districtCode: '110108', parentCode: 'HLTH' },

  // District procuratorates (juvenile prosecution, 未检)
  { code: 'PROC-110105', nameZh: '北京市朝阳区人民检察院', nameEn: "Chaoyang District People's Procuratorate", kind: 'PROCURATORATE', districtCode: '110105', parentCode: 'PROC' },
  { code: 'PROC-110108', nameZh: '北京市海淀区人民检察院', nameEn: "Haidian District People's Procuratorate", kind: 'PROCURATORATE', districtCode: '110108', parentCode: 'PROC' },

  // District governments (lead for cross-agency cases; parents of street offices)
  { code: 'GOV-110101', nameZh: '东城区人民政府', nameEn: "Dongcheng District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110101', parentCode: null },
  { code: 'GOV-110102', nameZh: '西城区人民政府', nameEn: "Xicheng District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110102', parentCode: null },
  { code: 'GOV-110105', nameZh: '朝阳区人民政府', nameEn: "Chaoyang District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110105', parentCode: null },
  { code: 'GOV-110106', nameZh: '丰台区人民政府', nameEn: "Fengtai District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110106', parentCode: null },
  { code: 'GOV-110108', nameZh: '海淀区人民政府', nameEn: "Haidian District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110108', parentCode: null },
  { code: 'GOV-110112', nameZh: '通州区人民政府', nameEn: "Tongzhou District People's Government", kind: 'DISTRICT_GOVERNMENT', districtCode: '110112', parentCode: null },

  // Street offices (街道办事处): closest to the household, for guardianship and relief cases
  { code: 'ST-110101-DHM', nameZh: '东城区东华门街道办事处', nameEn: 'Donghuamen Subdistrict Office, Dongcheng', kind: 'STREET_OFFICE', districtCode: '110101', parentCode: 'GOV-110101' },
  { code: 'ST-110101-JGM', nameZh: '东城区建国门街道办事处', nameEn: 'Jianguomen Subdistrict Office, Dongcheng', kind: 'STREET_OFFICE', districtCode: '110101', parentCode: 'GOV-110101' },
  { code: 'ST-110102-SCH', nameZh: '西城区什刹海街道办事处', nameEn: 'Shichahai Subdistrict Office, Xicheng', kind: 'STREET_OFFICE', districtCode: '110102', parentCode: 'GOV-110102' },
  { code: 'ST-110102-XCA', nameZh: '西城区西长安街街道办事处', nameEn: "Xichang'anjie Subdistrict Office, Xicheng", kind: 'STREET_OFFICE', districtCode: '110102', parentCode: 'GOV-110102' },
  { code: 'ST-110105-WJ', nameZh: '朝阳区望京街道办事处', nameEn: 'Wangjing Subdistrict Office, Chaoyang', kind: 'STREET_OFFICE', districtCode: '110105', parentCode: 'GOV-110105' },
  { code: 'ST-110105-SLT', nameZh: '朝阳区三里屯街道办事处', nameEn: 'Sanlitun Subdistrict Office, Chaoyang', kind: 'STREET_OFFICE', districtCode: '110105', parentCode: 'GOV-110105' },
  { code: 'ST-110105-PJY', nameZh: '朝阳区潘家园街道办事处', nameEn: 'Panjiayuan Subdistrict Office, Chaoyang', kind: 'STREET_OFFICE', districtCode: '110105', parentCode: 'GOV-110105' },
  { code: 'ST-110108-ZGC', nameZh: '海淀区中关村街道办事处', nameEn: 'Zhongguancun Subdistrict Office, Haidian', kind: 'STREET_OFFICE', districtCode: '110108', parentCode: 'GOV-110108' },
  { code: 'ST-110108-XYL', nameZh: '海淀区学院路街道办事处', nameEn: 'Xueyuanlu Subdistrict Office, Haidian', kind: 'STREET_OFFICE', districtCode: '110108', parentCode: 'GOV-110108' },
  { code: 'ST-110112-ZC', nameZh: '通州区中仓街道办事处', nameEn: 'Zhongcang Subdistrict Office, Tongzhou', kind: 'STREET_OFFICE', districtCode: '110112', parentCode: 'GOV-110112' },
];

// ---------------------------------------------------------------------------------------------
// Case categories: two levels (parent › leaf). Cases are classified to a leaf; statistics roll
// up to the parent. defaultUrgency is a starting point the operator may change; parents carry
// none because a case is never classified to a parent alone. suggestedDepartmentKinds are
// routing hints, in order of likely lead.
// ---------------------------------------------------------------------------------------------

export const categories: CategorySeed[] = [
  // 侵害: harm done to the child, often inside the family
  { code: 'HARM', nameZh: '侵害', nameEn: 'Infringement and abuse', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'CIVIL_AFFAIRS'] },
  { code: 'HARM-SEXUAL', nameZh: '性侵害', nameEn: 'Sexual abuse', parentCode: 'HARM', defaultUrgency: 'IMMEDIATE', suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'PROCURATORATE', 'CIVIL_AFFAIRS'] },
  // Treated as ongoing until shown otherwise: the child may be in the same home tonight.
  { code: 'HARM-DOMESTIC', nameZh: '家庭暴力', nameEn: 'Domestic violence', parentCode: 'HARM', defaultUrgency: 'IMMEDIATE', suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'WOMENS_FEDERATION', 'CIVIL_AFFAIRS', 'STREET_OFFICE'] },
  { code: 'HARM-ABUSE', nameZh: '虐待', nameEn: 'Maltreatment', parentCode: 'HARM', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'CIVIL_AFFAIRS', 'WOMENS_FEDERATION'] },
  { code: 'HARM-ABANDON', nameZh: '遗弃', nameEn: 'Abandonment', parentCode: 'HARM', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'CIVIL_AFFAIRS'] },
  { code: 'HARM-TRAFFICK', nameZh: '拐卖', nameEn: 'Trafficking and abduction', parentCode: 'HARM', defaultUrgency: 'IMMEDIATE', suggestedDepartmentKinds: ['PUBLIC_SECURITY'] },

  // 监护缺失: no one is (effectively) looking after the child
  { code: 'GUARD', nameZh: '监护缺失', nameEn: 'Lack of guardianship', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'STREET_OFFICE'] },
  { code: 'GUARD-NEGLECT', nameZh: '监护人失职/留守', nameEn: 'Guardian neglect / left-behind child', parentCode: 'GUARD', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'STREET_OFFICE', 'WOMENS_FEDERATION'] },
  { code: 'GUARD-UNSUPPORTED', nameZh: '事实无人抚养', nameEn: 'De facto unsupported child', parentCode: 'GUARD', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'STREET_OFFICE'] },
  { code: 'GUARD-VAGRANT', nameZh: '流浪乞讨', nameEn: 'Street children and begging', parentCode: 'GUARD', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'PUBLIC_SECURITY'] },

  // 校园: school protection
  { code: 'SCHOOL', nameZh: '校园', nameEn: 'School', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['EDUCATION'] },
  { code: 'SCHOOL-BULLYING', nameZh: '校园欺凌', nameEn: 'School bullying', parentCode: 'SCHOOL', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['EDUCATION', 'PUBLIC_SECURITY'] },
  { code: 'SCHOOL-PUNISH', nameZh: '体罚/变相体罚', nameEn: 'Corporal or disguised corporal punishment', parentCode: 'SCHOOL', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['EDUCATION'] },
  { code: 'SCHOOL-SAFETY', nameZh: '校园安全', nameEn: 'Campus safety', parentCode: 'SCHOOL', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['EDUCATION', 'PUBLIC_SECURITY', 'HEALTH'] },
  { code: 'SCHOOL-RIGHTS', nameZh: '教育收费/权益', nameEn: 'School fees and right to education', parentCode: 'SCHOOL', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['EDUCATION'] },

  // 网络: network protection
  { code: 'NET', nameZh: '网络', nameEn: 'Online', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['CYBERSPACE', 'PUBLIC_SECURITY'] },
  { code: 'NET-BULLYING', nameZh: '网络欺凌', nameEn: 'Cyberbullying', parentCode: 'NET', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['CYBERSPACE', 'PUBLIC_SECURITY', 'EDUCATION'] },
  { code: 'NET-ADDICTION', nameZh: '网络沉迷/游戏', nameEn: 'Internet and gaming addiction', parentCode: 'NET', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['CYBERSPACE', 'EDUCATION'] },
  { code: 'NET-HARMFUL', nameZh: '不良信息', nameEn: 'Harmful online content', parentCode: 'NET', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['CYBERSPACE', 'PUBLIC_SECURITY'] },
  { code: 'NET-FRAUD', nameZh: '网络诈骗/隐私泄露', nameEn: 'Online fraud and privacy leaks', parentCode: 'NET', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['PUBLIC_SECURITY', 'CYBERSPACE'] },

  // 社会: social protection (businesses and employers); OTHER = 市场监管/文旅/人社
  { code: 'SOCIETY', nameZh: '社会', nameEn: 'Society', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['OTHER', 'DISTRICT_GOVERNMENT'] },
  { code: 'SOC-TOBACCO', nameZh: '违规向未成年人售烟酒', nameEn: 'Selling tobacco or alcohol to minors', parentCode: 'SOCIETY', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['OTHER', 'STREET_OFFICE'] },
  { code: 'SOC-VENUE', nameZh: '营业性娱乐场所接纳未成年人', nameEn: 'Entertainment venues admitting minors', parentCode: 'SOCIETY', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['OTHER', 'PUBLIC_SECURITY'] },
  { code: 'SOC-LABOUR', nameZh: '非法用工/童工', nameEn: 'Illegal employment / child labour', parentCode: 'SOCIETY', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['OTHER', 'PUBLIC_SECURITY'] },
  { code: 'SOC-TUTORING', nameZh: '校外培训', nameEn: 'Off-campus tutoring', parentCode: 'SOCIETY', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['EDUCATION', 'OTHER'] },

  // 健康: physical and mental health
  { code: 'HEALTH', nameZh: '健康', nameEn: 'Health', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['HEALTH'] },
  { code: 'HEALTH-CRISIS', nameZh: '心理危机/自伤', nameEn: 'Mental-health crisis / self-harm', parentCode: 'HEALTH', defaultUrgency: 'IMMEDIATE', suggestedDepartmentKinds: ['HEALTH', 'PUBLIC_SECURITY', 'EDUCATION'] },
  { code: 'HEALTH-MEDICAL', nameZh: '疾病救助', nameEn: 'Medical relief', parentCode: 'HEALTH', defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['HEALTH', 'CIVIL_AFFAIRS'] },

  // 司法/咨询: mostly answered on the call; OTHER = 司法局 (legal aid)
  { code: 'LEGAL', nameZh: '司法/咨询', nameEn: 'Legal and consultation', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: ['OTHER', 'CIVIL_AFFAIRS'] },
  { code: 'LEGAL-ADVICE', nameZh: '法律咨询', nameEn: 'Legal advice', parentCode: 'LEGAL', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['OTHER', 'PROCURATORATE'] },
  { code: 'LEGAL-POLICY', nameZh: '政策咨询', nameEn: 'Policy enquiry', parentCode: 'LEGAL', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'EDUCATION'] },
  { code: 'LEGAL-RELIEF', nameZh: '救助申请', nameEn: 'Application for assistance', parentCode: 'LEGAL', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['CIVIL_AFFAIRS', 'STREET_OFFICE'] },

  // 其他: a place for what fits nowhere yet, so it shows up in the data instead of being forced
  { code: 'OTHER', nameZh: '其他', nameEn: 'Other', parentCode: null, defaultUrgency: null, suggestedDepartmentKinds: [] },
  { code: 'OTHER-GENERAL', nameZh: '其他诉求', nameEn: 'Other requests', parentCode: 'OTHER', defaultUrgency: 'NORMAL', suggestedDepartmentKinds: ['DISTRICT_GOVERNMENT'] },
];

// ---------------------------------------------------------------------------------------------
// SLA policies: phase × urgency, following the general 12345 line's published practice.
// DISPATCH runs from receipt, ACCEPT from dispatch, REPLY from acceptance.
// ---------------------------------------------------------------------------------------------

export const slaPolicies: SlaPolicySeed[] = [
  { phase: 'DISPATCH', urgency: 'IMMEDIATE', amount: 1, unit: 'HOURS' },
  { phase: 'DISPATCH', urgency: 'URGENT', amount: 2, unit: 'HOURS' },
  { phase: 'DISPATCH', urgency: 'NORMAL', amount: 24, unit: 'HOURS' },
  { phase: 'ACCEPT', urgency: 'IMMEDIATE', amount: 1, unit: 'HOURS' },
  { phase: 'ACCEPT', urgency: 'URGENT', amount: 4, unit: 'HOURS' },
  { phase: 'ACCEPT', urgency: 'NORMAL', amount: 1, unit: 'WORKING_DAYS' },
  { phase: 'REPLY', urgency: 'IMMEDIATE', amount: 24, unit: 'HOURS' },
  { phase: 'REPLY', urgency: 'URGENT', amount: 3, unit: 'WORKING_DAYS' },
  { phase: 'REPLY', urgency: 'NORMAL', amount: 15, unit: 'WORKING_DAYS' },
];

// ---------------------------------------------------------------------------------------------
// Holiday calendar, used for WORKING_DAYS deadlines. A day is a working day when it is
// Mon–Fri and not a HOLIDAY, or when it is a WORKDAY (调休上班). Every day of each holiday
// block is listed, weekends included, so the block reads as one run.
// ---------------------------------------------------------------------------------------------

export const calendarDays: CalendarDaySeed[] = [
  // Source: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, via Xinhua).
  // Administrators can edit this calendar; check it against the State Council notice each year.
  // 2027 only has New Year's Day until the 2027 notice is published (usually in November).

  // 元旦: 1月1日(周四)至3日(周六)放假, 1月4日(周日)上班
  { day: '2026-01-01', kind: 'HOLIDAY', nameZh: '元旦', nameEn: "New Year's Day" },
  { day: '2026-01-02', kind: 'HOLIDAY', nameZh: '元旦', nameEn: "New Year's Day" },
  { day: '2026-01-03', kind: 'HOLIDAY', nameZh: '元旦', nameEn: "New Year's Day" },
  { day: '2026-01-04', kind: 'WORKDAY', nameZh: '元旦调休上班', nameEn: "New Year's Day make-up working day" },

  // 春节: 2月15日(周日)至23日(周一)放假, 2月14日(周六)、2月28日(周六)上班
  { day: '2026-02-14', kind: 'WORKDAY', nameZh: '春节调休上班', nameEn: 'Spring Festival make-up working day' },
  { day: '2026-02-15', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-16', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-17', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-18', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-19', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-20', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-21', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-22', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-23', kind: 'HOLIDAY', nameZh: '春节', nameEn: 'Spring Festival' },
  { day: '2026-02-28', kind: 'WORKDAY', nameZh: '春节调休上班', nameEn: 'Spring Festival make-up working day' },

  // 清明节: 4月4日(周六)至6日(周一)放假
  { day: '2026-04-04', kind: 'HOLIDAY', nameZh: '清明节', nameEn: 'Qingming Festival' },
  { day: '2026-04-05', kind: 'HOLIDAY', nameZh: '清明节', nameEn: 'Qingming Festival' },
  { day: '2026-04-06', kind: 'HOLIDAY', nameZh: '清明节', nameEn: 'Qingming Festival' },

  // 劳动节: 5月1日(周五)至5日(周二)放假, 5月9日(周六)上班
  { day: '2026-05-01', kind: 'HOLIDAY', nameZh: '劳动节', nameEn: 'Labour Day' },
  { day: '2026-05-02', kind: 'HOLIDAY', nameZh: '劳动节', nameEn: 'Labour Day' },
  { day: '2026-05-03', kind: 'HOLIDAY', nameZh: '劳动节', nameEn: 'Labour Day' },
  { day: '2026-05-04', kind: 'HOLIDAY', nameZh: '劳动节', nameEn: 'Labour Day' },
  { day: '2026-05-05', kind: 'HOLIDAY', nameZh: '劳动节', nameEn: 'Labour Day' },
  { day: '2026-05-09', kind: 'WORKDAY', nameZh: '劳动节调休上班', nameEn: 'Labour Day make-up working day' },

  // 端午节: 6月19日(周五)至21日(周日)放假
  { day: '2026-06-19', kind: 'HOLIDAY', nameZh: '端午节', nameEn: 'Dragon Boat Festival' },
  { day: '2026-06-20', kind: 'HOLIDAY', nameZh: '端午节', nameEn: 'Dragon Boat Festival' },
  { day: '2026-06-21', kind: 'HOLIDAY', nameZh: '端午节', nameEn: 'Dragon Boat Festival' },

  // 国庆节调休 (comes before 中秋节 in date order): 9月20日(周日)上班
  { day: '2026-09-20', kind: 'WORKDAY', nameZh: '国庆节调休上班', nameEn: 'National Day make-up working day' },

  // 中秋节: 9月25日(周五)至27日(周日)放假
  { day: '2026-09-25', kind: 'HOLIDAY', nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' },
  { day: '2026-09-26', kind: 'HOLIDAY', nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' },
  { day: '2026-09-27', kind: 'HOLIDAY', nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' },

  // 国庆节: 10月1日(周四)至7日(周三)放假, 10月10日(周六)上班
  { day: '2026-10-01', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-02', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-03', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-04', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-05', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-06', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-07', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day' },
  { day: '2026-10-10', kind: 'WORKDAY', nameZh: '国庆节调休上班', nameEn: 'National Day make-up working day' },

  // 2027 元旦 (statutory day; any make-up days follow the 2027 notice)
  { day: '2027-01-01', kind: 'HOLIDAY', nameZh: '元旦', nameEn: "New Year's Day" },
];

// ---------------------------------------------------------------------------------------------
// Reward standards, version 1. Published rules that a reward record cites. A change is a new
// version, never an edit. Amounts are in fen. Every tip-off level requires the same basis
// (substantiated, first reporter, no duty to report) because the workflow checks exactly that.
// ---------------------------------------------------------------------------------------------

export const rewardStandards: RewardStandardSeed[] = [
  {
    code: 'RPT-L1',
    version: 1,
    kind: 'REPORT_REWARD',
    level: 'L1',
    nameZh: '一级举报奖励（重大线索）',
    nameEn: 'Tip-off reward, level 1 (major lead)',
    criteria:
      '举报线索经查证属实，揭露性侵害、拐卖、严重虐待等重大侵害未成年人违法犯罪行为，对及时解救或保护未成年人起关键作用；举报人为该违法行为的首位举报人，且不负有强制报告义务。',
    honourType: 'CERTIFICATE',
    minAmount: 200000, // ¥2,000
    maxAmount: 500000, // ¥5,000
    validFrom: '2026-01-01',
  },
  {
    code: 'RPT-L2',
    version: 1,
    kind: 'REPORT_REWARD',
    level: 'L2',
    nameZh: '二级举报奖励（较大线索）',
    nameEn: 'Tip-off reward, level 2 (significant lead)',
    criteria:
      '举报线索经查证属实，揭露家庭暴力、遗弃、校园欺凌、非法使用童工等侵害未成年人合法权益的违法行为，并促成有效处置；举报人为首位举报人，且不负有强制报告义务。',
    honourType: 'COMMENDATION_LETTER',
    minAmount: 50000, // ¥500
    maxAmount: 200000, // ¥2,000
    validFrom: '2026-01-01',
  },
  {
    code: 'RPT-L3',
    version: 1,
    kind: 'REPORT_REWARD',
    level: 'L3',
    nameZh: '三级举报奖励（一般线索）',
    nameEn: 'Tip-off reward, level 3 (general lead)',
    criteria:
      '举报线索经查证属实，对发现、制止一般侵害未成年人权益的违法行为（如违规售烟酒、娱乐场所接纳未成年人）有实际帮助；举报人为首位举报人，且不负有强制报告义务。',
    honourType: 'COMMENDATION_LETTER',
    minAmount: 0, // honour only is allowed
    maxAmount: 50000, // ¥500
    validFrom: '2026-01-01',
  },
  {
    code: 'SUG-L1',
    version: 1,
    kind: 'SUGGESTION_REWARD',
    level: 'L1',
    nameZh: '一等金点子奖励（采纳并成效显著）',
    nameEn: 'Suggestion award, first class (adopted, marked effect)',
    criteria:
      '建议被采纳并实施，经效果评估成效显著：相关类别诉求明显下降或形成可复制推广的制度机制，对未成年人保护或儿童友好城市建设具有全市性影响；建议人为首位提出者。',
    honourType: 'HONORARY_TITLE',
    minAmount: 100000, // ¥1,000
    maxAmount: 300000, // ¥3,000
    validFrom: '2026-01-01',
  },
  {
    code: 'SUG-L2',
    version: 1,
    kind: 'SUGGESTION_REWARD',
    level: 'L2',
    nameZh: '二等金点子奖励（采纳并取得成效）',
    nameEn: 'Suggestion award, second class (adopted, effective)',
    criteria:
      '建议被采纳并实施，经效果评估取得实际成效，解决了区域或行业内的未成年人保护突出问题；建议人为首位提出者。',
    honourType: 'CERTIFICATE',
    minAmount: 30000, // ¥300
    maxAmount: 100000, // ¥1,000
    validFrom: '2026-01-01',
  },
  {
    code: 'SUG-L3',
    version: 1,
    kind: 'SUGGESTION_REWARD',
    level: 'L3',
    nameZh: '三等金点子奖励（采纳并有成效）',
    nameEn: 'Suggestion award, third class (adopted, some effect)',
    criteria:
      '建议被采纳并实施，经效果评估有成效，对改进具体工作或服务有积极作用；建议人为首位提出者。',
    honourType: 'COMMENDATION_LETTER',
    minAmount: 0, // honour only is allowed
    maxAmount: 30000, // ¥300
    validFrom: '2026-01-01',
  },
];

// ---------------------------------------------------------------------------------------------
// Committee rules and the year's reward fund
// ---------------------------------------------------------------------------------------------

export const committeeConfig: CommitteeConfigSeed = {
  quorumPercent: 60, // at least 60% of the eligible members must take part
  majorityPercent: 50, // approvals must be > 50% of votes cast, abstentions excluded
  noticeDays: 7, // public notice (公示) lasts at least 7 days
  secondApprovalThreshold: 300000, // final amounts over ¥3,000 need a second approval
};

/** Reward fund for the current year, in fen (¥500,000). */
export const rewardBudgetTotal: number = 50000000;
