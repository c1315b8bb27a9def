import { render } from 'preact';

render(<p>Sésame</p>, document.getElementById('app') as HTMLElement);
