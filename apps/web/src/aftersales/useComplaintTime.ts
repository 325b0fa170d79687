import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';

/** Complaint times in the browser's own zone: a complaint is about a customer, not one plant's clock. */
export function useComplaintTime(): (iso: string) => string {
  const { locale } = useI18n();
  return (iso) => formatPlantTime(iso, Intl.DateTimeFormat().resolvedOptions().timeZone, locale);
}
