import { describe, expect, it } from 'vitest';
import { findSummarizer, keyPoints, onDeviceAvailability, summarizeOnDevice, summarizerOptions } from './on-device';
import { fakeSummarizer } from './fake-summarizer';

describe('on-device summary (Chrome Summarizer API, faked)', () => {
  it('finds the API only where the global object has a usable Summarizer', () => {
    expect(findSummarizer({})).toBeNull();
    expect(findSummarizer(null)).toBeNull();
    expect(findSummarizer({ Summarizer: { availability: 1 } })).toBeNull();
    const fake = fakeSummarizer({ availability: 'available' });
    expect(findSummarizer({ Summarizer: fake })).toBe(fake);
    // Node has no Summarizer: the popup then shows the extractive summary only.
    expect(findSummarizer()).toBeNull();
  });

  it('reports availability, and "unsupported" or "unavailable" when it cannot run', async () => {
    expect(await onDeviceAvailability(null)).toBe('unsupported');
    expect(await onDeviceAvailability(fakeSummarizer({ availability: 'unavailable' }))).toBe('unavailable');
    expect(await onDeviceAvailability(fakeSummarizer({ availability: 'throws' }))).toBe('unavailable');
    expect(await onDeviceAvailability(fakeSummarizer({ availability: 'downloadable' }))).toBe('downloadable');
    expect(await onDeviceAvailability(fakeSummarizer({ availability: 'available' }))).toBe('available');
  });

  it('asks for plain-text key points in the article language', () => {
    expect(summarizerOptions('en-GB')).toMatchObject({ type: 'key-points', format: 'plain-text', expectedInputLanguages: ['en'], outputLanguage: 'en' });
    expect(summarizerOptions(null).outputLanguage).toBe('en');
  });

  it('downloads with progress, summarises with the title as context, and frees the model', async () => {
    const fake = fakeSummarizer({ availability: 'downloadable', progress: [0, 0.25, 1], output: '* Palmyra retaken.\n- Russia helped.\n\n1. ISIL retreats.' });
    const progress: number[] = [];
    const points = await summarizeOnDevice(fake, { text: 'Article text.', title: 'A title', onProgress: (f) => progress.push(f) });
    expect(progress).toEqual([0, 0.25, 1]);
    expect(points).toEqual(['Palmyra retaken.', 'Russia helped.', 'ISIL retreats.']);
    expect(fake.summarized[0]).toEqual({ text: 'Article text.', context: 'Its title: A title' });
    expect(fake.destroyed).toBe(1);
  });

  it('cuts a long text at a paragraph to fit the input quota', async () => {
    const fake = fakeSummarizer({ availability: 'available', inputQuota: 100 });
    const text = Array.from({ length: 10 }, (_, i) => `Paragraph ${i} `.padEnd(80, 'x')).join('\n\n');
    await summarizeOnDevice(fake, { text });
    const sent = fake.summarized[0].text;
    expect(sent.length).toBeLessThanOrEqual(400);
    expect(text.startsWith(sent)).toBe(true);
    expect(sent.endsWith('x')).toBe(true);
  });

  it('passes a failure on, and still frees the model', async () => {
    const fake = fakeSummarizer({ availability: 'available', failWith: 'The model crashed' });
    await expect(summarizeOnDevice(fake, { text: 'x' })).rejects.toThrow('The model crashed');
    expect(fake.destroyed).toBe(1);
  });

  it('reads bullets in either format', () => {
    expect(keyPoints('* a\n  - b\n• c\n2) d\nplain')).toEqual(['a', 'b', 'c', 'd', 'plain']);
  });
});
