// Reference-data administration screens (holidays and make-up days, new departments, new case
// categories). admin.zh.ts must have exactly the same keys (i18n.test.ts).
export const adminEn = {
  resources: {
    holidays: {
      name: 'Holidays and make-up days',
      fields: { day: 'Date', kind: 'Kind', name: 'Name', nameZh: 'Chinese name', nameEn: 'English name' },
    },
    departments: { fields: { parentId: 'Parent department' } },
    caseCategories: { fields: { nameEn: 'English name', parentId: 'Parent category' } },
  },
  guardline: {
    holidays: {
      year: '%{year}',
      prev_year: 'Previous year',
      next_year: 'Next year',
      add: 'Add a day',
      add_title: 'Add a holiday or make-up working day',
      edit_title: 'Change %{day}',
      saved: 'Calendar saved; it applies to deadlines set from now on',
      remove: 'Remove',
      remove_title: 'Remove %{day} (%{name})?',
      remove_help: 'The day then counts as an ordinary weekday or weekend day for deadlines set from now on; deadlines already set do not change.',
      removed: 'Removed from the calendar',
      help: 'Working-day deadlines skip holidays and count make-up working days; a change applies only to deadlines set afterwards.',
      summary: 'This year: %{holidays} days off, %{workdays} make-up working days.',
      empty: 'No holidays are entered for %{year} yet: add them from the State Council notice.',
      kind_help: 'A make-up working day falls on a Saturday or Sunday.',
    },
    departments: {
      code_help: 'A stable upper-case code, e.g. PSB-110105; partner systems know the department by it, and it cannot change later.',
      parent_help: "Optional; the parent's handlers see this department's cases.",
      district_help: "May be left empty under a district-level parent: the parent's district is used.",
    },
    categories: {
      code_help: 'A stable upper-case code, e.g. SCHOOL-BULLYING; it cannot change later.',
      parent_help: 'None: a top-level category. A second-level category sits under a top-level one.',
      top_level: 'Top level (no parent)',
    },
    reference: {
      code_invalid: 'Letters, digits, dashes and underscores, 2–40 characters, starting with a letter or digit',
    },
    enum: {
      calendarDayKind: { HOLIDAY: 'Day off', WORKDAY: 'Make-up working day' },
    },
  },
};
