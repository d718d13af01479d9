import { registerRootComponent } from 'expo';
import { Root } from './src/core/Root';

registerRootComponent(Root);
