import { lazy } from 'react';
import RewardIcon from '@mui/icons-material/EmojiEvents';
import InboxIcon from '@mui/icons-material/HowToVote';
import NoticeIcon from '@mui/icons-material/Campaign';
import BudgetIcon from '@mui/icons-material/AccountBalanceWallet';
import StandardIcon from '@mui/icons-material/Rule';
import { localName } from '../i18n';

export const rewardRecords = {
  list: lazy(() => import('./RewardRecordList')),
  show: lazy(() => import('./RewardRecordShow')),
  create: lazy(() => import('./RewardNominate')),
  edit: undefined,
  icon: RewardIcon,
  recordRepresentation: (record: { code?: string }) => record.code ?? '',
};

/** The committee member's inbox (pending votes): a view of reward records. */
export const rewardInbox = {
  list: lazy(() => import('./RewardInbox')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: InboxIcon,
};

export const publicNotices = {
  list: lazy(() => import('./PublicNoticeList')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: NoticeIcon,
};

export const rewardBudgets = {
  list: lazy(() => import('./BudgetPage')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: BudgetIcon,
};

export const rewardStandards = {
  list: lazy(() => import('./StandardList')),
  show: undefined,
  create: lazy(() => import('./StandardCreate')),
  edit: undefined,
  icon: StandardIcon,
  recordRepresentation: (record: { nameZh?: string; nameEn?: string }) => localName(record),
};
