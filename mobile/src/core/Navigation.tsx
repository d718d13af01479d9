import React, { useCallback, useRef, useState } from 'react';
import { AppState, Platform } from 'react-native';
import { NavigationContainer, useFocusEffect, useIsFocused, type LinkingOptions } from '@react-navigation/native';
import { createBottomTabNavigator } from '@react-navigation/bottom-tabs';
import { createNativeStackNavigator, type NativeStackScreenProps } from '@react-navigation/native-stack';
import { SafeAreaView } from 'react-native-safe-area-context';
import * as Linking from 'expo-linking';
import { useI18n } from '../i18n/I18nContext';
import type { Variant } from './variant';
import { OffersScreen } from '../screens/OffersScreen';
import { OfferScreen } from '../screens/OfferScreen';
import { JobsScreen } from '../screens/JobsScreen';
import { JobScreen } from '../screens/JobScreen';
import { AvailabilityScreen } from '../screens/AvailabilityScreen';
import { EarningsScreen } from '../screens/EarningsScreen';
import { OrdersScreen } from '../screens/OrdersScreen';
import { OrderScreen } from '../screens/OrderScreen';
import { InstallerProfileScreen } from '../screens/InstallerProfileScreen';
import { CatalogScreen } from '../screens/CatalogScreen';
import { QuoteScreen, type QuotePanel } from '../screens/QuoteScreen';
import { AccountTab } from './AccountStack';
import { colors } from '../components/ui';

type OffersStackParams = { OffersList: undefined; Offer: { offerId: string } };
type OrdersStackParams = { OrdersList: undefined; Order: { orderId: string }; InstallerProfile: { installerId: string } };
type CatalogStackParams = { CatalogList: undefined; Quote: { panel: QuotePanel | null } };
type JobsStackParams = { JobsList: undefined; Job: { jobId: string }; Availability: undefined; Earnings: undefined };

const OffersStack = createNativeStackNavigator<OffersStackParams>();
const OrdersStack = createNativeStackNavigator<OrdersStackParams>();
const JobsStack = createNativeStackNavigator<JobsStackParams>();
const CatalogStack = createNativeStackNavigator<CatalogStackParams>();
const Tabs = createBottomTabNavigator();

/**
 * A screen's frame. On web a screen that is not in focus (another tab, the list below a detail) is display:none:
 * React Navigation keeps it mounted and only aria-hidden, which left a second visible h1 and focusable elements
 * inside aria-hidden content.
 */
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

/**
 * Counts the times a list should refresh: the screen came back into focus (not the first time), the app came back
 * to the foreground while it is shown, and — with pollMs — every pollMs while it is shown (offers expire in minutes;
 * a push message is the faster path where the device has them).
 */
function useRefocusCount(pollMs?: number): number {
  const [count, setCount] = useState(0);
  const seen = useRef(false);
  useFocusEffect(
    useCallback(() => {
      if (seen.current) setCount((c) => c + 1);
      seen.current = true;
      const bump = () => setCount((c) => c + 1);
      const sub = AppState.addEventListener('change', (next) => {
        if (next === 'active') bump();
      });
      const timer = pollMs ? setInterval(() => AppState.currentState === 'active' && bump(), pollMs) : null;
      return () => {
        sub.remove();
        if (timer) clearInterval(timer);
      };
    }, [pollMs]),
  );
  return count;
}

