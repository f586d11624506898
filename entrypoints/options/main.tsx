import { render } from 'preact';
import { Options } from '@/components/Options';
import { t, uiDirection, uiLanguage } from '@/lib/i18n';

document.documentElement.lang = uiLanguage();
document.documentElement.dir = uiDirection();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
