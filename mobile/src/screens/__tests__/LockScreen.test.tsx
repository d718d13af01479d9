import React from 'react';
import { fireEvent, screen } from '@testing-library/react-native';
import { LockScreen } from '../LockScreen';
import { renderScreen } from '../../test/render';

test('LockScreen asks at once, and again on the button; sign out instead', () => {
  const onUnlock = jest.fn();
  const onSignOut = jest.fn();
  renderScreen(<LockScreen onUnlock={onUnlock} onSignOut={onSignOut} />);
  expect(onUnlock).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('header', { name: 'SunDispatch is locked' })).toBeTruthy();
  fireEvent.press(screen.getByTestId('unlock'));
  expect(onUnlock).toHaveBeenCalledTimes(2);
  fireEvent.press(screen.getByTestId('lock-sign-out'));
  expect(onSignOut).toHaveBeenCalled();
});