const OffersListRoute = () => {
  const refreshKey = useRefocusCount(30_000);
  return (
    <Safe>
      <OffersScreen refreshKey={refreshKey} />
    </Safe>
  );
};
/** Detail screens draw their own heading and Back button (the stack's header title would be a second h1 on web). */
const OfferRoute = ({ route, navigation }: NativeStackScreenProps<OffersStackParams, 'Offer'>) => (
  <Safe>
    <OfferScreen offerId={route.params.offerId} onBack={() => (navigation.canGoBack() ? navigation.goBack() : navigation.replace('OffersList'))} />
  </Safe>
);
const OrdersListRoute = ({ navigation }: NativeStackScreenProps<OrdersStackParams, 'OrdersList'>) => {
  const refreshKey = useRefocusCount();
  return (
    <Safe>
      <OrdersScreen refreshKey={refreshKey} onOpen={(orderId) => navigation.navigate('Order', { orderId })} />
    </Safe>
  );
};
const OrderRoute = ({ route, navigation }: NativeStackScreenProps<OrdersStackParams, 'Order'>) => (
  <Safe>
    <OrderScreen
      orderId={route.params.orderId}
      onBack={() => (navigation.canGoBack() ? navigation.goBack() : navigation.replace('OrdersList'))}
      onOpenInstaller={(installerId) => navigation.navigate('InstallerProfile', { installerId })}
    />
  </Safe>
);
const InstallerProfileRoute = ({ route, navigation }: NativeStackScreenProps<OrdersStackParams, 'InstallerProfile'>) => (
  <Safe>
    <InstallerProfileScreen
      installerId={route.params.installerId}
      onBack={() => (navigation.canGoBack() ? navigation.goBack() : navigation.replace('OrdersList'))}
    />
  </Safe>
);
const JobsRoute = ({ navigation }: NativeStackScreenProps<JobsStackParams, 'JobsList'>) => {
  const refreshKey = useRefocusCount();
  return (
    <Safe>
      <JobsScreen
        refreshKey={refreshKey}
        onOpen={(jobId) => navigation.navigate('Job', { jobId })}
        onOpenAvailability={() => navigation.navigate('Availability')}
        onOpenEarnings={() => navigation.navigate('Earnings')}
      />
    </Safe>
  );
};
const backToJobs = (navigation: { canGoBack(): boolean; goBack(): void; replace(name: 'JobsList'): void }) =>
  navigation.canGoBack() ? navigation.goBack() : navigation.replace('JobsList');
const JobRoute = ({ route, navigation }: NativeStackScreenProps<JobsStackParams, 'Job'>) => (
  <Safe>
    <JobScreen jobId={route.params.jobId} onBack={() => backToJobs(navigation)} />
  </Safe>
);
const AvailabilityRoute = ({ navigation }: NativeStackScreenProps<JobsStackParams, 'Availability'>) => (
  <Safe>
    <AvailabilityScreen onBack={() => backToJobs(navigation)} />
  </Safe>
);
const EarningsRoute = ({ navigation }: NativeStackScreenProps<JobsStackParams, 'Earnings'>) => (
  <Safe>
    <EarningsScreen onBack={() => backToJobs(navigation)} />
  </Safe>
);
const CatalogRoute = ({ navigation }: NativeStackScreenProps<CatalogStackParams, 'CatalogList'>) => (
  <Safe>
    <CatalogScreen onQuote={(panel) => navigation.navigate('Quote', { panel })} />
  </Safe>
);
const QuoteRoute = ({ route, navigation }: NativeStackScreenProps<CatalogStackParams, 'Quote'>) => (
  <Safe>
    <QuoteScreen panel={route.params?.panel ?? null} onBack={() => (navigation.canGoBack() ? navigation.goBack() : navigation.replace('CatalogList'))} />
  </Safe>
);

function CatalogTab() {
  const { t } = useI18n();
  return (
    <CatalogStack.Navigator screenOptions={{ headerShown: false }}>
      <CatalogStack.Screen name="CatalogList" component={CatalogRoute} options={{ title: t('catalog.title') }} />
      <CatalogStack.Screen name="Quote" component={QuoteRoute} options={{ title: t('quote.title') }} />
    </CatalogStack.Navigator>
  );
}

function OffersTab() {
  const { t } = useI18n();
  return (
    <OffersStack.Navigator>
      <OffersStack.Screen name="OffersList" component={OffersListRoute} options={{ title: t('offers.title'), headerShown: false }} />
      <OffersStack.Screen name="Offer" component={OfferRoute} options={{ title: t('offer.title'), headerShown: false }} />
    </OffersStack.Navigator>
  );
}

