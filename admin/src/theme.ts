// A dense, calm theme for long shifts at the desk: small controls and table rows, muted colours,
// a Chinese-first font stack, and a dark variant for night shifts (the app bar toggles it).
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

const FONT = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  'sans-serif',
].join(', ');

function dense(base: RaThemeOptions, mode: 'light' | 'dark'): RaThemeOptions {
  const light = mode === 'light';
  return {
    ...base,
    palette: {
      ...base.palette,
      mode,
      primary: { main: light ? '#1f5f8b' : '#8cc4ec' },
      secondary: { main: light ? '#2e7d6f' : '#7fcbbd' },
      error: { main: light ? '#b3261e' : '#f2b8b5' },
      warning: { main: light ? '#a15c00' : '#ffb86b' },
      background: light ? { default: '#f4f6f8', paper: '#ffffff' } : { default: '#1b1f24', paper: '#23282f' },
    },
    shape: { borderRadius: 6 },
    typography: {
      ...base.typography,
      fontFamily: FONT,
      fontSize: 13,
      h5: { fontSize: '1.35rem', fontWeight: 500 },
      h6: { fontSize: '1.1rem', fontWeight: 500 },
      button: { textTransform: 'none' as const, fontWeight: 500 },
    },
    sidebar: { width: 200, closedWidth: 50 },
    components: {
      ...base.components,
      MuiAppBar: { defaultProps: { elevation: 0, color: light ? 'primary' : 'default' } },
      MuiButton: { defaultProps: { size: 'small' as const } },
      MuiIconButton: { defaultProps: { size: 'small' as const } },
      MuiChip: { defaultProps: { size: 'small' as const } },
      MuiTable: { defaultProps: { size: 'small' as const } },
      MuiTableCell: {
        ...base.components?.MuiTableCell,
        styleOverrides: {
          root: { paddingTop: 4, paddingBottom: 4, '&.MuiTableCell-paddingCheckbox': { padding: '0 8px' } },
          head: { fontWeight: 600, whiteSpace: 'nowrap' as const },
        },
      },
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiCard: {
        styleOverrides: { root: { border: `1px solid ${light ? '#dde3ea' : '#343b45'}` } },
      },
      MuiListItemIcon: { styleOverrides: { root: { minWidth: 40 } } },
      MuiMenuItem: { styleOverrides: { root: { minHeight: 36 } } },
    },
  };
}

export const lightTheme = dense(defaultLightTheme, 'light');
export const darkTheme = dense(defaultDarkTheme, 'dark');
