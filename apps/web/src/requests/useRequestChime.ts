import type { PourRequestDto } from '@pourline/contracts';
import { useEffect, useRef } from 'react';

/** Only requests asked this recently sound: a reload must not ring for every old one. */
const FRESH_MS = 60_000;

function chime(): void {
  try {
    const AudioContextClass = window.AudioContext;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    // Two short high tones, like a radio call: heard across a dark room without being alarming.
    [0, 0.3].forEach((offset) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, context.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + offset);
      oscillator.stop(context.currentTime + offset + 0.25);
    });
    window.setTimeout(() => void context.close(), 1000);
  } catch {
    // A browser that will not play sound before a click still flashes the request.
  }
}

/** Sounds once for each new hold request from a site, the request a dispatcher must not miss. */
export function useRequestChime(requests: ReadonlyMap<string, PourRequestDto>): void {
  const heard = useRef(new Set<string>());
  useEffect(() => {
    let ring = false;
    for (const request of requests.values()) {
      if (heard.current.has(request.id)) continue;
      heard.current.add(request.id);
      const fresh = Date.now() - Date.parse(request.at) < FRESH_MS;
      if (request.kind === 'hold' && !request.acknowledgement && fresh) ring = true;
    }
    if (ring) chime();
  }, [requests]);
}
