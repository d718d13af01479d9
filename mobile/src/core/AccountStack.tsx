import React, { useCallback, useRef, useState } from 'react';
import { Platform } from 'react-native';
import { useFocusEffect, useIsFocused } from '@react-navigation/native';
import { createNativeStackNavigator, type NativeStackScreenProps } from '@react-navigation/native-stack';
import { SafeAreaView } from 'react-native-safe-area-context';
import { useI18n } from '../i18n/I18nContext';
import { useApp } from './AppContext';
import { AccountScreen } from '../screens/AccountScreen';
import { InboxScreen } from '../screens/InboxScreen';
import { deepLinkForPush } from '../device/pushLinks';
import { colors } from '../components/ui';

type AccountStackParams = { AccountMain: undefined; Inbox: undefined };
const AccountStackNav = createNativeStackNavigator<AccountStackParams>();

/** Same frame as Navigation's: off-focus screens are display:none on web. */
function Safe({ children }: { children: React.ReactNode }) {
  const focused = useIsFocused();
  return (
    <SafeAreaView
      style={{ flex: 1, backgroundColor: colors.background, display: Platform.OS === 'web' && !focused ? 'none' : 'flex' }}
      edges={['top', 'left', 'right']}
    >
      {children}
    </SafeAreaView>
  );
}

/** The app's own screen for a deep link from deepLinkForPush: [tab, nested screen, params]. */
export function routeForDeepLink(url: string): { tab: string; screen?: string; params?: Record<string, string> } | null {
  const path = url.replace(/^sundispatch(pro)?:\/\//, '');
  let m = /^orders\/(.+)$/.exec(path);
  if (m) return { tab: 'OrdersTab', screen: 'Order', params: { orderId: m[1] } };
  if (path === 'orders') return { tab: 'OrdersTab', screen: 'OrdersList' };
  m = /^offers\/(.+)$/.exec(path);
  if (m) return { tab: 'OffersTab', screen: 'Offer', params: { offerId: m[1] } };
  if (path === 'offers') return { tab: 'OffersTab', screen: 'OffersList' };
  m = /^jobs\/(.+)$/.exec(path);
  if (m) return { tab: 'JobsTab', screen: 'Job', params: { jobId: m[1] } };
  if (path === 'jobs') return { tab: 'JobsTab', screen: 'JobsList' };
  return null;
}

const AccountMainRoute = ({ navigation }: NativeStackScreenProps<AccountStackParams, 'AccountMain'>) => {
  const [key, setKey] = useState(0);
  const seen = useRef(false);
  useFocusEffect(
    useCallback(() => {
      if (seen.current) setKey((k) => k + 1);
      seen.current = true;
    }, []),
  );
  return (
    <Safe>
      <AccountScreen onOpenInbox={() => navigation.navigate('Inbox')} refreshKey={key} />
    </Safe>
  );
};

const InboxRoute = ({ navigation }: NativeStackScreenProps<AccountStackParams, 'Inbox'>) => {
  const { variant } = useApp();
  return (
    <Safe>
      <InboxScreen
        onBack={() => (navigation.canGoBack() ? navigation.goBack() : navigation.replace('AccountMain'))}
        onOpenLink={(link) => {
          const url = deepLinkForPush(link, variant);
          const route = url ? routeForDeepLink(url) : null;
          if (!route) return;
          const parent = navigation.getParent();
          if (route.screen) parent?.navigate(route.tab, { screen: route.screen, params: route.params });
          else parent?.navigate(route.tab);
        }}
      />
    </Safe>
  );
};

/** The Account tab: the account screen and, on top of it, the notification inbox. */
export function AccountTab() {
  const { t } = useI18n();
  return (
    <AccountStackNav.Navigator screenOptions={{ headerShown: false }}>
      <AccountStackNav.Screen name="AccountMain" component={AccountMainRoute} options={{ title: t('account.title') }} />
      <AccountStackNav.Screen name="Inbox" component={InboxRoute} options={{ title: t('inbox.title') }} />
    </AccountStackNav.Navigator>
  );
}
