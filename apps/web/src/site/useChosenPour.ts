import type { PourDto } from '@pourline/contracts';
import { useCallback, useState } from 'react';

const storageKey = (username: string) => `pourline.site.pour.${username}`;

function readChoice(username: string): string | null {
  try {
    return localStorage.getItem(storageKey(username));
  } catch {
    return null;
  }
}

/**
 * The pour this site follows, remembered across reloads: one of today's, or
 * of another day once those are on screen. A remembered pour found in
 * neither gives way to the first of today's (active first).
 */
export function useChosenPour(
  username: string,
  pours: readonly PourDto[] | undefined,
  otherDays: readonly PourDto[] | undefined,
): [PourDto | null, (pourId: string) => void] {
  const [chosenId, setChosenId] = useState(() => readChoice(username));
  const choose = useCallback(
    (pourId: string) => {
      setChosenId(pourId);
      try {
        localStorage.setItem(storageKey(username), pourId);
      } catch {
        // Remembering is a convenience; the choice holds for this page anyway.
      }
    },
    [username],
  );
  const pour =
    pours?.find((candidate) => candidate.id === chosenId) ??
    otherDays?.find((candidate) => candidate.id === chosenId) ??
    pours?.[0] ??
    null;
  return [pour, choose];
}
