import { useState } from 'react';
import { parseReading } from './readingInput';

/** What an inspector types for a test, as text, and what it reads as. */
export function useQcReadings() {
  const [slump, setSlump] = useState('');
  const [temperature, setTemperature] = useState('');
  const [air, setAir] = useState('');
  const readings = { slump: parseReading(slump), temperature: parseReading(temperature), air: parseReading(air) };
  return {
    readings,
    unreadable: Object.values(readings).some((reading) => reading.kind === 'invalid'),
    /** Spread onto QcReadingFields. */
    fields: { readings, slump, temperature, air, onSlump: setSlump, onTemperature: setTemperature, onAir: setAir },
  };
}
