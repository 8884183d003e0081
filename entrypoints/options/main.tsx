import { render } from 'preact';
import '@/components/ui.css';
import '@/components/controls.css';
import './options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
