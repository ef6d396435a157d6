import { Box, Typography } from '@mui/material';
import ApiTokenIcon from '@mui/icons-material/VpnKey';
import { CreateButton, useTranslate } from 'react-admin';

/** No token yet: say what tokens are for, and offer to issue one. */
export const ApiTokenEmpty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 6, mx: 'auto', maxWidth: 560, color: 'text.secondary' }}>
      <ApiTokenIcon sx={{ fontSize: 64, opacity: 0.5 }} />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate('ra.page.empty', { name: translate('resources.apiTokens.name', { smart_count: 2 }) })}
      </Typography>
      <Typography variant="body2" sx={{ my: 2 }}>
        {translate('guardline.apiTokens.kind_help')}
      </Typography>
      <CreateButton variant="contained" label="guardline.apiTokens.issue" />
    </Box>
  );
};
