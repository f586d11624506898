// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { AiSummary } from './AiSummary';
import { fakeSummarizer, type FakeSummarizerPlan } from '@/lib/summary/fake-summarizer';

// The popup's "AI summary" with a fake Summarizer (the real one needs Chrome 138+ and its model).
// Outside an extension, t() shows message keys, so the assertions read keys.

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function settle() {
  for (let i = 0; i < 10; i++) await act(() => Promise.resolve());
}

async function mount(plan: FakeSummarizerPlan | null) {
  container = document.createElement('div');
  document.body.appendChild(container);
  const factory = plan ? fakeSummarizer(plan) : null;
  await act(() => {
    render(h(AiSummary, { text: 'The army retook the city.', title: 'City retaken', lang: 'en', factory }), container);
  });
  await settle();
  return factory;
}

const button = () => container.querySelector<HTMLButtonElement>('#ai-summary-run');

describe('AiSummary', () => {
  it('shows nothing without the API or when the browser says unavailable', async () => {
    await mount(null);
    expect(container.childNodes).toHaveLength(0);
    await mount({ availability: 'unavailable' });
    expect(container.childNodes).toHaveLength(0);
  });

  it('waits for a click: nothing runs on its own', async () => {
    const fake = await mount({ availability: 'available' });
    expect(button()?.textContent).toBe('aiSummaryButton');
    expect(fake!.created).toHaveLength(0);
  });

  it('when available, summarises on click and shows the key points', async () => {
    const fake = await mount({ availability: 'available', output: '* The army retook the city.\n* Russia helped.' });
    await act(() => button()!.click());
    await settle();
    expect([...container.querySelectorAll('.ai-points li')].map((li) => li.textContent)).toEqual(['The army retook the city.', 'Russia helped.']);
    expect(container.textContent).toContain('aiSummaryNote');
    expect(fake!.summarized[0].context).toBe('Its title: City retaken');
  });

  it('when downloadable, says so on the button and shows download progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fake = await mount({ availability: 'downloadable', progress: [0.4] });
    expect(button()?.textContent).toBe('aiSummaryButtonDownload');
    // Hold the summary so the progress can be seen.
    const create = fake!.create.bind(fake);
    fake!.create = async (o) => {
      const s = await create(o);
      await gate;
      return s;
    };
    await act(() => button()!.click());
    await settle();
    const bar = container.querySelector('progress');
    expect(bar?.getAttribute('value') ?? String((bar as HTMLProgressElement | null)?.value)).toBe('0.4');
    release();
    await settle();
    expect(container.querySelectorAll('.ai-points li')).toHaveLength(2);
  });

  it('on failure, says so and offers to try again; the extractive summary stays', async () => {
    await mount({ availability: 'available', failWith: 'The model crashed' });
    await act(() => button()!.click());
    await settle();
    expect(container.querySelector('.ai-failed')?.textContent).toContain('aiSummaryFailed');
    expect(container.querySelector('.ai-failed button')).not.toBeNull();
  });
});
