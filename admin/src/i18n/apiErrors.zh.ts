// 服务器类型化错误的中文提示（见 apiErrors.ts）：code 为各错误码的通用提示，field 为某错误码落在某输入项上的专门提示。
// %{detail} 是服务器的英文原文，只在通用提示不足以说明要改什么时附上。键与 apiErrors.en.ts 完全一致。
export const apiErrorsZh = {
  guardline: {
    apiError: {
      unknown: '操作未成功：%{detail}',
      code: {
        VALIDATION: '输入有误：%{detail}',
        NOT_FOUND: '未找到该记录：可能不存在，或您无权查看',
        FORBIDDEN: '您的角色无权执行此操作',
        UNAUTHENTICATED: '请先登录',
        INVALID_TRANSITION: '当前状态下不能执行此操作，请刷新页面查看最新状态',
        STALE_VERSION: '该记录已被他人修改，请刷新后重试',
        CONFLICT: '与现有记录冲突：%{detail}',
        RATE_LIMITED: '请求过于频繁，请稍后再试',
      },
      field: {
        NOT_FOUND: {
          id: '记录不存在，或您无权查看',
          categoryId: '所选分类不存在或已停用',
          departmentId: '所选部门不存在或已停用',
          districtId: '所选区不存在',
          dispatchId: '该派单不存在，或不属于您的部门',
          standardId: '所选奖励标准不存在或未生效',
          basisCaseId: '未找到作为奖励依据的工单',
          basisSuggestionId: '未找到作为奖励依据的建议',
          claimCode: '该领奖码暂无奖励。',
          recordCode: '未找到正在公示的该奖励记录',
          alertId: '该提醒不存在或已被确认',
          objectionId: '该异议不存在',
          extensionId: '该延期申请不存在',
        },
        VALIDATION: {
          reason: '请填写原因或说明',
          outcome: '主办部门的反馈须注明核查结果',
          safeContactObserved: '请确认本次回访遵守来电人的安全联系要求',
          noConflict: '请确认与本记录无利益冲突，或申请回避',
          requestedReplyBy: '新的反馈期限须晚于当前期限',
          proposedAmount: '金额须在奖励标准规定的范围内（%{detail}）',
          finalAmount: '金额须在奖励标准规定的范围内（%{detail}）',
          audienceDepartmentIds: '请至少选择一个发布对象部门',
        },
        FORBIDDEN: {
          respondent: '按安全联系要求，不能回访该对象（%{detail}）',
        },
        CONFLICT: {
          username: '该用户名已被占用',
        },
      },
    },
  },
};
