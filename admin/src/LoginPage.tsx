// react-admin's login page with our name on it and the language switch (the desk works in Chinese;
// partner staff may prefer English).
import { Box, Typography } from '@mui/material';
import ShieldIcon from '@mui/icons-material/Shield';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<ShieldIcon />} sx={{ backgroundImage: 'linear-gradient(160deg, #16476b 0%, #0d2d45 100%)' }}>
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="h6" component="h1">
          {translate('guardline.app.name')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('guardline.app.subtitle')}
        </Typography>
      </Box>
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