function JobsTab() {
  const { t } = useI18n();
  return (
    <JobsStack.Navigator screenOptions={{ headerShown: false }}>
      <JobsStack.Screen name="JobsList" component={JobsRoute} options={{ title: t('jobs.title') }} />
      <JobsStack.Screen name="Job" component={JobRoute} options={{ title: t('jobDetail.title') }} />
      <JobsStack.Screen name="Availability" component={AvailabilityRoute} options={{ title: t('availability.title') }} />
      <JobsStack.Screen name="Earnings" component={EarningsRoute} options={{ title: t('earnings.title') }} />
    </JobsStack.Navigator>
  );
}

function OrdersTab() {
  const { t } = useI18n();
  return (
    <OrdersStack.Navigator>
      <OrdersStack.Screen name="OrdersList" component={OrdersListRoute} options={{ title: t('orders.title'), headerShown: false }} />
      <OrdersStack.Screen name="Order" component={OrderRoute} options={{ title: t('order.title'), headerShown: false }} />
      <OrdersStack.Screen name="InstallerProfile" component={InstallerProfileRoute} options={{ title: t('profile.title'), headerShown: false }} />
    </OrdersStack.Navigator>
  );
}

function tab(title: string, testID: string) {
  return {
    title,
    tabBarLabel: title,
    tabBarButtonTestID: testID,
    tabBarAccessibilityLabel: title,
    headerShown: false,
    tabBarIcon: () => null,
    tabBarActiveTintColor: colors.primary,
    tabBarInactiveTintColor: colors.muted,
    tabBarLabelStyle: { fontSize: 14 },
    tabBarIconStyle: { display: 'none' as const },
  };
}

/** Expo Go / dev-client URLs (exp://…/--/) in development; none when the manifest has no scheme (tests). */
function devPrefix(): string[] {
  try {
    return [Linking.createURL('/')];
  } catch {
    return [];
  }
}

/**
 * Deep links: sundispatchpro://offers/<offerId> (installer), sundispatch://orders/<orderId> and
 * sundispatch://installers/<installerId> (homeowner; the website's #/installers/<id>).
 */
export function linking(variant: Variant): LinkingOptions<ReactNavigation.RootParamList> {
  const scheme = variant === 'installer' ? 'sundispatchpro://' : 'sundispatch://';
  return {
    // on web the app is one page: the address bar is left alone
    enabled: Platform.OS !== 'web',
    prefixes: [...devPrefix(), scheme],
    config: {
      screens:
        variant === 'installer'
          ? { OffersTab: { screens: { OffersList: 'offers', Offer: 'offers/:offerId' } }, JobsTab: { screens: { JobsList: 'jobs', Job: 'jobs/:jobId', Availability: 'availability', Earnings: 'earnings' } }, AccountTab: 'account' }
          : { OrdersTab: { screens: { OrdersList: 'orders', Order: 'orders/:orderId', InstallerProfile: 'installers/:installerId' } }, CatalogTab: { screens: { CatalogList: 'panels', Quote: 'quote' } }, AccountTab: 'account' },
    },
  };
}

export function AppNavigation({ variant }: { variant: Variant }) {
  const { t } = useI18n();
  return (
    <NavigationContainer
      linking={linking(variant)}
      documentTitle={{ formatter: (options, route) => `${options?.title ?? route?.name ?? ''} · ${variant === 'installer' ? 'SunDispatch Pro' : 'SunDispatch'}` }}
    >
      {variant === 'installer' ? (
        <Tabs.Navigator>
          <Tabs.Screen name="OffersTab" component={OffersTab} options={tab(t('nav.offers'), 'nav-offers')} />
          <Tabs.Screen name="JobsTab" component={JobsTab} options={tab(t('nav.jobs'), 'nav-jobs')} />
          <Tabs.Screen name="AccountTab" component={AccountTab} options={tab(t('nav.account'), 'nav-account')} />
        </Tabs.Navigator>
      ) : (
        <Tabs.Navigator>
          <Tabs.Screen name="OrdersTab" component={OrdersTab} options={tab(t('nav.orders'), 'nav-orders')} />
          <Tabs.Screen name="CatalogTab" component={CatalogTab} options={tab(t('nav.catalog'), 'nav-catalog')} />
          <Tabs.Screen name="AccountTab" component={AccountTab} options={tab(t('nav.account'), 'nav-account')} />
        </Tabs.Navigator>
      )}
    </NavigationContainer>
  );
}
