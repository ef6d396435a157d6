// 参考数据管理界面（节假日与调休、新建部门、新建诉求类别）的中文文案；与 admin.en.ts 的键完全一致（见 i18n.test.ts）。
export const adminZh = {
  resources: {
    holidays: {
      name: '节假日与调休',
      fields: { day: '日期', kind: '类型', name: '名称', nameZh: '中文名称', nameEn: '英文名称' },
    },
    departments: { fields: { parentId: '上级部门' } },
    caseCategories: { fields: { nameEn: '英文名称', parentId: '上级类别' } },
  },
  guardline: {
    holidays: {
      year: '%{year} 年',
      prev_year: '上一年',
      next_year: '下一年',
      add: '添加日期',
      add_title: '添加节假日或调休上班日',
      edit_title: '修改 %{day}',
      saved: '工作日历已保存，自现在起新设定的时限适用',
      remove: '删除',
      remove_title: '删除 %{day}（%{name}）？',
      remove_help: '删除后该日按普通工作日或周末计算，自现在起新设定的时限适用；已设定的时限不变。',
      removed: '已从工作日历删除',
      help: '按工作日计算的办理时限跳过放假日、计入调休上班日；修改只影响此后新设定的时限。',
      summary: '本年共 %{holidays} 天放假、%{workdays} 天调休上班。',
      empty: '%{year} 年尚未录入节假日安排，请对照国务院办公厅的通知添加。',
      kind_help: '调休上班日只能是周六或周日。',
    },
    departments: {
      code_help: '稳定的大写编码，如 PSB-110105；对接系统按编码识别部门，创建后不可修改。',
      parent_help: '可选；上级部门的承办人可查看本部门的工单。',
      district_help: '上级为区级部门时可不填，默认与上级同区。',
    },
    categories: {
      code_help: '稳定的大写编码，如 SCHOOL-BULLYING；创建后不可修改。',
      parent_help: '不选则为一级类别；二级类别只能挂在一级类别之下。',
      top_level: '一级类别（无上级）',
    },
    reference: {
      code_invalid: '编码只能包含字母、数字、连字符和下划线，长度 2–40，且以字母或数字开头',
    },
    enum: {
      calendarDayKind: { HOLIDAY: '放假', WORKDAY: '调休上班' },
    },
  },
};
